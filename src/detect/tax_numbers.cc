#include "detect/tax_numbers.h"

#include <array>
#include <cstddef>

#include "detect/check_digits.h"
#include "detect/identifiers.h"

namespace chorus::detect {
namespace {

template <size_t N>
int WeightedSum(std::string_view digits, const std::array<int, N>& weights) {
  int sum = 0;
  for (size_t i = 0; i < N && i < digits.size(); ++i) sum += weights[i] * DigitValue(digits[i]);
  return sum;
}

// The Lithuanian check digit over all but the last digit.
int LithuanianCheckDigit(std::string_view body) {
  int sum = 0;
  for (size_t i = 0; i < body.size(); ++i) sum += static_cast<int>(i % 9 + 1) * DigitValue(body[i]);
  int r = sum % 11;
  if (r == 10) {
    sum = 0;
    for (size_t i = 0; i < body.size(); ++i)
      sum += static_cast<int>((i + 2) % 9 + 1) * DigitValue(body[i]);
    r = sum % 11;
  }
  return r % 10;
}

}  // namespace

bool IsValidLatvianVat(std::string_view digits) {
  if (digits.size() != 11 || !AllDigits(digits)) return false;
  if (digits[0] > '3') {
    static constexpr std::array<int, 11> kWeights = {9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1};
    return WeightedSum(digits, kWeights) % 11 == 3;
  }
  return IsValidLatvianPersonalCode(digits);
}

bool IsValidPolishNip(std::string_view digits) {
  if (digits.size() != 10 || !AllDigits(digits)) return false;
  static constexpr std::array<int, 9> kWeights = {6, 5, 7, 2, 3, 4, 5, 6, 7};
  int r = WeightedSum(digits, kWeights) % 11;
  return r != 10 && r == DigitValue(digits[9]);
}

bool IsValidPolishRegon(std::string_view digits) {
  if (!AllDigits(digits)) return false;
  if (digits.size() == 9) {
    static constexpr std::array<int, 8> kWeights = {8, 9, 2, 3, 4, 5, 6, 7};
    return WeightedSum(digits, kWeights) % 11 % 10 == DigitValue(digits[8]);
  }
  if (digits.size() == 14) {
    if (!IsValidPolishRegon(digits.substr(0, 9))) return false;
    static constexpr std::array<int, 13> kWeights = {2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};
    return WeightedSum(digits, kWeights) % 11 % 10 == DigitValue(digits[13]);
  }
  return false;
}

bool IsValidLithuanianVat(std::string_view digits) {
  if (!AllDigits(digits)) return false;
  if (digits.size() == 9) {
    if (digits[7] != '1') return false;
  } else if (digits.size() == 12) {
    if (digits[10] != '1') return false;
  } else {
    return false;
  }
  return LithuanianCheckDigit(digits.substr(0, digits.size() - 1)) == DigitValue(digits.back());
}

bool IsValidEstonianVat(std::string_view digits) {
  if (digits.size() != 9 || !AllDigits(digits) || digits[0] != '1' || digits[1] != '0')
    return false;
  static constexpr std::array<int, 8> kWeights = {3, 7, 1, 3, 7, 1, 3, 7};
  return (10 - WeightedSum(digits, kWeights) % 10) % 10 == DigitValue(digits[8]);
}

bool IsValidGermanVat(std::string_view digits) {
  if (digits.size() != 9 || !AllDigits(digits) || digits[0] == '0') return false;
  int product = 10;
  for (size_t i = 0; i < 8; ++i) {
    int sum = (DigitValue(digits[i]) + product) % 10;
    if (sum == 0) sum = 10;
    product = (2 * sum) % 11;
  }
  return (11 - product) % 10 == DigitValue(digits[8]);
}

bool IsValidFrenchVat(std::string_view digits) {
  if (digits.size() != 11 || !AllDigits(digits)) return false;
  std::string_view siren = digits.substr(2);
  if (!PassesLuhn(siren)) return false;
  int siren_mod = 0;
  for (char c : siren) siren_mod = (siren_mod * 10 + DigitValue(c)) % 97;
  return (12 + 3 * siren_mod) % 97 == DigitValue(digits[0]) * 10 + DigitValue(digits[1]);
}

bool IsValidIsraeliCompanyNumber(std::string_view digits) {
  return digits.size() == 9 && digits[0] == '5' && AllDigits(digits) && IsValidIsraeliId(digits);
}

}  // namespace chorus::detect
