#include "detect/iban_national_checks.h"

#include <array>
#include <cstddef>

#include "detect/check_digits.h"

namespace chorus::detect {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + DigitValue(c);
  return n;
}

// Belgium: the account's first ten digits modulo 97 (0 written as 97) are its last two.
bool BelgianCheck(std::string_view bban) {
  if (bban.size() != 12 || !AllDigits(bban)) return false;
  int r = DigitsMod(bban.substr(0, 10), 97);
  if (r == 0) r = 97;
  return r == Number(bban.substr(10, 2));
}

// France and Monaco, clé RIB: letters in the account number stand for digits (A-I 1-9,
// J-R 1-9, S-Z 2-9); 89 * bank + 15 * branch + 3 * account + key is a multiple of 97.
bool FrenchRibKey(std::string_view bban) {
  if (bban.size() != 23) return false;
  int r = 0;
  for (size_t i = 0; i < bban.size(); ++i) {
    char c = bban[i];
    int d;
    if (IsDigit(c)) {
      d = DigitValue(c);
    } else if (IsUpper(c)) {
      if (c <= 'I') {
        d = c - 'A' + 1;
      } else if (c <= 'R') {
        d = c - 'J' + 1;
      } else {
        d = c - 'S' + 2;
      }
    } else {
      return false;
    }
    r = (r * 10 + d) % 97;
  }
  // Reading bank (5) + branch (5) + account (11) + key (2) as one number is the same as the
  // weighted sum modulo 97, as 10^18 = 89, 10^13 = 15 and 10^2 = 3 modulo 97.
  return r == 0;
}

// Spain: two check digits, one over "00" + bank + branch, one over the account number, each
// with weights 1, 2, 4, 8, 5, 10, 9, 7, 3, 6 and 11 - sum mod 11 (11 -> 0, 10 -> 1).
int SpanishDigit(std::string_view ten_digits) {
  static constexpr std::array<int, 10> kWeights = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
  int sum = 0;
  for (size_t i = 0; i < 10; ++i) sum += kWeights[i] * DigitValue(ten_digits[i]);
  int d = 11 - sum % 11;
  if (d == 11) d = 0;
  if (d == 10) d = 1;
  return d;
}

bool SpanishCheck(std::string_view bban) {
  if (bban.size() != 20 || !AllDigits(bban)) return false;
  char first[10] = {'0', '0'};
  for (size_t i = 0; i < 8; ++i) first[i + 2] = bban[i];
  return SpanishDigit(std::string_view(first, 10)) == DigitValue(bban[8]) &&
         SpanishDigit(bban.substr(10, 10)) == DigitValue(bban[9]);
}

// Italy and San Marino, CIN: a letter over bank (5), branch (5) and account (12): characters
// in odd positions map through a table, those in even positions count as their value (digits
// 0-9, letters A-Z as 0-25); the sum modulo 26 is the letter.
bool ItalianCin(std::string_view bban) {
  if (bban.size() != 23) return false;
  static constexpr std::array<int, 26> kOdd = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                               20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  int sum = 0;
  for (size_t i = 1; i < bban.size(); ++i) {
    char c = bban[i];
    int v;
    if (IsDigit(c)) {
      v = DigitValue(c);
    } else if (IsUpper(c)) {
      v = c - 'A';
    } else {
      return false;
    }
    sum += ((i - 1) % 2 == 0) ? kOdd[static_cast<size_t>(v)] : v;
  }
  return bban[0] == static_cast<char>('A' + sum % 26);
}

// Portugal and others: the BBAN read as a number (letters as 10-35, as in the IBAN) is one
// more than a multiple of 97.
bool BbanMod97IsOne(std::string_view bban) {
  int r = 0;
  for (char c : bban) {
    if (IsDigit(c)) {
      r = (r * 10 + DigitValue(c)) % 97;
    } else if (IsUpper(c)) {
      r = (r * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return r == 1;
}

// Norway: weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 over the first ten digits; the check digit is
// 11 - sum mod 11 (11 -> 0; 10 never occurs in a real account).
bool NorwegianCheck(std::string_view bban) {
  if (bban.size() != 11 || !AllDigits(bban)) return false;
  static constexpr std::array<int, 10> kWeights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (size_t i = 0; i < 10; ++i) sum += kWeights[i] * DigitValue(bban[i]);
  int d = (11 - sum % 11) % 11;
  return d != 10 && d == DigitValue(bban[10]);
}

// Finland: the fourteen digits pass the Luhn check.
bool FinnishCheck(std::string_view bban) {
  return bban.size() == 14 && AllDigits(bban) && PassesLuhn(bban);
}

// Estonia: the account number (the BBAN after the two-digit bank code) ends with a check
// digit from weights 7, 3, 1 repeated from the right.
bool EstonianCheck(std::string_view bban) {
  if (bban.size() != 16 || !AllDigits(bban)) return false;
  std::string_view account = bban.substr(2);
  static constexpr std::array<int, 3> kWeights = {7, 3, 1};
  int sum = 0;
  size_t k = 0;
  for (size_t i = account.size() - 1; i-- > 0; ++k) sum += kWeights[k % 3] * DigitValue(account[i]);
  return (10 - sum % 10) % 10 == DigitValue(account.back());
}

// Czech Republic and Slovakia: bank code (4), account prefix (6) and account number (10); the
// prefix with weights 10, 5, 8, 4, 2, 1 and the number with 6, 3, 7, 9, 10, 5, 8, 4, 2, 1 are
// multiples of 11.
bool CzechSlovakCheck(std::string_view bban) {
  if (bban.size() != 20 || !AllDigits(bban)) return false;
  static constexpr std::array<int, 6> kPrefix = {10, 5, 8, 4, 2, 1};
  static constexpr std::array<int, 10> kNumber = {6, 3, 7, 9, 10, 5, 8, 4, 2, 1};
  int prefix = 0;
  for (size_t i = 0; i < 6; ++i) prefix += kPrefix[i] * DigitValue(bban[4 + i]);
  int number = 0;
  for (size_t i = 0; i < 10; ++i) number += kNumber[i] * DigitValue(bban[10 + i]);
  return prefix % 11 == 0 && number % 11 == 0;
}

}  // namespace

bool PassesIbanNationalCheck(std::string_view iban) {
  if (iban.size() < 5) return false;
  const std::string_view country = iban.substr(0, 2);
  const std::string_view bban = iban.substr(4);
  if (country == "BE") return BelgianCheck(bban);
  if (country == "FR" || country == "MC") return FrenchRibKey(bban);
  if (country == "ES") return SpanishCheck(bban);
  if (country == "IT" || country == "SM") return ItalianCin(bban);
  if (country == "PT" || country == "SI" || country == "BA" || country == "ME" || country == "RS" ||
      country == "MK" || country == "TL") {
    return BbanMod97IsOne(bban);
  }
  if (country == "NO") return NorwegianCheck(bban);
  if (country == "FI") return FinnishCheck(bban);
  if (country == "EE") return EstonianCheck(bban);
  if (country == "CZ" || country == "SK") return CzechSlovakCheck(bban);
  return true;
}

}  // namespace chorus::detect
