#include "detect/phone_numbers.h"

#include <cstddef>
#include <string>
#include <vector>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace chorus::detect {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMaxCandidateLength = 64;

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Multi-byte spaces and dashes people put in phone numbers, with their ASCII stand-ins.
struct Utf8Replacement {
  std::string_view utf8;
  char ascii;
};
constexpr Utf8Replacement kUtf8Replacements[] = {
    {"\xC2\xA0", ' '},      // no-break space
    {"\xE2\x80\x89", ' '},  // thin space
    {"\xE2\x80\xAF", ' '},  // narrow no-break space
    {"\xE2\x80\x90", '-'},  // hyphen
    {"\xE2\x80\x91", '-'},  // non-breaking hyphen
    {"\xE2\x80\x92", '-'},  // figure dash
    {"\xE2\x80\x93", '-'},  // en dash
    {"\xE2\x80\x94", '-'},  // em dash
    {"\xE2\x88\x92", '-'},  // minus sign
};

// Rewrites the candidate to plain ASCII: digits, spaces, "-./()" and one leading '+'. Letters
// (vanity numbers, "ext."), commas, currency signs and any other byte make it no phone number.
bool ToPlainPhoneText(std::string_view candidate, std::string* plain) {
  plain->clear();
  size_t i = 0;
  while (i < candidate.size()) {
    char c = candidate[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      bool replaced = false;
      for (const Utf8Replacement& replacement : kUtf8Replacements) {
        if (candidate.substr(i, replacement.utf8.size()) == replacement.utf8) {
          plain->push_back(replacement.ascii);
          i += replacement.utf8.size();
          replaced = true;
          break;
        }
      }
      if (!replaced) return false;
      continue;
    }
    bool allowed = IsDigit(c) || c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' ||
                   c == ')' || (c == '+' && plain->find_first_not_of(" (") == std::string::npos);
    if (!allowed) return false;
    plain->push_back(c);
    ++i;
  }
  return plain->find_first_of("0123456789") != std::string::npos;
}

// Splits "2024-01-15" into digit groups {"2024", "01", "15"} and the separators between them.
void SplitDigitGroups(std::string_view text, std::vector<std::string_view>* groups,
                      std::string* separators) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    if (i > start) groups->push_back(text.substr(start, i - start));
    if (i < text.size()) {
      separators->push_back(text[i]);
      ++i;
    }
  }
}

int ToNumber(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool IsDayAndMonth(int first, int second) {
  bool day_month = first >= 1 && first <= 31 && second >= 1 && second <= 12;
  bool month_day = first >= 1 && first <= 12 && second >= 1 && second <= 31;
  return day_month || month_day;
}

// Dates such as 2024-01-15, 15.01.2024, 1/15/2024 or 15.01.24 parse as valid numbers in some
// regions (Latvian mobile numbers are eight digits starting with 2) but are not phone numbers.
bool LooksLikeDate(std::string_view text) {
  std::vector<std::string_view> groups;
  std::string separators;
  SplitDigitGroups(text, &groups, &separators);
  if (groups.size() != 3 || separators.size() != 2 || separators[0] != separators[1]) {
    return false;
  }
  if (separators[0] != '-' && separators[0] != '.' && separators[0] != '/') return false;
  if (!IsDigit(text.front()) || !IsDigit(text.back())) return false;
  size_t a = groups[0].size(), b = groups[1].size(), c = groups[2].size();
  if (a == 4 && b <= 2 && c <= 2) {
    int year = ToNumber(groups[0]);
    return year >= 1800 && year <= 2199 && IsDayAndMonth(ToNumber(groups[2]), ToNumber(groups[1]));
  }
  if (a <= 2 && b <= 2 && (c == 4 || c == 2)) {
    return IsDayAndMonth(ToNumber(groups[0]), ToNumber(groups[1]));
  }
  return false;
}

// Money written with a decimal part ("1500.00", "12 345.5"): one dot, followed by one or two
// final digits. (Commas and currency signs are already refused.)
bool LooksLikeAmount(std::string_view text) {
  size_t dot = text.find('.');
  if (dot == std::string_view::npos || text.find('.', dot + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view decimals = text.substr(dot + 1);
  if (decimals.empty() || decimals.size() > 2) return false;
  for (char c : decimals) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// libphonenumber's region codes are upper-case ISO 3166 alpha-2; anything else becomes "ZZ"
// (unknown region), with which only numbers written with a country code parse.
std::string RegionCode(std::string_view region) {
  if (region.size() != 2) return "ZZ";
  std::string code;
  for (char c : region) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return "ZZ";
    code.push_back(c);
  }
  return code;
}

}  // namespace

std::optional<std::string> ValidPhoneNumber(std::string_view candidate,
                                            std::string_view default_region) {
  if (candidate.empty() || candidate.size() > kMaxCandidateLength) return std::nullopt;
  std::string plain;
  if (!ToPlainPhoneText(candidate, &plain)) return std::nullopt;
  if (LooksLikeDate(plain) || LooksLikeAmount(plain)) return std::nullopt;

  try {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(plain, RegionCode(default_region), &number) !=
        PhoneNumberUtil::NO_PARSING_ERROR) {
      return std::nullopt;
    }
    if (!util.IsValidNumber(number)) return std::nullopt;
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    return e164;
  } catch (...) {
    // libphonenumber reports errors by value; this guards against allocation failures.
    return std::nullopt;
  }
}

}  // namespace chorus::detect
