#include "detect/tone_text.h"

#include <gtest/gtest.h>

#include <string>

namespace chorus::detect {
namespace {

TEST(ToneTextTest, LanguageFirstThenFoldedWords) {
  EXPECT_EQ(ToneTokens("Great SERVICE, Rīga!", "lv"), "lang_lv great service riga !");
}

TEST(ToneTextTest, LinksHandlesAndNumbersBecomeTokens) {
  EXPECT_EQ(ToneTokens("@AmberPay refunded 120 EUR https://t.co/x?y=1 www.example.com", "en"),
            "lang_en <user> refunded <num> eur <url> <url>");
}

TEST(ToneTextTest, MarksCountOncePerRunAndOtherPunctuationGoes) {
  EXPECT_EQ(ToneTokens("Why?!?! so... slow!!!", "en"), "lang_en why ? ! ? ! so slow !");
}

TEST(ToneTextTest, HebrewAndUnknownLanguage) {
  EXPECT_EQ(ToneTokens("שירות מעולה!", "he"), "lang_he שירות מעולה !");
  EXPECT_EQ(ToneTokens("ok", ""), "lang_xx ok");
  EXPECT_EQ(ToneTokens("ok", "__label__x y"), "lang_labelxy ok");
}

TEST(ToneTextTest, NeverNewlinesTabsOrLabels) {
  const std::string tokens = ToneTokens("a\tb\nc __label__positive \xff\xfe d", "en");
  EXPECT_EQ(tokens.find('\n'), std::string::npos);
  EXPECT_EQ(tokens.find('\t'), std::string::npos);
  EXPECT_EQ(tokens.find("__label__"), std::string::npos);
}

TEST(ToneTextTest, LongPostsAreCut) {
  std::string post;
  for (int i = 0; i < 5000; ++i) post += "word ";
  const std::string tokens = ToneTokens(post, "en");
  size_t words = 0;
  for (char c : tokens) words += c == ' ';
  EXPECT_EQ(words, kMaxToneTokens);
  EXPECT_EQ(ToneTokens("", "en"), "lang_en");
}

}  // namespace
}  // namespace chorus::detect
