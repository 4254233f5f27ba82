#include "detect/tax_numbers.h"

#include <gtest/gtest.h>

#include <string>

namespace chorus::detect {
namespace {

std::string Changed(std::string s, size_t pos) {
  s[pos] = s[pos] == '9' ? '0' : static_cast<char>(s[pos] + 1);
  return s;
}

// Numbers worked through the published algorithms by hand.
TEST(TaxNumbersTest, PublishedNumbersPass) {
  EXPECT_TRUE(IsValidLatvianVat("40003245752"));
  EXPECT_TRUE(IsValidLatvianVat("40003521600"));
  EXPECT_TRUE(IsValidLatvianVat("16117519997"));  // a person: their personal code
  EXPECT_TRUE(IsValidPolishNip("8567346215"));
  EXPECT_TRUE(IsValidPolishNip("5260250274"));
  EXPECT_TRUE(IsValidLithuanianVat("119511515"));
  EXPECT_TRUE(IsValidLithuanianVat("100001919017"));
  EXPECT_TRUE(IsValidEstonianVat("100931558"));
  EXPECT_TRUE(IsValidEstonianVat("100207415"));
  EXPECT_TRUE(IsValidGermanVat("136695976"));
  EXPECT_TRUE(IsValidFrenchVat("40303265045"));
  EXPECT_TRUE(IsValidIsraeliCompanyNumber("516179157"));
}

TEST(TaxNumbersTest, EveryChangedDigitFails) {
  for (const auto& [valid, check] :
       std::initializer_list<std::pair<std::string, bool (*)(std::string_view)>>{
           {"40003245752", IsValidLatvianVat},
           {"8567346215", IsValidPolishNip},
           {"119511515", IsValidLithuanianVat},
           {"100931558", IsValidEstonianVat},
           {"136695976", IsValidGermanVat},
           {"40303265045", IsValidFrenchVat}}) {
    ASSERT_TRUE(check(valid)) << valid;
    for (size_t i = 0; i < valid.size(); ++i)
      EXPECT_FALSE(check(Changed(valid, i))) << valid << " " << i;
  }
}

TEST(TaxNumbersTest, Regon) {
  // 9 digits: weights 8 9 2 3 4 5 6 7 over 12345678 give 192, 192 % 11 = 5.
  EXPECT_TRUE(IsValidPolishRegon("123456785"));
  EXPECT_FALSE(IsValidPolishRegon("123456784"));
  // 14 digits: the 9-digit REGON, then 1234 and the check digit 7 over the first 13.
  EXPECT_TRUE(IsValidPolishRegon("12345678512347"));
  EXPECT_FALSE(IsValidPolishRegon("12345678512348"));
  EXPECT_FALSE(IsValidPolishRegon("12345678"));
}

TEST(TaxNumbersTest, MalformedInput) {
  for (auto check :
       {IsValidLatvianVat, IsValidPolishNip, IsValidPolishRegon, IsValidLithuanianVat,
        IsValidEstonianVat, IsValidGermanVat, IsValidFrenchVat, IsValidIsraeliCompanyNumber}) {
    EXPECT_FALSE(check(""));
    EXPECT_FALSE(check("abc"));
    EXPECT_FALSE(check(std::string(1000, '7')));
  }
  EXPECT_FALSE(IsValidEstonianVat("200931558"));           // must start with 10
  EXPECT_FALSE(IsValidGermanVat("036695976"));             // must not start with 0
  EXPECT_FALSE(IsValidIsraeliCompanyNumber("123456782"));  // an identity number, not a company
}

}  // namespace
}  // namespace chorus::detect
