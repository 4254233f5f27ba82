#include "text/inflection.h"

#include <gtest/gtest.h>

namespace chorus::text {
namespace {

TEST(ExpandAlternatives, ExpandsEveryGroupInOrder) {
  EXPECT_EQ(
      ExpandAlternatives("{wy,za,}jeb{ać,any}"),
      (std::vector<std::string>{"wyjebać", "wyjebany", "zajebać", "zajebany", "jebać", "jebany"}));
  EXPECT_EQ(ExpandAlternatives("ty {kurwo,chuju}"),
            (std::vector<std::string>{"ty kurwo", "ty chuju"}));
}

TEST(ExpandAlternatives, LeavesPlainAndMalformedEntriesAlone) {
  EXPECT_EQ(ExpandAlternatives("kurwa mać"), std::vector<std::string>{"kurwa mać"});
  EXPECT_EQ(ExpandAlternatives("a{b"), std::vector<std::string>{"a{b"});
  EXPECT_EQ(ExpandAlternatives("a}b{"), std::vector<std::string>{"a}b{"});
  EXPECT_EQ(ExpandAlternatives("{a{b,c}"), std::vector<std::string>{"{a{b,c}"});
  EXPECT_EQ(ExpandAlternatives(""), std::vector<std::string>{""});
}

TEST(ExpandAlternatives, StopsAtTheLimit) {
  EXPECT_EQ(ExpandAlternatives("{a,b}{c,d}{e,f}", 4).size(), 4u);
}

TEST(SocialSpellings, RunTogetherAndCamelCaseSplit) {
  EXPECT_EQ(SocialSpellings("Project Nightingale", true),
            std::vector<std::string>{"ProjectNightingale"});
  EXPECT_TRUE(SocialSpellings("Project Nightingale", false).empty());
  EXPECT_EQ(SocialSpellings("AmberPay", false), std::vector<std::string>{"Amber Pay"});
  EXPECT_EQ(SocialSpellings("Gdańska Logistyka Portowa", true),
            std::vector<std::string>{"GdańskaLogistykaPortowa"});
  EXPECT_TRUE(SocialSpellings("Bursztyn 2.0", true).empty());  // punctuation
  EXPECT_TRUE(SocialSpellings("מגדל אופטיקה", true).empty());  // Hebrew
  EXPECT_TRUE(SocialSpellings("a b c d e", true).empty());     // five words
  EXPECT_TRUE(SocialSpellings("Baltpay", true).empty());
}

TEST(WordForms, PolishPastFormsTakeEndings) {
  InflectionRules pl;
  pl.min_stem = 3;
  pl.strip = {"a", "o", "y"};
  pl.endings = std::make_shared<const EndingSet>(EndingSet{"a", "o", "i", "ego"});
  const auto forms = WordForms("wyjebal", {&pl}, false);
  EXPECT_TRUE(MatchesForms("wyjebala", forms));
  EXPECT_TRUE(MatchesForms("wyjebali", forms));
  EXPECT_FALSE(MatchesForms("wyjeb", forms));
}

}  // namespace
}  // namespace chorus::text
