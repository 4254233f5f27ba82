#include "server/base64.h"

#include <gtest/gtest.h>

namespace chorus::server {
namespace {

TEST(Base64Test, DecodesWithAndWithoutPadding) {
  std::string out;
  ASSERT_TRUE(DecodeBase64("aGVsbG8=", &out));
  EXPECT_EQ(out, "hello");
  ASSERT_TRUE(DecodeBase64("aGVsbG8", &out));
  EXPECT_EQ(out, "hello");
  ASSERT_TRUE(DecodeBase64("data:image/jpeg;base64,/9j/", &out));
  EXPECT_EQ(out, "\xff\xd8\xff");
  ASSERT_TRUE(DecodeBase64("", &out));
  EXPECT_EQ(out, "");
}

TEST(Base64Test, RejectsGarbage) {
  std::string out;
  EXPECT_FALSE(DecodeBase64("aGV*bG8=", &out));
  EXPECT_FALSE(DecodeBase64("aGVsbG8=x", &out));
  EXPECT_FALSE(DecodeBase64("a", &out));  // a lone 6-bit group is not a byte
  EXPECT_FALSE(DecodeBase64("data:image/png,abc", &out));
}

}  // namespace
}  // namespace chorus::server
