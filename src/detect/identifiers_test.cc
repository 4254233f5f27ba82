#include "detect/identifiers.h"

#include <array>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace chorus::detect {
namespace {

// The first ten digits of a PESEL completed with their check digit (weights 1 3 7 9 1 3 7 9 1 3).
std::string PeselWithCheckDigit(const std::string& first_ten) {
  static constexpr std::array<int, 10> kWeights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += kWeights[i] * (first_ten[i] - '0');
  return first_ten + static_cast<char>('0' + (10 - sum % 10) % 10);
}

// The first ten digits of a Latvian personal code completed with their check digit.
std::string LatvianCodeWithCheckDigit(const std::string& first_ten) {
  static constexpr std::array<int, 10> kWeights = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += kWeights[i] * (first_ten[i] - '0');
  int remainder = (1101 - sum) % 11;
  return first_ten + static_cast<char>('0' + (remainder == 10 ? 0 : remainder));
}

// Replaces the digit at `pos` with the next one (9 becomes 0).
std::string WithDigitChanged(std::string text, size_t pos) {
  text[pos] = text[pos] == '9' ? '0' : static_cast<char>(text[pos] + 1);
  return text;
}

const std::string kHugeDigits(1 << 20, '7');
const std::string kInvalidUtf8 = "\xC3\x28\xFF\xFE";

// ---- PESEL ----

TEST(PeselTest, AcceptsValidNumbers) {
  EXPECT_TRUE(IsValidPesel("44051401359"));  // 1944-05-14
  EXPECT_TRUE(IsValidPesel("02070803628"));  // 1902-07-08
  EXPECT_TRUE(IsValidPesel("81123101238"));  // 1981-12-31
  EXPECT_TRUE(IsValidPesel("00322907658"));  // 2000-12-29 (month + 20)
  EXPECT_TRUE(IsValidPesel("92022904569"));  // 1992-02-29, leap year
  EXPECT_TRUE(IsValidPesel("25010100001"));  // 1925-01-01
}

TEST(PeselTest, AcceptsEveryCenturyEncoding) {
  EXPECT_TRUE(IsValidPesel(PeselWithCheckDigit("9992311234")));  // 1899-12-31 (month + 80)
  EXPECT_TRUE(IsValidPesel(PeselWithCheckDigit("5005151234")));  // 1950-05-15
  EXPECT_TRUE(IsValidPesel(PeselWithCheckDigit("2321151234")));  // 2023-01-15 (month + 20)
  EXPECT_TRUE(IsValidPesel(PeselWithCheckDigit("0141011234")));  // 2101-01-01 (month + 40)
  EXPECT_TRUE(IsValidPesel(PeselWithCheckDigit("0161011234")));  // 2201-01-01 (month + 60)
  EXPECT_TRUE(IsValidPesel(PeselWithCheckDigit("0022291234")));  // 2000-02-29, leap year
}

TEST(PeselTest, RejectsWrongCheckDigit) {
  EXPECT_FALSE(IsValidPesel("44051401358"));
  for (size_t pos = 0; pos < 11; ++pos) {
    std::string changed = WithDigitChanged("44051401359", pos);
    EXPECT_FALSE(IsValidPesel(changed)) << changed;
  }
}

TEST(PeselTest, RejectsImpossibleDates) {
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("0002291234")));  // 1900-02-29
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("2302291234")));  // 1923-02-29
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("8513011234")));  // month 13
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("8500011234")));  // month 0
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("8533011234")));  // month 33
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("8504311234")));  // 31 April
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("8501321234")));  // day 32
  EXPECT_FALSE(IsValidPesel(PeselWithCheckDigit("8501001234")));  // day 0
}

TEST(PeselTest, RejectsMalformedInput) {
  EXPECT_FALSE(IsValidPesel(""));
  EXPECT_FALSE(IsValidPesel("4405140135"));
  EXPECT_FALSE(IsValidPesel("440514013590"));
  EXPECT_FALSE(IsValidPesel("4405140135X"));
  EXPECT_FALSE(IsValidPesel("44O51401359"));
  EXPECT_FALSE(IsValidPesel("440514-01359"));
  EXPECT_FALSE(IsValidPesel(" 44051401359"));
  EXPECT_FALSE(IsValidPesel(kHugeDigits));
  EXPECT_FALSE(IsValidPesel(kInvalidUtf8));
  EXPECT_FALSE(
      IsValidPesel("4405140\xFF"
                   "359"));
}

// ---- Latvian personal code ----

TEST(LatvianPersonalCodeTest, AcceptsValidOldFormatCodes) {
  EXPECT_TRUE(IsValidLatvianPersonalCode("120785-12347"));  // 1985-07-12
  EXPECT_TRUE(IsValidLatvianPersonalCode("12078512347"));
  EXPECT_TRUE(IsValidLatvianPersonalCode("01030010010"));   // 1900-03-01
  EXPECT_TRUE(IsValidLatvianPersonalCode("010185-00076"));  // 1885-01-01, century digit 0
  EXPECT_TRUE(IsValidLatvianPersonalCode("240616-15524"));  // 1916-06-24
  EXPECT_TRUE(IsValidLatvianPersonalCode("290288-12342"));  // 1988-02-29, leap year
  EXPECT_TRUE(IsValidLatvianPersonalCode("300617-23454"));  // 2017-06-30, last old-format date
}

TEST(LatvianPersonalCodeTest, RemainderTenIsWrittenAsZero) {
  // (1101 - weighted sum) % 11 is 10 for the first ten digits 150569-1009: check digit 0.
  EXPECT_TRUE(IsValidLatvianPersonalCode("150569-10090"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("150569-10091"));
}

TEST(LatvianPersonalCodeTest, AcceptsValidNewFormatCodes) {
  EXPECT_TRUE(IsValidLatvianPersonalCode("321234-56785"));
  EXPECT_TRUE(IsValidLatvianPersonalCode("32123456785"));
  EXPECT_TRUE(IsValidLatvianPersonalCode("32987654324"));
  EXPECT_TRUE(IsValidLatvianPersonalCode("324567-89019"));
  EXPECT_TRUE(IsValidLatvianPersonalCode(LatvianCodeWithCheckDigit("3255501234")));
}

TEST(LatvianPersonalCodeTest, RejectsWrongCheckDigit) {
  for (size_t pos = 0; pos < 11; ++pos) {
    std::string changed = WithDigitChanged("12078512347", pos);
    EXPECT_FALSE(IsValidLatvianPersonalCode(changed)) << changed;
  }
  EXPECT_FALSE(IsValidLatvianPersonalCode("321234-56786"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("32987654325"));
}

TEST(LatvianPersonalCodeTest, RejectsImpossibleDatesAndCenturies) {
  EXPECT_FALSE(IsValidLatvianPersonalCode("29020012340"));                            // 1900-02-29
  EXPECT_FALSE(IsValidLatvianPersonalCode(LatvianCodeWithCheckDigit("3104851234")));  // 31 April
  EXPECT_FALSE(IsValidLatvianPersonalCode(LatvianCodeWithCheckDigit("0113851234")));  // month 13
  EXPECT_FALSE(IsValidLatvianPersonalCode(LatvianCodeWithCheckDigit("0001851234")));  // day 0
  EXPECT_FALSE(IsValidLatvianPersonalCode(LatvianCodeWithCheckDigit("3301851234")));  // day 33
  // Century digit other than 0, 1 or 2.
  EXPECT_FALSE(IsValidLatvianPersonalCode(LatvianCodeWithCheckDigit("1207853234")));
  EXPECT_FALSE(IsValidLatvianPersonalCode(LatvianCodeWithCheckDigit("1207859234")));
  // Old-format codes were not issued for births after 30 June 2017.
  EXPECT_FALSE(IsValidLatvianPersonalCode("01071723455"));  // 2017-07-01
  EXPECT_FALSE(IsValidLatvianPersonalCode("31129923458"));  // 2099-12-31
}

TEST(LatvianPersonalCodeTest, AcceptsASpaceWhereTheDashGoes) {
  EXPECT_TRUE(IsValidLatvianPersonalCode("120785 12347"));
  EXPECT_TRUE(IsValidLatvianPersonalCode("161175 19997"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("161175 19996"));
}

TEST(LatvianPersonalCodeTest, RejectsMalformedInput) {
  EXPECT_FALSE(IsValidLatvianPersonalCode(""));
  EXPECT_FALSE(IsValidLatvianPersonalCode("120785-1234"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("1207851234"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("120785123470"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("1207851234X"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("12078-512347"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("1207 8512347"));
  EXPECT_FALSE(IsValidLatvianPersonalCode("120785--12347"));
  EXPECT_FALSE(IsValidLatvianPersonalCode(kHugeDigits));
  EXPECT_FALSE(IsValidLatvianPersonalCode(kInvalidUtf8));
  EXPECT_FALSE(
      IsValidLatvianPersonalCode("120785\xE2\x80\x93"
                                 "12347"));  // en dash
}

// ---- Israeli identity number ----

TEST(IsraeliIdTest, AcceptsValidNumbers) {
  EXPECT_TRUE(IsValidIsraeliId("123456782"));
  EXPECT_TRUE(IsValidIsraeliId("039337423"));
  EXPECT_TRUE(IsValidIsraeliId("987654324"));
  EXPECT_TRUE(IsValidIsraeliId("332796184"));
  EXPECT_TRUE(IsValidIsraeliId("314159260"));
  EXPECT_TRUE(IsValidIsraeliId("76543214"));  // eight digits, padded to 076543214
  EXPECT_TRUE(IsValidIsraeliId("12344"));     // five digits
  EXPECT_TRUE(IsValidIsraeliId("00018"));
  EXPECT_TRUE(IsValidIsraeliId("33279618-4"));  // dash before the check digit
}

TEST(IsraeliIdTest, RejectsWrongCheckDigit) {
  for (size_t pos = 0; pos < 9; ++pos) {
    std::string changed = WithDigitChanged("123456782", pos);
    EXPECT_FALSE(IsValidIsraeliId(changed)) << changed;
  }
  EXPECT_FALSE(IsValidIsraeliId("31415926"));
  EXPECT_FALSE(IsValidIsraeliId("33279618-5"));
}

TEST(IsraeliIdTest, RejectsMalformedInput) {
  EXPECT_FALSE(IsValidIsraeliId(""));
  EXPECT_FALSE(IsValidIsraeliId("000000000"));
  EXPECT_FALSE(IsValidIsraeliId("00000"));
  EXPECT_FALSE(IsValidIsraeliId("1234"));        // too short
  EXPECT_FALSE(IsValidIsraeliId("0123456782"));  // too long
  EXPECT_FALSE(IsValidIsraeliId("12345678A"));
  EXPECT_FALSE(IsValidIsraeliId("1234-56782"));
  EXPECT_FALSE(IsValidIsraeliId("123456782-"));
  EXPECT_FALSE(IsValidIsraeliId("-2"));
  EXPECT_FALSE(IsValidIsraeliId(" 123456782"));
  EXPECT_FALSE(IsValidIsraeliId(kHugeDigits));
  EXPECT_FALSE(IsValidIsraeliId(kInvalidUtf8));
}

// ---- IBAN ----

TEST(IbanTest, AcceptsRegistryExamples) {
  for (const char* iban : {
           "GB82WEST12345698765432",
           "LV80BANK0000435195001",
           "PL61109010140000071219812874",
           "IL620108000000099999999",
           "DE89370400440532013000",
           "FR1420041010050500013M02606",
           "NO9386011117947",                    // shortest (15)
           "LC55HEMM000100010012001200023015",   // 32
           "RU0304452522540817810538091310419",  // longest (33)
           "BE68539007547034",
           "MT84MALT011000012345MTLCAST001S",
           "SE4550000000058398257466",
           "LV37HABA0551020123456",
           "EE382200221020145685",
           "EE471000001020145685",
       }) {
    EXPECT_TRUE(IsValidIban(iban)) << iban;
  }
}

TEST(IbanTest, AcceptsGroupsAndLowerCase) {
  EXPECT_TRUE(IsValidIban("LV80 BANK 0000 4351 9500 1"));
  EXPECT_TRUE(IsValidIban("GB82 WEST 1234 5698 7654 32"));
  EXPECT_TRUE(IsValidIban("PL61 1090 1014 0000 0712 1981 2874"));
  EXPECT_TRUE(IsValidIban("gb82west12345698765432"));
  EXPECT_TRUE(IsValidIban("Lv80 bank 0000 4351 9500 1"));
  EXPECT_TRUE(IsValidIban("LV80-BANK-0000-4351-9500-1"));
  EXPECT_TRUE(IsValidIban("LV80 BANK-0000 4351-9500 1"));
}

TEST(IbanTest, RejectsWrongChecksum) {
  EXPECT_FALSE(IsValidIban("GB82WEST12345698765433"));
  EXPECT_FALSE(IsValidIban("GB83WEST12345698765432"));
  EXPECT_FALSE(IsValidIban("LV80BANK0000435195002"));
  EXPECT_FALSE(IsValidIban("GB82WEST12345698765423"));  // transposed digits
  for (size_t pos = 2; pos < 21; ++pos) {
    std::string iban = "LV80BANK0000435195001";
    if (iban[pos] < '0' || iban[pos] > '9') continue;
    std::string changed = WithDigitChanged(iban, pos);
    EXPECT_FALSE(IsValidIban(changed)) << changed;
  }
}

TEST(IbanTest, RejectsWrongLengthForCountry) {
  // Passes the mod-97 check but Latvian IBANs have 21 characters.
  EXPECT_FALSE(IsValidIban("LV58HABA055102012345"));
  // One character short and one too many for the United Kingdom (22).
  EXPECT_FALSE(IsValidIban("GB82WEST1234569876543"));
  EXPECT_FALSE(IsValidIban("GB82WEST123456987654321"));
}

TEST(IbanTest, RejectsCountriesOutsideTheRegistry) {
  EXPECT_FALSE(IsValidIban("US6712345678901234567"));  // passes mod-97
  EXPECT_FALSE(IsValidIban("XX80BANK0000435195001"));
}

TEST(IbanTest, RejectsReservedCheckDigits) {
  EXPECT_TRUE(IsValidIban("LV97HABA0551000000017"));
  // Same remainder as check digits 97, but 00, 01 and 99 are never issued.
  EXPECT_FALSE(IsValidIban("LV00HABA0551000000017"));
}

TEST(IbanTest, RejectsMalformedInput) {
  EXPECT_FALSE(IsValidIban(""));
  EXPECT_FALSE(IsValidIban("LV"));
  EXPECT_FALSE(IsValidIban("LV80"));
  EXPECT_FALSE(IsValidIban("1V80BANK0000435195001"));
  EXPECT_FALSE(IsValidIban("LVA0BANK0000435195001"));
  EXPECT_FALSE(IsValidIban(" LV80BANK0000435195001"));
  EXPECT_FALSE(IsValidIban("LV80BANK0000435195001 "));
  EXPECT_FALSE(IsValidIban("LV80  BANK 0000 4351 9500 1"));
  EXPECT_FALSE(IsValidIban("LV80--BANK-0000-4351-9500-1"));
  EXPECT_FALSE(IsValidIban("LV80-BANK-0000-4351-9500-1-"));
  EXPECT_FALSE(IsValidIban("LV80BANK000043519500!"));
  EXPECT_FALSE(IsValidIban(std::string("LV80BANK0000435195001") + kHugeDigits));
  EXPECT_FALSE(IsValidIban(kHugeDigits));
  EXPECT_FALSE(IsValidIban(kInvalidUtf8));
  EXPECT_FALSE(
      IsValidIban("LV80BANK0000\xC3\x28"
                  "435195001"));
}

// ---- Payment cards ----

TEST(PaymentCardTest, AcceptsEverySupportedScheme) {
  for (const char* card : {
           "4111111111111111",     // Visa
           "4222222222222",        // Visa, 13 digits
           "4123456789012345677",  // Visa, 19 digits
           "5555555555554444",     // Mastercard
           "2223003122003222",     // Mastercard 2-series
           "378282246310005",      // American Express
           "371449635398431",      // American Express
           "6011111111111117",     // Discover
           "6440123456789010",     // Discover 644-649
           "6555555555555555",     // Discover 65
           "3530111333300000",     // JCB
           "3528000000000007",     // JCB, lowest prefix
           "3589000000000003",     // JCB, highest prefix
           "30569309025904",       // Diners Club
           "38520000023237",       // Diners Club
           "3600000000000008",     // Diners Club 36
           "6759649826438453",     // Maestro
           "5038123456787",        // Maestro, 13 digits
           "6304123456789015",     // Maestro
           "6767701234567892",     // Maestro
           "5654321098765432104",  // Maestro, 19 digits
           "6200000000000005",     // UnionPay
           "2200123456789019",     // Mir
       }) {
    EXPECT_TRUE(IsValidPaymentCard(card)) << card;
  }
}

TEST(PaymentCardTest, AcceptsGroupSeparators) {
  EXPECT_TRUE(IsValidPaymentCard("4111 1111 1111 1111"));
  EXPECT_TRUE(IsValidPaymentCard("4111-1111-1111-1111"));
  EXPECT_TRUE(IsValidPaymentCard("3782 822463 10005"));
  EXPECT_TRUE(IsValidPaymentCard("5555 5555-5555 4444"));
}

TEST(PaymentCardTest, RejectsLuhnFailures) {
  EXPECT_FALSE(IsValidPaymentCard("4111111111111112"));
  EXPECT_FALSE(IsValidPaymentCard("5555555555554445"));
  EXPECT_FALSE(IsValidPaymentCard("378282246310006"));
  for (size_t pos = 0; pos < 16; ++pos) {
    std::string changed = WithDigitChanged("4111111111111111", pos);
    EXPECT_FALSE(IsValidPaymentCard(changed)) << changed;
  }
}

TEST(PaymentCardTest, RejectsUnknownIssuersAndWrongLengths) {
  EXPECT_FALSE(IsValidPaymentCard("9000000000000001"));      // passes Luhn, no scheme
  EXPECT_FALSE(IsValidPaymentCard("1234567812345670"));      // passes Luhn, no scheme
  EXPECT_FALSE(IsValidPaymentCard("41111111111114"));        // Visa never has 14 digits
  EXPECT_FALSE(IsValidPaymentCard("3711111111111117"));      // Amex has 15 digits
  EXPECT_FALSE(IsValidPaymentCard("5111111111111111119"));   // Mastercard has 16 digits
  EXPECT_FALSE(IsValidPaymentCard("411111111117"));          // 12 digits
  EXPECT_FALSE(IsValidPaymentCard("41111111111111111115"));  // 20 digits
}

TEST(PaymentCardTest, RejectsMalformedInput) {
  EXPECT_FALSE(IsValidPaymentCard(""));
  EXPECT_FALSE(IsValidPaymentCard("4111  1111 1111 1111"));
  EXPECT_FALSE(IsValidPaymentCard(" 4111111111111111"));
  EXPECT_FALSE(IsValidPaymentCard("4111111111111111-"));
  EXPECT_FALSE(IsValidPaymentCard("4111.1111.1111.1111"));
  EXPECT_FALSE(IsValidPaymentCard("4111 1111 1111 111I"));
  EXPECT_FALSE(IsValidPaymentCard("411111111111111a"));
  EXPECT_FALSE(IsValidPaymentCard(kHugeDigits));
  EXPECT_FALSE(IsValidPaymentCard(kInvalidUtf8));
  EXPECT_FALSE(
      IsValidPaymentCard("4111\xA0"
                         "1111\xA0"
                         "1111\xA0"
                         "1111"));
}

// ---- E-mail ----

TEST(EmailTest, AcceptsPlausibleAddresses) {
  for (const char* email : {
           "jane.doe@example.com", "j.berzins+news@firma.lv", "o'brien@example.co.uk",
           "user_name-1@sub.domain.example.org", "a@b.co", "x@xn--80ak6aa92e.com",
           "info@example.xn--p1ai", "J.Kowalski@Example.PL",
           "j\xC4\x81nis@piem\xC4\x93rs.lv",          // jānis@piemērs.lv
           "\xD7\x93\xD7\x95\xD7\x93@example.co.il",  // Hebrew local part
           "info@\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84",  // пример.рф
       }) {
    EXPECT_TRUE(IsValidEmail(email)) << email;
  }
}

TEST(EmailTest, RejectsImplausibleAddresses) {
  for (const char* email : {
           "plainaddress",
           "@example.com",
           "user@",
           "user@localhost",
           "user@example.c",
           "user@example.123",
           "user@example.c0m",
           "user..name@example.com",
           ".user@example.com",
           "user.@example.com",
           "user@example..com",
           "user@.example.com",
           "user@example.com.",
           "user@-example.com",
           "user@example-.com",
           "user@@example.com",
           "a@b@example.com",
           "user name@example.com",
           "user@exa mple.com",
           "\"quoted\"@example.com",
           "user@[192.0.2.1]",
           "user@exam_ple.com",
           "user(comment)@example.com",
           "user@example.com\n",
       }) {
    EXPECT_FALSE(IsValidEmail(email)) << email;
  }
}

TEST(EmailTest, EnforcesLengthLimits) {
  std::string local64(64, 'a');
  EXPECT_TRUE(IsValidEmail(local64 + "@example.com"));
  EXPECT_FALSE(IsValidEmail(local64 + "a@example.com"));

  std::string label63(63, 'b');
  EXPECT_TRUE(IsValidEmail("user@" + label63 + ".com"));
  EXPECT_FALSE(IsValidEmail("user@" + label63 + "b.com"));

  // 254 bytes in all is the most an address may have.
  std::string domain = label63 + "." + label63 + "." + label63 + "." + std::string(50, 'c') + ".lv";
  std::string at_limit = std::string(254 - 1 - domain.size(), 'u') + "@" + domain;
  ASSERT_EQ(at_limit.size(), 254u);
  EXPECT_TRUE(IsValidEmail(at_limit));
  EXPECT_FALSE(IsValidEmail("u" + at_limit));
}

TEST(EmailTest, RejectsInvalidUtf8AndHugeInput) {
  EXPECT_FALSE(IsValidEmail(""));
  EXPECT_FALSE(
      IsValidEmail("us\xC3"
                   "er@example.com"));  // truncated sequence
  EXPECT_FALSE(
      IsValidEmail("user@ex\xFF"
                   "ample.com"));  // never valid in UTF-8
  EXPECT_FALSE(
      IsValidEmail("\xC0\xAF"
                   "user@example.com"));                                        // overlong '/'
  EXPECT_FALSE(IsValidEmail("user\xED\xA0\x80@example.com"));                   // surrogate
  EXPECT_FALSE(IsValidEmail("user@example.\xF4\x90\x80\x80\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidEmail(kInvalidUtf8));
  EXPECT_FALSE(IsValidEmail(std::string(1 << 20, 'a') + "@example.com"));
  EXPECT_FALSE(IsValidEmail(std::string(1, '\0') + "user@example.com"));
}

}  // namespace
}  // namespace chorus::detect
