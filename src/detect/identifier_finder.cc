#include "detect/identifier_finder.h"

#include <algorithm>
#include <array>
#include <optional>

#include "detect/iban_structure.h"
#include "detect/identifier_cues.h"
#include "detect/identifiers.h"
#include "detect/phone_numbers.h"
#include "detect/tax_numbers.h"

namespace chorus::detect {
namespace {

constexpr std::string_view kIban = "identifier:iban";
constexpr std::string_view kCard = "identifier:card";
constexpr std::string_view kNationalId = "identifier:national_id";
constexpr std::string_view kPhone = "identifier:phone";

// The longest digit string any identifier here has (the Polish NRB), and how many groups an
// identifier is written in at most (an NRB: 2 + 6 x 4).
constexpr size_t kMaxIdDigits = 26;
constexpr size_t kMaxIdGroups = 8;

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool IsAlnum(char c) {
  return IsDigit(c) || IsLetter(c);
}
char ToUpper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// Separators people put between the groups of an identifier.
constexpr std::array<std::string_view, 8> kSeparators = {
    " ",
    "-",
    "\xC2\xA0",      // no-break space
    "\xE2\x80\xAF",  // narrow no-break space
    "\xE2\x80\x89",  // thin space
    "\xE2\x80\x90",  // hyphen
    "\xE2\x80\x91",  // non-breaking hyphen
    "\xE2\x80\x93",  // en dash
};

bool IsSeparator(std::string_view between) {
  return std::find(kSeparators.begin(), kSeparators.end(), between) != kSeparators.end();
}
bool IsDashSeparator(std::string_view between) {
  return between == "-" || between == "\xE2\x80\x90" || between == "\xE2\x80\x91" ||
         between == "\xE2\x80\x93";
}

// A maximal run of ASCII letters and digits.
struct Group {
  size_t start, end;
  bool digits;          // digits only
  bool joined_to_next;  // one separator, then the next group
  bool dash_to_next;    // that separator is a dash
  bool glued_before;    // part of a longer token ("x_123", "a/123", "1.123")
  bool glued_after;
  bool plus_before;  // "+371 ..."
};

// Bytes that make a group part of something else: a URL, an e-mail address, a file name, a
// decimal number.
bool GluesBefore(std::string_view text, size_t start) {
  if (start == 0) return false;
  const char c = text[start - 1];
  if (c == '_' || c == '@' || c == '/' || c == '\\' || c == '=' || c == '&' || c == '%' ||
      c == '$' || c == '#')
    return true;
  return (c == '.' || c == ',' || c == ':') && start >= 2 && IsAlnum(text[start - 2]);
}
bool GluesAfter(std::string_view text, size_t end) {
  if (end >= text.size()) return false;
  const char c = text[end];
  if (c == '_' || c == '@' || c == '/' || c == '\\' || c == '=' || c == '&' || c == '%')
    return true;
  return (c == '.' || c == ',' || c == ':') && end + 1 < text.size() && IsAlnum(text[end + 1]);
}

void SplitGroups(std::string_view text, std::vector<Group>* groups) {
  groups->clear();
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    Group g{};
    g.start = i;
    bool digits = true;
    for (; i < text.size() && IsAlnum(text[i]); ++i) {
      if (!IsDigit(text[i])) digits = false;
    }
    g.end = i;
    g.digits = digits;
    g.glued_before = GluesBefore(text, g.start);
    g.glued_after = GluesAfter(text, g.end);
    g.plus_before = g.start > 0 && text[g.start - 1] == '+';
    groups->push_back(g);
  }
  for (size_t k = 0; k + 1 < groups->size(); ++k) {
    Group& g = (*groups)[k];
    const std::string_view between = text.substr(g.end, (*groups)[k + 1].start - g.end);
    g.joined_to_next = IsSeparator(between);
    g.dash_to_next = IsDashSeparator(between);
  }
}

struct Hit {
  IdentifierFinding finding;
  int priority;  // lower wins among hits of the same length
};

// ---- IBAN ----

// An IBAN starting at group `first`: its country code and check digits begin the group
// ("LV80BANK…", "LV80 BANK …") or the country code is the whole group ("PL 61 1090 …").
void FindIbanAt(std::string_view text, const std::vector<Group>& groups, size_t first,
                std::vector<Hit>* hits) {
  const Group& g = groups[first];
  if (g.glued_before || g.end - g.start < 2) return;
  if (!IsLetter(text[g.start]) || !IsLetter(text[g.start + 1])) return;
  // Cheap shape test before the country lookup: "LV80…", or "PL" standing apart.
  const size_t size = g.end - g.start;
  const bool code_and_digits =
      size >= 4 && IsDigit(text[g.start + 2]) && IsDigit(text[g.start + 3]);
  const bool code_alone = size == 2 && g.joined_to_next;
  if (!code_and_digits && !code_alone) return;
  std::string iban;
  iban.push_back(ToUpper(text[g.start]));
  iban.push_back(ToUpper(text[g.start + 1]));
  const int length = IbanLength(iban);
  if (length == 0) return;
  // A country code standing apart from its check digits must be written in capitals.
  if (g.end - g.start == 2 && (!IsUpper(text[g.start]) || !IsUpper(text[g.start + 1]))) return;
  size_t k = first;
  size_t pos = g.start + 2;
  while (true) {
    const Group& cur = groups[k];
    for (; pos < cur.end && static_cast<int>(iban.size()) < length; ++pos)
      iban.push_back(ToUpper(text[pos]));
    if (static_cast<int>(iban.size()) == length) {
      if (pos != cur.end || cur.glued_after) return;  // longer than the country's IBANs
      break;
    }
    if (!cur.joined_to_next || k + 1 >= groups.size()) return;
    ++k;
    pos = groups[k].start;
  }
  if (iban.size() < 4 || !IsDigit(iban[2]) || !IsDigit(iban[3])) return;
  if (!IsValidIban(iban)) return;
  hits->push_back({{kIban, "iban", g.start, groups[k].end}, 0});
}

// ---- Digit runs ----

// Lazily computed cue words before a position.
class LazyCues {
 public:
  LazyCues(std::string_view text, size_t pos) : text_(text), pos_(pos) {}
  const CuesBefore& Get() {
    if (!cues_) cues_.emplace(text_, pos_);
    return *cues_;
  }

 private:
  std::string_view text_;
  size_t pos_;
  std::optional<CuesBefore> cues_;
};

bool HasHebrewLetter(std::string_view text) {
  // U+05D0..U+05EA are D7 90..D7 AA in UTF-8.
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xD7) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x90 && next <= 0xAA) return true;
    }
  }
  return false;
}

struct RunSlice {
  std::string digits;
  std::vector<size_t> group_sizes;
  bool all_dashes = true;  // every separator inside is a dash
  size_t start = 0, end = 0;
};

// The NIP as Polish firms print it: 123-456-32-18 or 123-45-67-819.
bool IsNipGrouping(const RunSlice& slice) {
  if (!slice.all_dashes || slice.group_sizes.size() != 4) return false;
  const auto& s = slice.group_sizes;
  return (s[0] == 3 && s[1] == 3 && s[2] == 2 && s[3] == 2) ||
         (s[0] == 3 && s[1] == 2 && s[2] == 2 && s[3] == 3);
}

// An Israeli identity number as people write it: all nine digits together, or with a dash
// before the check digit.
bool IsIsraeliIdWriting(const RunSlice& slice) {
  const auto& s = slice.group_sizes;
  return s.size() == 1 || (s.size() == 2 && s[1] == 1 && slice.all_dashes);
}

// A PESEL as people write it: eleven digits together, or the date and the rest apart.
bool IsPeselWriting(const RunSlice& slice) {
  const auto& s = slice.group_sizes;
  return s.size() == 1 || (s.size() == 2 && s[0] == 6 && !slice.all_dashes);
}

// Identifiers written with a country prefix ("LV40003245752", "PL 856-734-62-15").
void CheckPrefixed(std::string_view prefix, const RunSlice& slice, size_t prefix_start,
                   std::vector<Hit>* hits) {
  const std::string& d = slice.digits;
  bool valid = false;
  if (prefix == "LV") valid = IsValidLatvianVat(d);
  if (prefix == "PL") valid = IsValidPolishNip(d);
  if (prefix == "LT") valid = IsValidLithuanianVat(d);
  if (prefix == "EE") valid = IsValidEstonianVat(d);
  if (prefix == "DE") valid = IsValidGermanVat(d);
  if (prefix == "FR") valid = IsValidFrenchVat(d);
  if (valid) hits->push_back({{kNationalId, "vat_number", prefix_start, slice.end}, 0});
}

void CheckUnprefixed(std::string_view text, const RunSlice& slice, bool hebrew_post,
                     std::vector<Hit>* hits) {
  const std::string& d = slice.digits;
  const size_t n = d.size();
  LazyCues cues(text, slice.start);
  auto add = [&](std::string_view source, std::string_view detail, int priority) {
    hits->push_back({{source, detail, slice.start, slice.end}, priority});
  };
  if (n == 26 && IsValidPolishNrb(d)) add(kIban, "polish_nrb", 0);
  if (n >= 13 && n <= 19 && IsValidPaymentCard(d)) add(kCard, "payment_card", 1);
  if (n == 11) {
    // PESELs exist since 1979 for people alive then: births in the 1800s (month + 80) or
    // after 2099 (month + 40 or + 60) are valid by the format but were never issued.
    const int month_field = (d[2] - '0') * 10 + (d[3] - '0');
    if (IsValidPesel(d) && IsPeselWriting(slice) && month_field <= 32) add(kNationalId, "pesel", 1);
    const bool new_latvian = d[0] == '3' && d[1] == '2';
    if (IsValidLatvianPersonalCode(d) && (!new_latvian || cues.Get().Has(Cue::kNationalId)))
      add(kNationalId, "latvian_personal_code", 2);
    if (d[0] > '3' && IsValidLatvianVat(d) && cues.Get().Has(Cue::kVat))
      add(kNationalId, "vat_number", 3);
  }
  if (n == 10 && IsValidPolishNip(d) && (IsNipGrouping(slice) || cues.Get().Has(Cue::kVat)))
    add(kNationalId, "polish_nip", 1);
  if ((n == 9 || n == 14) && IsValidPolishRegon(d) && cues.Get().Has(Cue::kRegon))
    add(kNationalId, "polish_regon", 1);
  if (n == 9 && IsValidIsraeliCompanyNumber(d) &&
      cues.Get().Nearest(Cue::kCompany | Cue::kVat | Cue::kNationalId) != Cue::kNone &&
      cues.Get().Nearest(Cue::kCompany | Cue::kVat | Cue::kNationalId) != Cue::kNationalId)
    add(kNationalId, "israeli_company_number", 3);
  if (n >= 5 && n <= 9 && IsValidIsraeliId(d)) {
    // Nine digits pass the check one time in ten, so an Israeli ID needs a cue word before it,
    // or a Hebrew post and the way such numbers are written (and no other cue nearer).
    const Cue nearest = cues.Get().Nearest(Cue::kNationalId | Cue::kPhone | Cue::kNotPhone |
                                           Cue::kVat | Cue::kCompany | Cue::kRegon);
    if (nearest == Cue::kNationalId ||
        (nearest == Cue::kNone && hebrew_post && n == 9 && IsIsraeliIdWriting(slice)))
      add(kNationalId, "israeli_id", 4);
  }
}

// The prefix of a run: a VAT country code written before the digits, as a group of its own
// joined to the run or as the letters that begin the run's first group.
const std::array<std::string_view, 6> kVatPrefixes = {"LV", "PL", "LT", "EE", "DE", "FR"};

bool IsVatPrefix(std::string_view s) {
  return std::find(kVatPrefixes.begin(), kVatPrefixes.end(), s) != kVatPrefixes.end();
}

// The identifiers in the digit run groups[first..last] (every group digits, each joined to
// the next). `digit_start` is where the digits of the first group begin (after a prefix
// glued to them); `prefix`/`prefix_start` describe a VAT country code before the run.
void FindInRun(std::string_view text, const std::vector<Group>& groups, size_t first, size_t last,
               size_t digit_start, std::string_view prefix, size_t prefix_start, bool hebrew_post,
               std::vector<Hit>* hits) {
  RunSlice slice;
  for (size_t i = first; i <= last; ++i) {
    const size_t begin_i = i == first ? digit_start : groups[i].start;
    // A slice starts at the run's start or after a space (a dash binds groups together).
    if (i > first && groups[i - 1].dash_to_next) continue;
    if (i == first && (groups[i].glued_before || groups[i].plus_before) && prefix.empty()) continue;
    slice.digits.clear();
    slice.group_sizes.clear();
    slice.all_dashes = true;
    slice.start = begin_i;
    for (size_t j = i; j <= last && j - i < kMaxIdGroups; ++j) {
      const size_t b = j == first ? digit_start : groups[j].start;
      const size_t size = groups[j].end - b;
      if (slice.digits.size() + size > kMaxIdDigits) break;
      if (j > i) {
        // A one-digit group only at the ends ("0-1234567-8", "12345678-2").
        if (slice.group_sizes.size() >= 2 && slice.group_sizes.back() == 1) break;
        if (!groups[j - 1].dash_to_next) slice.all_dashes = false;
      }
      slice.digits.append(text.substr(b, size));
      slice.group_sizes.push_back(size);
      slice.end = groups[j].end;
      const bool ends_run = j == last;
      if (ends_run ? groups[j].glued_after : groups[j].dash_to_next) continue;
      // Inside a longer run, only a number written in one group is read on its own (so
      // that the digit groups of a longer number are not taken for a shorter one), and a
      // card number in fours at the start of the run ("4111 1111 1111 1111 123").
      const bool whole_run = i == first && ends_run;
      const bool fours =
          i == first && std::all_of(slice.group_sizes.begin(), slice.group_sizes.end(),
                                    [](size_t g) { return g == 4; });
      if (!whole_run && slice.group_sizes.size() > 1 && !fours) continue;
      if (i == first && !prefix.empty()) {
        CheckPrefixed(prefix, slice, prefix_start, hits);
        continue;
      }
      if (!(i == first && (groups[i].glued_before || groups[i].plus_before)))
        CheckUnprefixed(text, slice, hebrew_post, hits);
    }
  }
}

bool HasLetterAndDigit(std::string_view text, const Group& g) {
  bool letter = false, digit = false;
  for (size_t i = g.start; i < g.end; ++i) {
    if (IsDigit(text[i]))
      digit = true;
    else
      letter = true;
  }
  return letter && digit;
}

// True if group k continues a code of letters and digits written in groups ("LV80 BANK 0000
// …", "X054 2811 …"): its digits belong to that code, not to a number of their own.
bool ContinuesCode(std::string_view text, const std::vector<Group>& groups, size_t k) {
  for (size_t back = 1; back <= 2 && back <= k; ++back) {
    const Group& g = groups[k - back];
    if (!g.joined_to_next) return false;
    if (HasLetterAndDigit(text, g)) return true;
    for (size_t i = g.start; i < g.end; ++i)
      if (!IsUpper(text[i])) return false;  // an ordinary word
  }
  return false;
}

void FindDigitIdentifiers(std::string_view text, const std::vector<Group>& groups,
                          std::vector<Hit>* hits) {
  const bool hebrew_post = HasHebrewLetter(text);
  size_t k = 0;
  while (k < groups.size()) {
    const Group& g = groups[k];
    std::string_view prefix;
    size_t prefix_start = 0;
    size_t digit_start = g.start;
    size_t first = k;
    if (g.digits) {
      if (k > 0 && groups[k - 1].joined_to_next && groups[k - 1].end - groups[k - 1].start == 2 &&
          !groups[k - 1].glued_before) {
        const std::string_view before = text.substr(groups[k - 1].start, 2);
        if (IsVatPrefix(before)) {
          prefix = before;
          prefix_start = groups[k - 1].start;
        }
      }
    } else if (g.end - g.start > 2 && IsVatPrefix(text.substr(g.start, 2)) && !g.glued_before) {
      // "LV40003245752": the letters glued to the digits.
      bool rest_digits = true;
      for (size_t i = g.start + 2; i < g.end; ++i) rest_digits = rest_digits && IsDigit(text[i]);
      if (!rest_digits) {
        ++k;
        continue;
      }
      prefix = text.substr(g.start, 2);
      prefix_start = g.start;
      digit_start = g.start + 2;
    } else {
      ++k;
      continue;
    }
    size_t last = first;
    while (last + 1 < groups.size() && groups[last].joined_to_next && groups[last + 1].digits)
      ++last;
    if (prefix.empty() && ContinuesCode(text, groups, first)) {
      k = last + 1;
      continue;
    }
    FindInRun(text, groups, first, last, digit_start, prefix, prefix_start, hebrew_post, hits);
    k = last + 1;
  }
}

// ---- Phone numbers ----

bool IsPhoneChar(char c) {
  return IsDigit(c) || c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

// The length of a multi-byte space or dash at text[i], or 0.
size_t Utf8SeparatorAt(std::string_view text, size_t i) {
  for (std::string_view s : kSeparators)
    if (s.size() > 1 && text.substr(i, s.size()) == s) return s.size();
  if (text.substr(i, 3) == "\xE2\x80\x94" || text.substr(i, 3) == "\xE2\x88\x92") return 3;
  return 0;
}

struct PhoneShape {
  size_t digits = 0;
  size_t groups = 0;
  size_t first_group = 0;
  size_t longest_group = 0;
  bool international = false;  // '+' or 00
};

PhoneShape ShapeOf(std::string_view candidate) {
  PhoneShape shape;
  size_t current = 0;
  std::string leading;
  for (char c : candidate) {
    if (IsDigit(c)) {
      ++shape.digits;
      ++current;
      if (leading.size() < 2) leading.push_back(c);
      continue;
    }
    if (current > 0) {
      if (shape.groups == 0) shape.first_group = current;
      ++shape.groups;
      shape.longest_group = std::max(shape.longest_group, current);
      current = 0;
    }
  }
  if (current > 0) {
    if (shape.groups == 0) shape.first_group = current;
    ++shape.groups;
    shape.longest_group = std::max(shape.longest_group, current);
  }
  shape.international = candidate.find('+') != std::string_view::npos || leading == "00";
  return shape;
}

// "2023-2024", "1990 2005": two years, not an eight-digit phone number.
bool IsYearRange(std::string_view candidate) {
  if (candidate.size() < 9) return false;
  auto year = [](std::string_view s) {
    if (s.size() != 4 || !std::all_of(s.begin(), s.end(), IsDigit)) return false;
    return s.substr(0, 2) == "19" || s.substr(0, 2) == "20";
  };
  return year(candidate.substr(0, 4)) && year(candidate.substr(candidate.size() - 4)) &&
         IsSeparator(candidate.substr(4, candidate.size() - 8));
}

bool Overlaps(const std::vector<Hit>& chosen, size_t start, size_t end) {
  return std::any_of(chosen.begin(), chosen.end(),
                     [&](const Hit& h) { return start < h.finding.end && h.finding.start < end; });
}

void FindPhones(std::string_view text, const std::vector<Group>& groups,
                const IdentifierContext& context, const std::vector<Hit>& ids,
                std::vector<Hit>* phones) {
  constexpr size_t kMaxPhoneBytes = 40;
  std::optional<std::string> region;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const bool starts =
        (c == '+' || c == '(' || IsDigit(c)) &&
        (i == 0 || (!IsAlnum(text[i - 1]) && text[i - 1] != '+' && !GluesBefore(text, i)));
    if (!starts) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    size_t last_digit = IsDigit(c) ? i + 1 : 0;
    while (j < text.size()) {
      if (IsPhoneChar(text[j])) {
        if (text[j] == ' ' && j + 1 < text.size() && text[j + 1] == ' ') break;
        if (IsDigit(text[j])) last_digit = j + 1;
        ++j;
        continue;
      }
      if (size_t len = Utf8SeparatorAt(text, j)) {
        j += len;
        continue;
      }
      break;
    }
    const size_t start = i;
    i = j;
    if (last_digit == 0 || last_digit - start > kMaxPhoneBytes) continue;
    if (last_digit < text.size() && (IsAlnum(text[last_digit]) || GluesAfter(text, last_digit)))
      continue;
    const std::string_view candidate = text.substr(start, last_digit - start);
    const PhoneShape shape = ShapeOf(candidate);
    if (shape.digits < 7 || shape.digits > 15 || IsYearRange(candidate)) continue;
    if (Overlaps(ids, start, last_digit)) continue;
    const auto group = std::lower_bound(groups.begin(), groups.end(), start,
                                        [](const Group& g, size_t pos) { return g.start < pos; });
    if (group != groups.end() && group->start == start &&
        ContinuesCode(text, groups, static_cast<size_t>(group - groups.begin())))
      continue;
    const Cue cue = CuesBefore(text, start).Nearest(Cue::kPhone | Cue::kNotPhone);
    if (cue == Cue::kNotPhone) continue;
    const bool grouped = shape.groups >= 2 && shape.first_group <= 5 && shape.longest_group <= 8;
    if (!shape.international && !grouped && cue != Cue::kPhone) continue;
    if (!region) region = context.phone_region ? context.phone_region() : std::string("US");
    if (ValidPhoneNumber(candidate, *region))
      phones->push_back({{kPhone, "phone", start, last_digit}, 0});
  }
}

}  // namespace

void FindIdentifiers(std::string_view text, const IdentifierContext& context,
                     std::vector<IdentifierFinding>* out) {
  thread_local std::vector<Group> groups;
  thread_local std::vector<Hit> hits;
  thread_local std::vector<Hit> chosen;
  hits.clear();
  chosen.clear();
  SplitGroups(text, &groups);
  for (size_t k = 0; k < groups.size(); ++k) FindIbanAt(text, groups, k, &hits);
  FindDigitIdentifiers(text, groups, &hits);
  // The longest reading of each stretch of text wins ("PL61 1090 …" is an IBAN, not an NRB).
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    const size_t la = a.finding.end - a.finding.start, lb = b.finding.end - b.finding.start;
    if (la != lb) return la > lb;
    return a.priority < b.priority;
  });
  for (const Hit& h : hits)
    if (!Overlaps(chosen, h.finding.start, h.finding.end)) chosen.push_back(h);
  std::vector<Hit> phones;
  FindPhones(text, groups, context, chosen, &phones);
  chosen.insert(chosen.end(), phones.begin(), phones.end());
  std::sort(chosen.begin(), chosen.end(),
            [](const Hit& a, const Hit& b) { return a.finding.start < b.finding.start; });
  for (const Hit& h : chosen) out->push_back(h.finding);
}

}  // namespace chorus::detect
