#include "program/password_hash.h"

#include <gtest/gtest.h>

namespace chorus::program {
namespace {

TEST(PasswordHashTest, VerifiesOnlyTheRightPassword) {
  std::string hash;
  ASSERT_TRUE(HashPassword("correct horse battery", &hash).ok());
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword("correct horse battery", hash));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", hash));
  EXPECT_FALSE(VerifyPassword("", hash));
}

TEST(PasswordHashTest, SaltsEveryHash) {
  std::string a, b;
  ASSERT_TRUE(HashPassword("same password", &a).ok());
  ASSERT_TRUE(HashPassword("same password", &b).ok());
  EXPECT_NE(a, b);
}

TEST(PasswordHashTest, RejectsMalformedOrForeignHashes) {
  EXPECT_FALSE(VerifyPassword("x", ""));
  EXPECT_FALSE(VerifyPassword("x", "$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aGFzaA"));
  EXPECT_FALSE(VerifyPassword("x", "plaintext"));
}

}  // namespace
}  // namespace chorus::program
