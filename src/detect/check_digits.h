// Digit helpers shared by the identifier validators (identifiers.cc, tax_numbers.cc,
// iban_national_checks.cc): the value of an ASCII digit, whether a string is all digits, the
// Luhn check and a long digit string modulo a small number.
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace chorus::detect {

// The value of ASCII digit `c` ('7' -> 7); only meaningful for '0'..'9'.
inline int DigitValue(char c) {
  return c - '0';
}

// True for a non-empty string of ASCII digits.
inline bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// The number written by `digits` (ASCII digits only, any length) modulo `m`.
inline int DigitsMod(std::string_view digits, int m) {
  int r = 0;
  for (char c : digits) r = (r * 10 + DigitValue(c)) % m;
  return r;
}

// The Luhn check (payment cards, French SIREN, Finnish accounts): digits only.
inline bool PassesLuhn(std::string_view digits) {
  int sum = 0;
  bool double_it = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int value = DigitValue(digits[i]);
    if (double_it) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

}  // namespace chorus::detect
