#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>

#include "text/utf8.h"

namespace chorus::text {
namespace {

// What a code point is, for folding.
enum Kind : uint8_t {
  kSeparator = 0,  // ends a word; non-ASCII ones fold to a space
  kLetter = 1,     // part of a word
  kDigit = 2,      // part of a word
  kIgnorable = 3,  // produces nothing and does not end a word (marks, zero-width)
  kSymbol = 4,     // ends a word but is kept as folded (currency signs)
};

struct Entry {
  uint8_t length = 0;  // bytes of `folded`
  Kind kind = kSeparator;
  char latin = 0;  // for Cyrillic/Greek look-alikes: the Latin letter they imitate
  char folded[13] = {};
};

constexpr char32_t kBlockSize = 256;
constexpr char32_t kBlockCount = 0x110000 / kBlockSize;
using Block = std::array<Entry, kBlockSize>;

// Look-alike letters (already lower case) mapped to the Latin letter they are mistaken for.
char LatinLookAlike(char32_t cp) {
  switch (cp) {
    case 0x0430:
      return 'a';  // а
    case 0x0435:
      return 'e';  // е
    case 0x043E:
      return 'o';  // о
    case 0x0440:
      return 'p';  // р
    case 0x0441:
      return 'c';  // с
    case 0x0443:
      return 'y';  // у
    case 0x0445:
      return 'x';  // х
    case 0x0456:
      return 'i';  // і
    case 0x0458:
      return 'j';  // ј
    case 0x0455:
      return 's';  // ѕ
    case 0x0501:
      return 'd';  // ԁ
    case 0x04BB:
      return 'h';  // һ
    case 0x04CF:
      return 'l';  // ӏ
    case 0x043A:
      return 'k';  // к
    case 0x03BF:
      return 'o';  // ο
    case 0x03B1:
      return 'a';  // α
    case 0x03BD:
      return 'v';  // ν
    case 0x03C1:
      return 'p';  // ρ
    case 0x03B9:
      return 'i';  // ι
    case 0x03BA:
      return 'k';  // κ
    case 0x03C5:
      return 'u';  // υ
    default:
      return 0;
  }
}

// Letters that carry a stroke rather than a combining diacritic, so NFD leaves them alone.
const char* StrokeLetterBase(char32_t cp) {
  switch (cp) {
    case 0x0142:
      return "l";  // ł
    case 0x0111:
      return "d";  // đ
    case 0x00F8:
      return "o";  // ø
    case 0x0127:
      return "h";  // ħ
    case 0x0131:
      return "i";  // ı
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00F0:
      return "d";  // ð
    case 0x00FE:
      return "th";  // þ
    default:
      return nullptr;
  }
}

Entry ComputeEntry(char32_t cp, const icu::Normalizer2* nfkc_cf, const icu::Normalizer2* nfd) {
  Entry e;
  const int8_t category = u_charType(static_cast<UChar32>(cp));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
      u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    e.kind = kIgnorable;
    return e;
  }
  auto set = [&](std::string_view s, Kind kind) {
    e.kind = kind;
    e.length = static_cast<uint8_t>(std::min(s.size(), sizeof(e.folded)));
    std::memcpy(e.folded, s.data(), e.length);
  };
  // Punctuation that matters to matching keeps an ASCII form.
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x05F3:
    case 0x02BC:
    case 0x2032:
      set("'", kSeparator);
      return e;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x05F4:
    case 0x00AB:
    case 0x00BB:
      set("\"", kSeparator);
      return e;
    default:
      break;
  }
  if (category == U_DASH_PUNCTUATION) {
    set("-", kSeparator);
    return e;
  }
  const bool letter = u_isalpha(static_cast<UChar32>(cp)) || category == U_COMBINING_SPACING_MARK;
  const bool digit = u_isdigit(static_cast<UChar32>(cp));
  if (!letter && !digit && category != U_CURRENCY_SYMBOL && category != U_OTHER_NUMBER &&
      category != U_LETTER_NUMBER) {
    set(" ", kSeparator);
    return e;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded =
      nfkc_cf->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
  icu::UnicodeString decomposed = nfd->normalize(folded, status);
  if (U_FAILURE(status)) decomposed = icu::UnicodeString(static_cast<UChar32>(cp));
  std::string bytes;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char* base = StrokeLetterBase(static_cast<char32_t>(c))) {
      bytes += base;
      continue;
    }
    AppendUtf8(static_cast<char32_t>(c), &bytes);
  }
  if (category == U_CURRENCY_SYMBOL) {
    set(bytes, kSymbol);
  } else if (bytes.empty()) {
    e.kind = kIgnorable;
  } else {
    set(bytes, digit ? kDigit : kLetter);
    if (bytes.size() <= 2) {
      size_t len = 0;
      e.latin = LatinLookAlike(DecodeUtf8(bytes, 0, &len));
    }
  }
  return e;
}

class FoldingTable {
 public:
  static FoldingTable& Get() {
    static FoldingTable table;
    return table;
  }

  const Entry& Lookup(char32_t cp) {
    const char32_t b = cp / kBlockSize;
    const Block* block = blocks_[b].load(std::memory_order_acquire);
    if (block == nullptr) block = Build(b);
    return (*block)[cp % kBlockSize];
  }

 private:
  FoldingTable() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    for (auto& b : blocks_) b.store(nullptr, std::memory_order_relaxed);
  }

  const Block* Build(char32_t b) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (const Block* existing = blocks_[b].load(std::memory_order_acquire)) return existing;
    auto block = std::make_unique<Block>();
    for (char32_t i = 0; i < kBlockSize; ++i) {
      const char32_t cp = b * kBlockSize + i;
      (*block)[i] = (cp >= 0xD800 && cp <= 0xDFFF) ? Entry{} : ComputeEntry(cp, nfkc_cf_, nfd_);
    }
    const Block* raw = block.get();
    owned_.push_back(std::move(block));
    blocks_[b].store(raw, std::memory_order_release);
    return raw;
  }

  const icu::Normalizer2* nfkc_cf_ = nullptr;
  const icu::Normalizer2* nfd_ = nullptr;
  std::array<std::atomic<const Block*>, kBlockCount> blocks_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Block>> owned_;
};

// ASCII classes: 0 separator, 1 letter, 2 digit, 3 letter-like symbol ($ !), 4 mask (*).
// "@" is left out on purpose: inside a word it is far more often an e-mail than a letter.
constexpr std::array<uint8_t, 128> MakeAsciiClass() {
  std::array<uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = 1;
  for (int c = '0'; c <= '9'; ++c) t[c] = 2;
  t['$'] = 3;
  t['!'] = 3;
  t['*'] = 4;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClass = MakeAsciiClass();

char LeetLetter(char c) {
  switch (c) {
    case '0':
      return 'o';
    case '1':
      return 'i';
    case '3':
      return 'e';
    case '4':
      return 'a';
    case '5':
      return 's';
    case '7':
      return 't';
    case '$':
      return 's';
    case '!':
      return 'i';
    default:
      return 0;
  }
}

// True if the run of letter-like symbols ("$", "!", "*") starting at input[i] is followed by
// a letter or digit, so that it may stand inside a word ("a$$hole", "f**k"); a run that ends
// a word ("idiots!!!", "cost 5$") or stands before a space, punctuation or an emoji is not.
bool LetterFollowsSymbols(std::string_view input, size_t i) {
  size_t j = i;
  while (j < input.size() && static_cast<unsigned char>(input[j]) < 0x80 &&
         (kAsciiClass[static_cast<unsigned char>(input[j])] == 3 ||
          kAsciiClass[static_cast<unsigned char>(input[j])] == 4))
    ++j;
  if (j >= input.size()) return false;
  const auto c = static_cast<unsigned char>(input[j]);
  if (c < 0x80) return kAsciiClass[c] == 1 || kAsciiClass[c] == 2;
  size_t len = 0;
  return IsLetterOrDigit(DecodeUtf8(input, j, &len));
}

struct WordState;
void EndWord(WordState* w, FoldedText* out, int* single_letter_words);

// State of the word being written, to undo obfuscation when it ends.
struct WordState {
  size_t start = 0;  // offset in out->text
  int letters = 0;   // letters (any script)
  int leet = 0;      // digits or symbols that may stand for letters
  bool adjacent_digits = false;
  bool masked = false;
  bool latin = false;       // has an ASCII letter
  bool look_alike = false;  // has a Cyrillic/Greek letter that imitates a Latin one
  bool prev_digit = false;
  bool prev_lower = false;  // the last letter was a lower-case one
  bool hashtag = false;     // the word follows "#": camelCase inside it separates words
  bool split_next = false;  // an invisible character stood between a lower-case letter and a
                            // capital ("Project\u200BNightingale"): the capital starts a word
  int code_points = 0;
};

// A hashtag or handle joins words with capitals ("#ProjectNightingale"): at a lower-case
// letter followed by a capital, the word ends and a space is written, mapped to the capital.
void SplitHashtagWord(WordState* w, FoldedText* out, int* single_letter_words, size_t at) {
  const bool hashtag = w->hashtag;
  EndWord(w, out, single_letter_words);
  out->text.push_back(' ');
  out->origin.push_back(static_cast<uint32_t>(at));
  w->start = out->text.size();
  w->hashtag = hashtag;
}

// Zero-width space, zero-width non-joiner and joiner, word joiner, soft hyphen, BOM.
bool IsInvisibleSeparator(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0x00AD || cp == 0xFEFF;
}

// True if the invisible character at input[at, at + len) stands between a lower-case letter
// and a capital: it then separates two words written together ("Project\u200BNightingale").
bool CaseChangeAround(std::string_view input, size_t at, size_t len) {
  if (at == 0 || at + len >= input.size()) return false;
  size_t before = at - 1;
  while (before > 0 && (static_cast<unsigned char>(input[before]) & 0xC0) == 0x80) --before;
  size_t l = 0;
  const char32_t prev = DecodeUtf8(input, before, &l);
  const char32_t next = DecodeUtf8(input, at + len, &l);
  return u_islower(static_cast<UChar32>(prev)) && u_isupper(static_cast<UChar32>(next));
}

void RewriteLookAlikes(FoldedText* out, size_t start) {
  std::string word = out->text.substr(start);
  std::vector<uint32_t> origin(out->origin.begin() + static_cast<long>(start), out->origin.end());
  out->text.resize(start);
  out->origin.resize(start);
  FoldingTable& table = FoldingTable::Get();
  for (size_t i = 0; i < word.size();) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(word, i, &len);
    const char latin = cp >= 0x80 ? table.Lookup(cp).latin : 0;
    if (latin) {
      out->text.push_back(latin);
      out->origin.push_back(origin[i]);
    } else {
      out->text.append(word, i, len);
      out->origin.insert(out->origin.end(), origin.begin() + static_cast<long>(i),
                         origin.begin() + static_cast<long>(i + len));
    }
    i += len;
  }
}

void EndWord(WordState* w, FoldedText* out, int* single_letter_words) {
  const size_t end = out->text.size();
  if (end == w->start) return;
  if (w->leet > 0 && w->letters >= 3 && !w->adjacent_digits) {
    for (size_t i = w->start; i < end; ++i)
      if (char l = LeetLetter(out->text[i])) out->text[i] = l;
  }
  if (w->look_alike && w->latin) RewriteLookAlikes(out, w->start);
  if (w->masked)
    out->masked_tokens.emplace_back(static_cast<uint32_t>(w->start),
                                    static_cast<uint32_t>(out->text.size()));
  if (w->code_points == 1 && w->letters == 1) ++*single_letter_words;
  *w = WordState{};
  w->start = out->text.size();
}

// Joins letters written apart: three or more single letters separated by one space, dot,
// hyphen or underscore ("i d i o t") become one word.
void JoinSpacedLetters(FoldedText* out) {
  std::string& t = out->text;
  auto single_at = [&](size_t i, size_t* len) {
    // A single-letter word starts at i: a letter code point with no word char around it.
    if (i >= t.size() || !IsWordCharAt(t, i) || IsWordCharBefore(t, i)) return false;
    size_t l = 0;
    DecodeUtf8(t, i, &l);
    if (IsWordCharAt(t, i + l)) return false;
    *len = l;
    return true;
  };
  auto is_gap = [](char c) { return c == ' ' || c == '.' || c == '-' || c == '_'; };
  std::string joined;
  std::vector<uint32_t> origin;
  joined.reserve(t.size());
  origin.reserve(out->origin.size());
  size_t i = 0;
  bool changed = false;
  while (i < t.size()) {
    size_t len = 0;
    if (single_at(i, &len)) {
      // Collect the run.
      std::vector<std::pair<size_t, size_t>> letters{{i, len}};
      size_t j = i + len;
      while (j + 1 < t.size() && is_gap(t[j]) && !is_gap(t[j + 1])) {
        size_t l2 = 0;
        if (!single_at(j + 1, &l2)) break;
        letters.emplace_back(j + 1, l2);
        j = j + 1 + l2;
      }
      if (letters.size() >= 3) {
        for (auto [pos, l] : letters) {
          joined.append(t, pos, l);
          origin.insert(origin.end(), out->origin.begin() + static_cast<long>(pos),
                        out->origin.begin() + static_cast<long>(pos + l));
        }
        changed = true;
        i = j;
        continue;
      }
      joined.append(t, i, j - i);
      origin.insert(origin.end(), out->origin.begin() + static_cast<long>(i),
                    out->origin.begin() + static_cast<long>(j));
      i = j;
      continue;
    }
    joined.push_back(t[i]);
    origin.push_back(out->origin[i]);
    ++i;
  }
  if (!changed) return;
  origin.push_back(out->origin.back());
  t.swap(joined);
  out->origin.swap(origin);
  // Masked-token offsets were computed before joining; recompute them simply.
  out->masked_tokens.clear();
  for (size_t k = 0; k < t.size();) {
    if (t[k] == '*' && k > 0 && IsWordCharBefore(t, k)) {
      size_t s = k;
      while (s > 0 && (IsWordCharBefore(t, s) || t[s - 1] == '*')) --s;
      size_t e = k;
      while (e < t.size() && (IsWordCharAt(t, e) || t[e] == '*')) ++e;
      // Stars that no letter follows end the word ("bitch**"); they mask nothing.
      size_t last = e;
      while (last > k && t[last - 1] == '*') --last;
      if (last > k)
        out->masked_tokens.emplace_back(static_cast<uint32_t>(s), static_cast<uint32_t>(last));
      k = e;
    } else {
      ++k;
    }
  }
}

}  // namespace

bool IsLetterOrDigit(char32_t cp) {
  if (cp < 0x80) return kAsciiClass[cp] == 1 || kAsciiClass[cp] == 2;
  return u_isalnum(static_cast<UChar32>(cp)) ||
         u_charType(static_cast<UChar32>(cp)) == U_COMBINING_SPACING_MARK;
}

bool IsWordCharAt(std::string_view folded, size_t pos) {
  if (pos >= folded.size()) return false;
  const auto c = static_cast<unsigned char>(folded[pos]);
  if (c < 0x80) return kAsciiClass[c] == 1 || kAsciiClass[c] == 2;
  size_t len = 0;
  return IsLetterOrDigit(DecodeUtf8(folded, pos, &len));
}

std::vector<std::string_view> FoldedWords(std::string_view folded) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t len = 1;
    DecodeUtf8(folded, pos, &len);
    if (!IsWordCharAt(folded, pos)) {
      pos += len;
      continue;
    }
    const size_t start = pos;
    while (pos < folded.size() && IsWordCharAt(folded, pos)) {
      DecodeUtf8(folded, pos, &len);
      pos += len;
    }
    words.push_back(folded.substr(start, pos - start));
  }
  return words;
}

bool IsWordCharBefore(std::string_view folded, size_t pos) {
  if (pos == 0 || pos > folded.size()) return false;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(folded[start]) & 0xC0) == 0x80 && pos - start < 4)
    --start;
  return IsWordCharAt(folded, start);
}

size_t FoldedText::OriginalEnd(size_t end) const {
  if (end == 0) return origin.empty() ? 0 : origin[0];
  const uint32_t last = origin[end - 1];
  size_t i = end;
  while (i < origin.size() - 1 && origin[i] == last) ++i;
  return origin[i] == last ? origin.back() : origin[i];
}

void Fold(std::string_view input, FoldedText* out) {
  out->text.clear();
  out->origin.clear();
  out->masked_tokens.clear();
  out->had_invalid_utf8 = false;
  out->text.reserve(input.size() + 8);
  out->origin.reserve(input.size() + 9);
  FoldingTable& table = FoldingTable::Get();
  WordState word;
  int single_letter_words = 0;
  const size_t n = input.size();
  size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (c < 0x80) {
      const uint8_t cls = kAsciiClass[c];
      if (cls == 1) {
        if (word.code_points == 0) word.hashtag = !out->text.empty() && out->text.back() == '#';
        if (word.hashtag || word.split_next) [[unlikely]] {
          const bool upper = c <= 'Z';
          if (word.split_next || (upper && word.prev_lower))
            SplitHashtagWord(&word, out, &single_letter_words, i);
          word.prev_lower = !upper;
        }
        out->text.push_back(static_cast<char>(c | 0x20));
        out->origin.push_back(static_cast<uint32_t>(i));
        ++word.letters;
        ++word.code_points;
        word.latin = true;
        word.prev_digit = false;
        // A letter stretched three times or more ("fuuuck", "kurwaaa") is written once.
        const auto lower = static_cast<unsigned char>(c | 0x20);
        auto same = [&](size_t k) {
          return (static_cast<unsigned char>(input[k]) | 0x20) == lower;
        };
        if (i + 2 < n && same(i + 1) && same(i + 2)) [[unlikely]] {
          size_t run = 3;
          while (i + run < n && same(i + run)) ++run;
          i += run - 1;
        }
      } else if (cls == 2) {
        out->text.push_back(static_cast<char>(c));
        out->origin.push_back(static_cast<uint32_t>(i));
        if (word.prev_digit) word.adjacent_digits = true;
        if (LeetLetter(static_cast<char>(c))) ++word.leet;
        ++word.code_points;
        word.prev_digit = true;
        word.prev_lower = false;
      } else if ((cls == 3 || cls == 4) && word.code_points > 0 && LetterFollowsSymbols(input, i)) {
        // "$", "!" or "*" inside a word: obfuscation, kept as part of the word. A run of them
        // counts only when a letter or digit follows it: "idiots!!!" ends at the "s".
        out->text.push_back(static_cast<char>(c));
        out->origin.push_back(static_cast<uint32_t>(i));
        if (cls == 3) ++word.leet;
        if (cls == 4) word.masked = true;
        ++word.code_points;
        word.prev_digit = false;
      } else {
        EndWord(&word, out, &single_letter_words);
        // "_" joins words in handles and tags ("Project_Nightingale"): it reads as a space.
        out->text.push_back(c == '_' ? ' ' : static_cast<char>(c));
        out->origin.push_back(static_cast<uint32_t>(i));
        word.start = out->text.size();
      }
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t cp = DecodeUtf8(input, i, &len);
    if (cp == kReplacementChar && len == 1) out->had_invalid_utf8 = true;
    const Entry& e = table.Lookup(cp);
    switch (e.kind) {
      case kIgnorable:
        if (word.code_points > 0 && IsInvisibleSeparator(cp) && CaseChangeAround(input, i, len))
          word.split_next = true;
        break;
      case kLetter:
      case kDigit:
        if (word.code_points == 0) word.hashtag = !out->text.empty() && out->text.back() == '#';
        if (word.split_next) {
          SplitHashtagWord(&word, out, &single_letter_words, i);
          word.prev_lower = false;
        } else if (word.hashtag && e.kind == kLetter) {
          const bool upper = u_isupper(static_cast<UChar32>(cp));
          if (upper && word.prev_lower) SplitHashtagWord(&word, out, &single_letter_words, i);
          word.prev_lower = u_islower(static_cast<UChar32>(cp));
        } else {
          word.prev_lower = false;
        }
        out->text.append(e.folded, e.length);
        out->origin.insert(out->origin.end(), e.length, static_cast<uint32_t>(i));
        ++word.code_points;
        if (e.kind == kLetter) {
          ++word.letters;
          if (e.latin) word.look_alike = true;
          word.prev_digit = false;
        } else {
          if (word.prev_digit) word.adjacent_digits = true;
          word.prev_digit = true;
        }
        break;
      case kSeparator:
      case kSymbol:
        EndWord(&word, out, &single_letter_words);
        out->text.append(e.folded, e.length);
        out->origin.insert(out->origin.end(), e.length, static_cast<uint32_t>(i));
        word.start = out->text.size();
        break;
    }
    i += len;
  }
  EndWord(&word, out, &single_letter_words);
  out->origin.push_back(static_cast<uint32_t>(n));
  if (single_letter_words >= 3) JoinSpacedLetters(out);
}

std::string FoldTerm(std::string_view term) {
  FoldedText folded;
  Fold(term, &folded);
  return std::move(folded.text);
}

}  // namespace chorus::text
