#include "text/language.h"

#include <gtest/gtest.h>

namespace chorus::text {
namespace {

const std::vector<std::string> kCandidates = {"en", "he", "lv", "pl"};

const CommonWords& Words() {
  static const CommonWords words = {
      {"en", {"the", "and", "is", "today"}},
      {"lv", {"ir", "un", "par", "mes", "esam"}},
      {"pl", {"nie", "sie", "tym", "jest"}},
  };
  return words;
}

TEST(VoteByCommonWords, CountsWholeWordsAndRefusesTies) {
  EXPECT_EQ(VoteByCommonWords("nie ufam tym politykom", Words()), "pl");
  EXPECT_EQ(VoteByCommonWords("mes esam par velesanam", Words()), "lv");
  EXPECT_EQ(VoteByCommonWords("the day is today", Words()), "en");
  EXPECT_EQ(VoteByCommonWords("un summit today", Words()), "") << "one each: a tie";
  EXPECT_EQ(VoteByCommonWords("nietzsche thematic irony", Words()), "") << "words, not parts";
  EXPECT_EQ(VoteByCommonWords("", Words()), "");
  EXPECT_EQ(VoteByCommonWords("nie,tym;jest!", Words()), "pl") << "punctuation separates";
  EXPECT_EQ(VoteByCommonWords("„nie” — ufam", Words()), "pl") << "so does typographic punctuation";
}

TEST(DetectLanguage, ShortPostsWithoutDiacriticsUseTheCommonWords) {
  // Without hints CLD2 cannot place these short, diacritic-free posts.
  const LanguageHints polish{"nie ufam tym politykom", &Words()};
  EXPECT_EQ(DetectLanguage("Nie ufam tym politykom", kCandidates, "en", polish), "pl");
  const LanguageHints latvian{"mes esam par velesanam", &Words()};
  EXPECT_EQ(DetectLanguage("Mes esam par velesanam", kCandidates, "en", latvian), "lv");
  // The alphabet still decides before the words do, and Hebrew letters are Hebrew.
  const LanguageHints misleading{"nie ufam sadom", &Words()};
  EXPECT_EQ(DetectLanguage("Nie ufam sādom", kCandidates, "en", misleading), "lv");
  EXPECT_EQ(DetectLanguage("שלום לכולם", kCandidates, "en", {}), "he");
  // A language that is not a candidate is not chosen.
  EXPECT_EQ(DetectLanguage("Nie ufam tym politykom", {"en", "lv"}, "en", polish), "en");
}

TEST(DetectLanguageByAlphabet, DecidesOnlyWhenTheLettersDo) {
  const std::vector<std::string> all = {"en", "he", "lv", "pl"};
  EXPECT_EQ(DetectLanguageByAlphabet("שלום לכולם, ok", all), "he");
  EXPECT_EQ(DetectLanguageByAlphabet("Šodien bija lieliska diena birojā", all), "lv");
  EXPECT_EQ(DetectLanguageByAlphabet("Świetny dzień na konferencji", all), "pl");
  EXPECT_EQ(DetectLanguageByAlphabet("Had a great day at the office", all), "");
  EXPECT_EQ(DetectLanguageByAlphabet("Rīga and Łódź", all), "");           // both kinds
  EXPECT_EQ(DetectLanguageByAlphabet("Dobrze, café 🙂", all), "");      // no telling letter
  EXPECT_EQ(DetectLanguageByAlphabet("Świetny dzień", {"en", "lv"}), "");  // not a candidate
}

}  // namespace
}  // namespace chorus::text
