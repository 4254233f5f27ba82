#include "detect/identifiers.h"

#include "detect/check_digits.h"
#include "detect/iban_national_checks.h"
#include "detect/iban_structure.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace chorus::detect {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool IsLower(char c) {
  return c >= 'a' && c <= 'z';
}
bool IsAsciiLetter(char c) {
  return IsUpper(c) || IsLower(c);
}
bool IsAsciiAlnum(char c) {
  return IsDigit(c) || IsAsciiLetter(c);
}
bool IsNonAscii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
int TwoDigitNumber(std::string_view digits, size_t pos) {
  return DigitValue(digits[pos]) * 10 + DigitValue(digits[pos + 1]);
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool IsValidDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDaysInMonth = {31, 28, 31, 30, 31, 30,
                                                       31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  int days = kDaysInMonth[month - 1];
  if (month == 2 && IsLeapYear(year)) days = 29;
  return day <= days;
}

// Copies the digits of `text` into `digits`, allowing single separators from `separators`
// between two digits (never at the ends, never two in a row). False on any other byte.
bool DigitsWithSeparators(std::string_view text, std::string_view separators, std::string* digits) {
  digits->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (IsDigit(c)) {
      digits->push_back(c);
      continue;
    }
    bool is_separator = separators.find(c) != std::string_view::npos;
    bool between_digits =
        i > 0 && i + 1 < text.size() && IsDigit(text[i - 1]) && IsDigit(text[i + 1]);
    if (!is_separator || !between_digits) return false;
  }
  return true;
}

// Structural UTF-8 check (RFC 3629): no overlong forms, surrogates or code points past U+10FFFF.
bool IsWellFormedUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    unsigned char min_second = 0x80;
    unsigned char max_second = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) min_second = 0xA0;  // overlong
      if (lead == 0xED) max_second = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) min_second = 0x90;  // overlong
      if (lead == 0xF4) max_second = 0x8F;  // past U+10FFFF
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    unsigned char second = static_cast<unsigned char>(text[i + 1]);
    if (second < min_second || second > max_second) return false;
    for (size_t k = 2; k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

// ---- Latvian personal code ----

// Codes in the old format (birth date + century digit) were assigned until 30 June 2017; from
// 1 July 2017 every new code has the "32" format, so an old-format code cannot carry a later
// birth date.
constexpr int kLastOldFormatBirthDate = 20170630;

// Check digit of a Latvian personal code: (1101 - sum(weight * digit)) mod 11 over the first ten
// digits. The rare remainder 10 is written as 0, as in widely used validators (python-stdnum's
// lv.pvn computes the same value as (1 + sum of negated weights) % 11 % 10); rejecting such
// codes would miss real personal data.
char LatvianCheckDigit(std::string_view digits) {
  static constexpr std::array<int, 10> kWeights = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) sum += kWeights[i] * DigitValue(digits[i]);
  int remainder = (1101 - sum) % 11;
  return static_cast<char>('0' + remainder % 10);
}

// ---- IBAN ----

constexpr size_t kMaxIbanLength = 34;

// ---- Payment cards ----

// Bit n set: the scheme issues card numbers of n digits.
constexpr uint32_t LengthsFromTo(int min_length, int max_length) {
  uint32_t mask = 0;
  for (int n = min_length; n <= max_length; ++n) mask |= uint32_t{1} << n;
  return mask;
}

constexpr uint32_t kVisaLengths = (uint32_t{1} << 13) | (uint32_t{1} << 16) | (uint32_t{1} << 19);

struct CardPrefixRange {
  int prefix_digits;  // how many leading digits `low` and `high` describe
  int low;
  int high;
  uint32_t lengths;
};

// Issuer identification ranges of the schemes we recognise, with the lengths each issues.
constexpr CardPrefixRange kCardPrefixRanges[] = {
    {1, 4, 4, kVisaLengths},                     // Visa
    {2, 51, 55, LengthsFromTo(16, 16)},          // Mastercard
    {4, 2221, 2720, LengthsFromTo(16, 16)},      // Mastercard 2-series
    {2, 34, 34, LengthsFromTo(15, 15)},          // American Express
    {2, 37, 37, LengthsFromTo(15, 15)},          // American Express
    {4, 6011, 6011, LengthsFromTo(16, 19)},      // Discover
    {3, 644, 649, LengthsFromTo(16, 19)},        // Discover
    {2, 65, 65, LengthsFromTo(16, 19)},          // Discover
    {4, 3528, 3589, LengthsFromTo(16, 19)},      // JCB
    {3, 300, 305, LengthsFromTo(14, 19)},        // Diners Club
    {2, 36, 36, LengthsFromTo(14, 19)},          // Diners Club
    {2, 38, 38, LengthsFromTo(14, 19)},          // Diners Club
    {2, 50, 50, LengthsFromTo(13, 19)},          // Maestro
    {2, 56, 58, LengthsFromTo(13, 19)},          // Maestro
    {4, 6304, 6304, LengthsFromTo(13, 19)},      // Maestro
    {4, 6759, 6759, LengthsFromTo(13, 19)},      // Maestro
    {6, 676770, 676770, LengthsFromTo(13, 19)},  // Maestro
    {6, 676774, 676774, LengthsFromTo(13, 19)},  // Maestro
    {2, 62, 62, LengthsFromTo(16, 19)},          // UnionPay
    {4, 2200, 2204, LengthsFromTo(16, 19)},      // Mir
};

int LeadingNumber(std::string_view digits, int count) {
  int value = 0;
  for (int i = 0; i < count; ++i) value = value * 10 + DigitValue(digits[i]);
  return value;
}

// `digits` holds 13 to 19 digits.
bool HasKnownIssuerPrefix(std::string_view digits) {
  const uint32_t length_bit = uint32_t{1} << digits.size();
  for (const CardPrefixRange& range : kCardPrefixRanges) {
    if ((range.lengths & length_bit) == 0) continue;
    int prefix = LeadingNumber(digits, range.prefix_digits);
    if (prefix >= range.low && prefix <= range.high) return true;
  }
  return false;
}

// ---- E-mail ----

constexpr size_t kMaxEmailLength = 254;
constexpr size_t kMaxLocalPartLength = 64;
constexpr size_t kMaxDomainLength = 253;
constexpr size_t kMaxLabelLength = 63;

// RFC 5322 "atext" plus the dot (checked for placement separately); non-ASCII bytes are allowed
// for internationalized addresses (RFC 6531), the whole address being valid UTF-8.
bool IsLocalPartChar(char c) {
  if (IsAsciiAlnum(c) || IsNonAscii(c) || c == '.') return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool IsValidLocalPart(std::string_view local) {
  if (local.empty() || local.size() > kMaxLocalPartLength) return false;
  if (local.front() == '.' || local.back() == '.') return false;
  for (char c : local) {
    if (!IsLocalPartChar(c)) return false;
  }
  return true;
}

bool IsValidDomainLabel(std::string_view label) {
  if (label.empty() || label.size() > kMaxLabelLength) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  for (char c : label) {
    if (!IsAsciiAlnum(c) && !IsNonAscii(c) && c != '-') return false;
  }
  return true;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// A top-level domain: two or more ASCII letters, an ASCII-encoded IDN ("xn--p1ai"), or two or
// more non-ASCII characters (an IDN written in its own script, e.g. ".рф").
bool IsValidTopLevelDomain(std::string_view tld) {
  bool all_letters = tld.size() >= 2;
  bool all_non_ascii = true;
  for (char c : tld) {
    if (!IsAsciiLetter(c)) all_letters = false;
    if (!IsNonAscii(c)) all_non_ascii = false;
  }
  if (all_letters) return true;
  if (all_non_ascii) return CountCodePoints(tld) >= 2;
  if (tld.size() > 4 && (tld.substr(0, 4) == "xn--" || tld.substr(0, 4) == "XN--")) {
    for (char c : tld.substr(4)) {
      if (!IsAsciiAlnum(c) && c != '-') return false;
    }
    return true;
  }
  return false;
}

bool IsValidDomain(std::string_view domain) {
  if (domain.empty() || domain.size() > kMaxDomainLength) return false;
  size_t label_count = 0;
  std::string_view rest = domain;
  while (true) {
    size_t dot = rest.find('.');
    std::string_view label = rest.substr(0, dot);
    if (!IsValidDomainLabel(label)) return false;
    ++label_count;
    if (dot == std::string_view::npos) {
      return label_count >= 2 && IsValidTopLevelDomain(label);
    }
    rest = rest.substr(dot + 1);
  }
}

}  // namespace

bool IsValidPesel(std::string_view candidate) {
  if (candidate.size() != 11 || !AllDigits(candidate)) return false;

  // The month field carries the century: +80 for 1800s, +0 for 1900s, +20 for 2000s,
  // +40 for 2100s, +60 for 2200s.
  static constexpr std::array<int, 5> kCenturyByMonthBlock = {1900, 2000, 2100, 2200, 1800};
  int encoded_month = TwoDigitNumber(candidate, 2);
  int year = kCenturyByMonthBlock[encoded_month / 20] + TwoDigitNumber(candidate, 0);
  int month = encoded_month % 20;
  int day = TwoDigitNumber(candidate, 4);
  if (!IsValidDate(year, month, day)) return false;

  static constexpr std::array<int, 10> kWeights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) sum += kWeights[i] * DigitValue(candidate[i]);
  int check_digit = (10 - sum % 10) % 10;
  return check_digit == DigitValue(candidate[10]);
}

bool IsValidLatvianPersonalCode(std::string_view candidate) {
  std::string digits;
  if (candidate.size() == 11) {
    if (!AllDigits(candidate)) return false;
    digits = std::string(candidate);
  } else if (candidate.size() == 12) {
    // "DDMMYY-NNNNN", or with a space where the dash goes.
    if ((candidate[6] != '-' && candidate[6] != ' ') || !AllDigits(candidate.substr(0, 6)) ||
        !AllDigits(candidate.substr(7))) {
      return false;
    }
    digits = std::string(candidate.substr(0, 6)) + std::string(candidate.substr(7));
  } else {
    return false;
  }

  // New codes ("32" followed by nine digits) carry no birth date; they use the same check digit
  // as old codes. "32" can never begin an old code, as no month has a 32nd day.
  bool is_new_format = digits[0] == '3' && digits[1] == '2';
  if (!is_new_format) {
    int day = TwoDigitNumber(digits, 0);
    int month = TwoDigitNumber(digits, 2);
    int century_digit = DigitValue(digits[6]);  // 0: 1800s, 1: 1900s, 2: 2000s
    if (century_digit > 2) return false;
    int year = 1800 + 100 * century_digit + TwoDigitNumber(digits, 4);
    if (!IsValidDate(year, month, day)) return false;
    if (year * 10000 + month * 100 + day > kLastOldFormatBirthDate) return false;
  }
  return LatvianCheckDigit(digits) == digits[10];
}

bool IsValidIsraeliId(std::string_view candidate) {
  // Also accepts the common form with a dash before the check digit ("12345678-2").
  std::string digits;
  if (candidate.size() >= 3 && candidate[candidate.size() - 2] == '-') {
    digits = std::string(candidate.substr(0, candidate.size() - 2));
    digits.push_back(candidate.back());
  } else {
    digits = std::string(candidate);
  }
  if (digits.size() < 5 || digits.size() > 9 || !AllDigits(digits)) return false;
  digits.insert(0, 9 - digits.size(), '0');

  // Weights 1,2,1,2,... over the nine digits; a two-digit product counts as the sum of its
  // digits; the total must be a multiple of ten.
  int sum = 0;
  bool any_nonzero = false;
  for (size_t i = 0; i < digits.size(); ++i) {
    int product = DigitValue(digits[i]) * (i % 2 == 0 ? 1 : 2);
    sum += product / 10 + product % 10;
    if (digits[i] != '0') any_nonzero = true;
  }
  return any_nonzero && sum % 10 == 0;
}

bool IsValidIban(std::string_view candidate) {
  std::string iban;
  for (size_t i = 0; i < candidate.size(); ++i) {
    char c = candidate[i];
    if (c == ' ' || c == '-') {
      bool between_groups = i > 0 && i + 1 < candidate.size() && IsAsciiAlnum(candidate[i - 1]) &&
                            IsAsciiAlnum(candidate[i + 1]);
      if (!between_groups) return false;
      continue;
    }
    if (!IsAsciiAlnum(c)) return false;
    iban.push_back(IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c);
    if (iban.size() > kMaxIbanLength) return false;
  }
  // Length, and letters and digits where the country's BBAN format puts them.
  if (!HasIbanCountryStructure(iban)) return false;

  // ISO 13616 check digits are 02 to 98.
  int check_digits = TwoDigitNumber(iban, 2);
  if (check_digits < 2 || check_digits > 98) return false;

  // ISO 7064 MOD 97-10: move the first four characters to the end, read letters as 10..35 and
  // the result as one number; its remainder modulo 97 must be 1.
  std::string rearranged = iban.substr(4) + iban.substr(0, 4);
  int remainder = 0;
  for (char c : rearranged) {
    if (IsDigit(c)) {
      remainder = (remainder * 10 + DigitValue(c)) % 97;
    } else {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return remainder == 1 && PassesIbanNationalCheck(iban);
}

bool IsValidPolishNrb(std::string_view candidate) {
  std::string digits;
  if (candidate.size() > 26 * 2 || !DigitsWithSeparators(candidate, " -", &digits)) return false;
  if (digits.size() != 26) return false;
  return IsValidIban("PL" + digits);
}

bool IsValidPaymentCard(std::string_view candidate) {
  constexpr size_t kMaxCandidateLength = 19 * 2;  // 19 digits with a separator between each
  if (candidate.size() > kMaxCandidateLength) return false;
  std::string digits;
  if (!DigitsWithSeparators(candidate, " -", &digits)) return false;
  if (digits.size() < 13 || digits.size() > 19) return false;
  return PassesLuhn(digits) && HasKnownIssuerPrefix(digits);
}

bool IsValidEmail(std::string_view candidate) {
  if (candidate.empty() || candidate.size() > kMaxEmailLength) return false;
  if (!IsWellFormedUtf8(candidate)) return false;
  // Quoted local parts and address literals ("a@[192.0.2.1]") are legal but not what people
  // write in posts, so a single unquoted '@' is required.
  size_t at = candidate.find('@');
  if (at == std::string_view::npos || candidate.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  if (candidate.find("..") != std::string_view::npos) return false;
  return IsValidLocalPart(candidate.substr(0, at)) && IsValidDomain(candidate.substr(at + 1));
}

}  // namespace chorus::detect
