#include "detect/iban_structure.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "detect/iban_national_checks.h"

namespace chorus::detect {
namespace {

// The sum of the counts in a registry format ("4!a13!c" -> 17).
size_t FormatLength(std::string_view format) {
  size_t total = 0, count = 0;
  for (char c : format) {
    if (c >= '0' && c <= '9') {
      count = count * 10 + static_cast<size_t>(c - '0');
    } else if (c == '!') {
      total += count;
      count = 0;
    }
  }
  return total;
}

TEST(IbanStructureTest, EveryCountryLengthMatchesItsFormat) {
  std::set<std::string> seen;
  ASSERT_GE(IbanCountryCount(), 89u);
  for (size_t i = 0; i < IbanCountryCount(); ++i) {
    const std::string cc(IbanCountryAt(i));
    EXPECT_TRUE(seen.insert(cc).second) << cc << " twice";
    EXPECT_EQ(FormatLength(IbanBbanFormat(cc)) + 4, static_cast<size_t>(IbanLength(cc))) << cc;
  }
  EXPECT_EQ(IbanLength("US"), 0);
  EXPECT_EQ(IbanBbanFormat("XX"), "");
  EXPECT_EQ(IbanLength(""), 0);
}

TEST(IbanStructureTest, LettersAndDigitsWhereTheFormatPutsThem) {
  EXPECT_TRUE(HasIbanCountryStructure("LV80BANK0000435195001"));
  EXPECT_FALSE(HasIbanCountryStructure("LV80BAN10000435195001"));    // a digit in 4!a
  EXPECT_FALSE(HasIbanCountryStructure("DE89370400440532013X00"));   // a letter in 10!n
  EXPECT_FALSE(HasIbanCountryStructure("DE8937040044053201300"));    // one short
  EXPECT_FALSE(HasIbanCountryStructure("GB82WEST12345698765432X"));  // one long
  EXPECT_FALSE(HasIbanCountryStructure("LVX0BANK0000435195001"));
  EXPECT_TRUE(HasIbanCountryStructure("IT60X0542811101000000123456"));
  EXPECT_FALSE(HasIbanCountryStructure("IT6010542811101000000123456"));  // CIN is a letter
}

TEST(IbanNationalChecksTest, RegistryExamplesPass) {
  for (const char* iban :
       {"BE68539007547034", "FR1420041010050500013M02606", "ES9121000418450200051332",
        "IT60X0542811101000000123456", "PT50000201231234567890154", "NO9386011117947",
        "FI2112345600000785", "EE382200221020145685", "CZ6508000000192000145399",
        "SK3112000000198742637541", "SI56263300012039086", "BA391290079401028494",
        "ME25505000012345678951", "RS35260005601001611379", "MK07250120000058984",
        "TL380080012345678910157", "LV80BANK0000435195001"}) {
    EXPECT_TRUE(PassesIbanNationalCheck(iban)) << iban;
  }
}

TEST(IbanNationalChecksTest, AChangedAccountDigitFails) {
  // Changing one digit of the account part breaks the national check (the IBAN check digits
  // are left as they are; the national check alone must notice).
  for (std::string iban :
       {"BE68539007547034", "ES9121000418450200051332", "NO9386011117947", "FI2112345600000785",
        "EE382200221020145685", "PT50000201231234567890154"}) {
    std::string changed = iban;
    char& c = changed[changed.size() - 3];
    c = c == '9' ? '0' : static_cast<char>(c + 1);
    EXPECT_FALSE(PassesIbanNationalCheck(changed)) << changed;
  }
  EXPECT_FALSE(PassesIbanNationalCheck("FR1420041010050500013M02607"));
  EXPECT_FALSE(PassesIbanNationalCheck("IT60Y0542811101000000123456"));
  EXPECT_FALSE(PassesIbanNationalCheck("CZ6508000000192000145398"));
}

}  // namespace
}  // namespace chorus::detect
