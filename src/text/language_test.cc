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

TEST(DetectLanguageByAlphabetConfirmed, NeedsTheLanguagesOwnWordsAndNoOtherLanguages) {
  auto confirmed = [](std::string_view text, std::string_view folded) {
    return DetectLanguageByAlphabetConfirmed(text, kCandidates, {folded, &Words()});
  };
  EXPECT_EQ(confirmed("Mēs esam gatavi", "mes esam gatavi"), "lv");
  EXPECT_EQ(confirmed("Nie mogę się doczekać", "nie moge sie doczekac"), "pl");
  EXPECT_EQ(confirmed("שלום לכולם", "שלום לכולם"), "he");
  // An English post naming a Latvian company: Latvian letters, but no Latvian word.
  EXPECT_EQ(confirmed("Great work by Vidzemes Metāls", "great work by vidzemes metals"), "");
  // With an English word beside the Latvian ones: left to CLD2.
  EXPECT_EQ(confirmed("Mēs esam today gatavi", "mes esam today gatavi"), "");
  // A Polish post quoting a Latvian name ("nie" is Polish; the letters say Latvian).
  EXPECT_EQ(confirmed("Nie znam Rīgas", "nie znam rigas"), "");
  EXPECT_EQ(confirmed("Plain ASCII is for CLD2", "plain ascii is for cld2"), "");
  EXPECT_EQ(DetectLanguageByAlphabetConfirmed("Mēs esam", kCandidates, {}), "");  // no words
  // Where it answers, DetectLanguage agrees.
  for (const auto& [text, folded] : std::vector<std::pair<std::string, std::string>>{
           {"Mēs šodien esam birojā un strādājam par projektu",
            "mes sodien esam biroja un strad"
            "ajam par projektu"},
           {"Nie wiem, czy ten projekt jest gotowy na środę",
            "nie wiem, czy ten projekt jest "
            "gotowy na srode"}}) {
    const std::string code = confirmed(text, folded);
    ASSERT_FALSE(code.empty()) << text;
    EXPECT_EQ(DetectLanguage(text, kCandidates, "en", {folded, &Words()}), code) << text;
  }
}

}  // namespace
}  // namespace chorus::text
