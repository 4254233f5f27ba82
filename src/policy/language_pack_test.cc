#include "policy/language_pack.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

const char* kPack =
    "language: xx\nprefixes: []\nname: Test\ndirection: ltr\nphone_region: LV\n"
    "lexicons:\n  politics: [vote]\n";

TEST(LanguagePack, ParsesAValidPack) {
  LanguagePack pack;
  const Status s = ParseLanguagePack(kPack, &pack);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(pack.Lexicon("politics"), std::vector<std::string>{"vote"});
  EXPECT_FALSE(pack.right_to_left);
}

TEST(LanguagePack, AnUnknownLexiconIsAnErrorWithItsLine) {
  LanguagePack pack;
  const Status s = ParseLanguagePack(
      "language: xx\nprefixes: []\nlexicons:\n  politics: [vote]\n  politcs: [ballot]\n", &pack);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 5);
  EXPECT_NE(s.message().find("politcs"), std::string::npos);
}

TEST(LanguagePack, ADirectionOtherThanLtrOrRtlIsAnError) {
  LanguagePack pack;
  const Status s = ParseLanguagePack("language: xx\nprefixes: []\ndirection: RTL\n", &pack);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 3);
  ASSERT_TRUE(ParseLanguagePack("language: xx\nprefixes: []\ndirection: rtl\n", &pack).ok());
  EXPECT_TRUE(pack.right_to_left);
}

TEST(LanguagePack, AnUnknownKeyOrAWrongShapeIsAnError) {
  LanguagePack pack;
  EXPECT_EQ(ParseLanguagePack("language: xx\nprefixes: []\ndirections: rtl\n", &pack).line(), 3);
  EXPECT_EQ(ParseLanguagePack("language: xx\nprefixes: []\nname: [a, b]\n", &pack).line(), 3);
}

TEST(LanguagePack, EveryBuiltInPackParses) {
  EXPECT_GE(BuiltinLanguagePacks().size(), 4u);  // aborts at startup if one is broken
  for (const auto& pack : BuiltinLanguagePacks()) EXPECT_FALSE(pack.name.empty()) << pack.code;
}

}  // namespace
}  // namespace chorus
