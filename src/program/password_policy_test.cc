#include "program/password_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace chorus::program {
namespace {

std::string Code(std::string_view password, std::string_view email = "") {
  return CheckPasswordStrength(password, email).code;
}

TEST(PasswordPolicyTest, LengthIsCountedInCharactersWithAMessageForEachLimit) {
  EXPECT_EQ(Code("Kr-9x!q"), "password_too_short");
  // Seven Latvian letters are 14 bytes but 7 characters: too short.
  EXPECT_EQ(Code("ļūķģšžč"), "password_too_short");
  EXPECT_EQ(Code("ļūķģšžčā"), "");  // eight characters
  EXPECT_EQ(Code("שלוםעולםטוב"), "");
  const Outcome too_long = CheckPasswordStrength(std::string(257, 'x') + "y", "");
  EXPECT_EQ(too_long.code, "password_too_long");
  EXPECT_NE(too_long.message.find("at most 256"), std::string::npos) << too_long.message;
  EXPECT_EQ(CheckPasswordStrength("short", "").message.find("at most"), std::string::npos);
  // 256 characters of 2 bytes each are allowed.
  std::string two_byte;
  for (int i = 0; i < 128; ++i) two_byte += "ąż";
  EXPECT_EQ(Code(two_byte), "");
  EXPECT_EQ(Code(two_byte + "ą"), "password_too_long");
  EXPECT_EQ(Code(std::string("abc\xff"
                             "defgh")),
            "invalid_utf8");
}

TEST(PasswordPolicyTest, CommonPasswordsAndObviousPatternsAreRefused) {
  for (const char* weak : {"password", "PASSWORD", "Password1", "12345678", "87654321", "abcdefgh",
                           "        ", "aaaaaaaaaa", "qwertyuiop", "1q2w3e4r", "parole123",
                           "haslo123", "Welcome2024", "zzzzzzzz"}) {
    EXPECT_EQ(Code(weak), "password_too_common") << weak;
  }
  EXPECT_TRUE(IsCommonPassword("letmein123"));
  EXPECT_FALSE(IsCommonPassword("correct-horse-42"));
  EXPECT_EQ(Code("correct-horse-42"), "");
}

TEST(PasswordPolicyTest, TheEmailAddressIsNotAPassword) {
  EXPECT_EQ(Code("anna.berzina@example.lv", "anna.berzina@example.lv"), "password_like_email");
  EXPECT_EQ(Code("Anna.Berzina", "anna.berzina@example.lv"), "password_like_email");
  EXPECT_EQ(Code("anna.berzina2024!", "anna.berzina@example.lv"), "password_like_email");
  EXPECT_EQ(Code("anna.berzina-sings", "anna.berzina@example.lv"), "");
  EXPECT_EQ(Code("anna.berzina@example.lv", ""), "");
}

}  // namespace
}  // namespace chorus::program
