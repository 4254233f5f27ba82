#include "text/english_words.h"

#include <gtest/gtest.h>

namespace chorus::text {
namespace {

TEST(EnglishWords, HunspellTellsEnglishWordsFromOthers) {
  EXPECT_TRUE(MayBeEnglish("sad"));
  EXPECT_TRUE(MayBeEnglish("minister"));
  EXPECT_FALSE(MayBeEnglish("politykom"));
  EXPECT_FALSE(MayBeEnglish("velesanam"));
  EXPECT_TRUE(MayBeEnglish("minister")) << "the cached answer is the same";
}

TEST(EnglishWords, EveryWordMustBeForeign) {
  EXPECT_TRUE(HasNoEnglishWord("partia rzadzaca"));
  EXPECT_FALSE(HasNoEnglishWord("partia minister"));
  EXPECT_FALSE(HasNoEnglishWord("")) << "no words, nothing to let through";
  EXPECT_FALSE(HasNoEnglishWord(" - "));
  EXPECT_FALSE(HasNoEnglishWord("„minister”")) << "quotes are not part of the word";
}

}  // namespace
}  // namespace chorus::text
