#include "detect/phone_numbers.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace chorus::detect {
namespace {

TEST(PhoneNumbersTest, AcceptsLatvianNumbers) {
  EXPECT_EQ(ValidPhoneNumber("+371 2912 3456", "LV"), "+37129123456");
  EXPECT_EQ(ValidPhoneNumber("2912 3456", "LV"), "+37129123456");
  EXPECT_EQ(ValidPhoneNumber("29123456", "LV"), "+37129123456");
  EXPECT_EQ(ValidPhoneNumber("00371 29123456", "LV"), "+37129123456");  // international prefix
  EXPECT_EQ(ValidPhoneNumber("(+371) 2912 3456", "LV"), "+37129123456");
  EXPECT_EQ(ValidPhoneNumber("+371 6722 1234", "LV"), "+37167221234");  // Riga landline
}

TEST(PhoneNumbersTest, AcceptsPolishNumbers) {
  EXPECT_EQ(ValidPhoneNumber("601 234 567", "PL"), "+48601234567");
  EXPECT_EQ(ValidPhoneNumber("+48 601 234 567", "PL"), "+48601234567");
  EXPECT_EQ(ValidPhoneNumber("601-234-567", "PL"), "+48601234567");
  EXPECT_EQ(ValidPhoneNumber("(22) 555 12 34", "PL"), "+48225551234");
}

TEST(PhoneNumbersTest, AcceptsIsraeliNumbers) {
  EXPECT_EQ(ValidPhoneNumber("052-123-4567", "IL"), "+972521234567");
  EXPECT_EQ(ValidPhoneNumber("052-1234567", "IL"), "+972521234567");
  EXPECT_EQ(ValidPhoneNumber("0521234567", "IL"), "+972521234567");
  EXPECT_EQ(ValidPhoneNumber("+972 52-123-4567", "IL"), "+972521234567");
  EXPECT_EQ(ValidPhoneNumber("02-623-4567", "IL"), "+97226234567");
}

TEST(PhoneNumbersTest, AcceptsUsNumbers) {
  EXPECT_EQ(ValidPhoneNumber("(201) 555-0123", "US"), "+12015550123");
  EXPECT_EQ(ValidPhoneNumber("201-555-0123", "US"), "+12015550123");
  EXPECT_EQ(ValidPhoneNumber("201.555.0123", "US"), "+12015550123");
  EXPECT_EQ(ValidPhoneNumber("+1 201 555 0123", "US"), "+12015550123");
}

TEST(PhoneNumbersTest, CountryCodeOverridesDefaultRegion) {
  // Each is valid only in its own country, and accepted from anywhere when written with '+'.
  EXPECT_EQ(ValidPhoneNumber("+48 601 234 567", "US"), "+48601234567");
  EXPECT_EQ(ValidPhoneNumber("+371 2912 3456", "IL"), "+37129123456");
  EXPECT_EQ(ValidPhoneNumber("+972 52-123-4567", "LV"), "+972521234567");
  EXPECT_EQ(ValidPhoneNumber("+1 201 555 0123", "PL"), "+12015550123");
  EXPECT_EQ(ValidPhoneNumber("+371 2912 3456", ""), "+37129123456");
  EXPECT_EQ(ValidPhoneNumber("+371 2912 3456", "not a region"), "+37129123456");
  // Without '+', the same digits are judged by the default region.
  EXPECT_EQ(ValidPhoneNumber("2912 3456", "US"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("29123456", ""), std::nullopt);
}

TEST(PhoneNumbersTest, RegionIsCaseInsensitive) {
  EXPECT_EQ(ValidPhoneNumber("2912 3456", "lv"), "+37129123456");
}

TEST(PhoneNumbersTest, AcceptsUnicodeSpacesAndDashes) {
  EXPECT_EQ(ValidPhoneNumber("+371\xC2\xA0"
                             "2912\xC2\xA0"
                             "3456",
                             "LV"),
            "+37129123456");
  EXPECT_EQ(ValidPhoneNumber("052\xE2\x80\x93"
                             "123\xE2\x80\x93"
                             "4567",
                             "IL"),
            "+972521234567");
}

TEST(PhoneNumbersTest, RejectsTooShortAndTooLong) {
  EXPECT_EQ(ValidPhoneNumber("123", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("+371 123", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("+371 2912 345", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("+371 2912 34567", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("601 234 56", "PL"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("052-123-456", "IL"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("555-1234", "US"), std::nullopt);
}

TEST(PhoneNumbersTest, RejectsDates) {
  for (const char* region : {"LV", "PL", "IL", "US"}) {
    for (const char* date : {"2024-01-15", "2024.01.15", "2024/01/15", "15.01.2024", "15-01-2024",
                             "1/15/2024", "15.01.24", "29.02.2024"}) {
      EXPECT_EQ(ValidPhoneNumber(date, region), std::nullopt) << date << " in " << region;
    }
  }
}

TEST(PhoneNumbersTest, RejectsAmounts) {
  for (const char* region : {"LV", "PL", "IL", "US"}) {
    for (const char* amount : {"29123456.00", "2 912 345.50", "1,250.00", "1 250,00", "$12,345,678",
                               "\xE2\x82\xAC"
                               "29123456",
                               "29123456 EUR", "12345678%"}) {
      EXPECT_EQ(ValidPhoneNumber(amount, region), std::nullopt) << amount << " in " << region;
    }
  }
}

TEST(PhoneNumbersTest, RejectsRandomElevenDigits) {
  for (const char* region : {"LV", "PL", "IL", "US"}) {
    EXPECT_EQ(ValidPhoneNumber("98765432109", region), std::nullopt) << region;
    EXPECT_EQ(ValidPhoneNumber("11111111111", region), std::nullopt) << region;
  }
}

TEST(PhoneNumbersTest, RejectsGarbage) {
  EXPECT_EQ(ValidPhoneNumber("", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("   ", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("+", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("---", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("hello world", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("1-800-FLOWERS", "US"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("2912 3456 ext. 12", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("371+29123456", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("++371 2912 3456", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("2912:3456", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("\xFF\xFE"
                             "29123456",
                             "LV"),
            std::nullopt);
  EXPECT_EQ(ValidPhoneNumber("2912\xC3"
                             "3456",
                             "LV"),
            std::nullopt);
  EXPECT_EQ(ValidPhoneNumber(std::string("2912\0"
                                         "3456",
                                         9),
                             "LV"),
            std::nullopt);
}

TEST(PhoneNumbersTest, RejectsCandidatesLongerThan64Bytes) {
  std::string padded = "+371 2912 3456" + std::string(50, ' ');
  ASSERT_EQ(padded.size(), 64u);
  EXPECT_EQ(ValidPhoneNumber(padded, "LV"), "+37129123456");
  EXPECT_EQ(ValidPhoneNumber(padded + " ", "LV"), std::nullopt);
  EXPECT_EQ(ValidPhoneNumber(std::string(1 << 20, '2'), "LV"), std::nullopt);
}

}  // namespace
}  // namespace chorus::detect
