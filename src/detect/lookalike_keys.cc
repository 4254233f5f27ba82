#include "detect/lookalike_keys.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <vector>

#include "text/utf8.h"

namespace chorus::detect {
namespace {

bool IsSeparator(char32_t cp) {
  switch (cp) {
    case '.':
    case '_':
    case '-':
    case '\'':
    case 0x00B7:  // middle dot
    case 0x2019:  // right single quotation mark
    case 0x200B:  // zero-width space, non-joiner, joiner
    case 0x200C:
    case 0x200D:
    case 0x2060:  // word joiner
    case 0xFEFF:
    case 0x00AD:  // soft hyphen
      return true;
    default:
      return u_isUWhiteSpace(static_cast<UChar32>(cp)) ||
             u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR;
  }
}

char32_t Leet(char32_t cp) {
  switch (cp) {
    case '0':
      return 'o';
    case '1':
    case '!':
      return 'i';
    case '3':
      return 'e';
    case '4':
    case '@':
      return 'a';
    case '5':
    case '$':
      return 's';
    case '7':
      return 't';
    case '8':
      return 'b';
    default:
      return cp;
  }
}

void AppendFolded(const icu::UnicodeString& s, std::u32string* out) {
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_ENCLOSING_MARK) continue;
    out->push_back(static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
  }
}

}  // namespace

NameKeyer::~NameKeyer() {
  if (checker_) uspoof_close(checker_);
}

Status NameKeyer::Init() {
  UErrorCode status = U_ZERO_ERROR;
  checker_ = uspoof_open(&status);
  if (U_SUCCESS(status)) uspoof_setChecks(checker_, USPOOF_CONFUSABLE, &status);
  if (U_FAILURE(status))
    return Status::Error(std::string("ICU spoof checker: ") + u_errorName(status));
  for (char32_t c = 0; c < 128; ++c) {
    std::u32string skeleton;
    AppendSkeleton(c, &skeleton);
    ascii_[c] = skeleton;
  }
  return Status::Ok();
}

// ASCII letters are lower-cased before their skeleton ("I" is an "i", not an "l"); other
// letters after it, because the skeleton maps capitals of other scripts to Latin capitals
// (Cyrillic "Т" looks like "T", while its lower case "т" looks like no Latin letter).
void NameKeyer::AppendSkeleton(char32_t cp, std::u32string* out) const {
  if (cp >= '0' && cp <= '9') {  // digits stay digits; the leet key reads them as letters
    out->push_back(cp);
    return;
  }
  if (cp < 128 && !ascii_[cp].empty()) {
    out->append(ascii_[cp]);
    return;
  }
  if (cp < 128) {  // building the ASCII table
    const UChar lower = static_cast<UChar>(u_tolower(static_cast<UChar32>(cp)));
    UErrorCode status = U_ZERO_ERROR;
    UChar skeleton[16];
    const int32_t length = uspoof_getSkeleton(checker_, 0, &lower, 1, skeleton, 16, &status);
    if (U_SUCCESS(status)) AppendFolded(icu::UnicodeString(skeleton, length), out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return;
  const icu::UnicodeString normal =
      nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
  if (U_FAILURE(status)) return;
  UChar skeleton[64];
  const int32_t length =
      uspoof_getSkeleton(checker_, 0, normal.getBuffer(), normal.length(), skeleton, 64, &status);
  if (U_FAILURE(status)) return;  // longer than any confusable mapping
  const icu::UnicodeString mapped(skeleton, length);
  for (int32_t i = 0; i < mapped.length();) {
    const UChar32 c = mapped.char32At(i);
    i += U16_LENGTH(c);
    if (c < 128 && c >= 0) {
      if (c >= '0' && c <= '9')
        out->push_back(static_cast<char32_t>(c));
      else
        out->append(ascii_[static_cast<size_t>(u_tolower(c))]);
    } else {
      AppendFolded(icu::UnicodeString(c), out);
    }
  }
}

NameKeys NameKeyer::Keys(std::string_view text) const {
  NameKeys keys;
  std::vector<UScriptCode> scripts;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    const char32_t cp = text::DecodeUtf8(text, i, &len);
    i += len;
    if (IsSeparator(cp)) continue;
    keys.plain.push_back(
        static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
    const size_t before = keys.skeleton.size();
    AppendSkeleton(cp, &keys.skeleton);
    const char32_t leet = Leet(cp);
    if (leet != cp)
      keys.leet.push_back(leet);
    else
      keys.leet.append(keys.skeleton, before, std::u32string::npos);
    if (u_isalpha(static_cast<UChar32>(cp))) {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
      if (U_SUCCESS(status) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED &&
          std::find(scripts.begin(), scripts.end(), script) == scripts.end())
        scripts.push_back(script);
    }
  }
  keys.mixed_script = scripts.size() > 1;
  return keys;
}

size_t BoundedEditDistance(std::u32string_view a, std::u32string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

}  // namespace chorus::detect
