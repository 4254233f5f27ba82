#include "text/fold.h"

#include <gtest/gtest.h>

namespace chorus::text {
namespace {

std::string F(std::string_view s) {
  return FoldTerm(s);
}

TEST(Fold, LowerCasesAndRemovesDiacritics) {
  EXPECT_EQ(F("Rīgas Piens"), "rigas piens");
  EXPECT_EQ(F("Gdańskiej Łodzi ŻÓŁĆ"), "gdanskiej lodzi zolc");
  EXPECT_EQ(F("Straße"), "strasse");
  EXPECT_EQ(F("ＡＭＢＥＲ"), "amber");  // full-width letters (NFKC)
}

TEST(Fold, RemovesHebrewPointsAndKeepsLetters) {
  EXPECT_EQ(F("שָׁלוֹם"), "שלום");
  EXPECT_EQ(F("למגדל אופטיקה"), "למגדל אופטיקה");
}

TEST(Fold, UndoesLookAlikeLettersInLatinWords) {
  // "Bаltpay" with a Cyrillic а; "pаssword" with Cyrillic а.
  EXPECT_EQ(F("B\xD0\xB0ltpay"), "baltpay");
  // A wholly Cyrillic word stays Cyrillic.
  EXPECT_EQ(F("мама"), "мама");
}

TEST(Fold, UndoesLeetspeakButNotNumbers) {
  EXPECT_EQ(F("sh1t"), "shit");
  EXPECT_EQ(F("a$$hole"), "asshole");
  EXPECT_EQ(F("covid19 2024 mp3"), "covid19 2024 mp3");
  EXPECT_EQ(F("price: 5$"), "price: 5$");
}

TEST(Fold, SymbolsCountAsLettersOnlyBeforeALetterOrDigit) {
  // Exclamation marks after a word end it; they are not a disguised "i".
  EXPECT_EQ(F("Paldies Rīgas Pienam!!!"), "paldies rigas pienam!!!");
  EXPECT_EQ(F("Baltpay are idiots!!"), "baltpay are idiots!!");
  EXPECT_EQ(F("idiots!!!!! really"), "idiots!!!!! really");
  EXPECT_EQ(F("shit!?"), "shit!?");
  EXPECT_EQ(F("shit$$ "), "shit$$ ");
  EXPECT_EQ(F("shit!!😡"), "shit!! ");  // before an emoji
  // Inside a word they still stand for letters.
  EXPECT_EQ(F("sh!t and a$$hole"), "shit and asshole");
  EXPECT_EQ(F("sh!!t"), "shiit");
  FoldedText out;
  Fold("f**k!!", &out);
  EXPECT_EQ(out.text, "f**k!!");
  ASSERT_EQ(out.masked_tokens.size(), 1u);
  EXPECT_EQ(out.text.substr(out.masked_tokens[0].first,
                            out.masked_tokens[0].second - out.masked_tokens[0].first),
            "f**k");
}

TEST(Fold, SplitsCamelCaseInsideHashtagsOnly) {
  EXPECT_EQ(F("#ProjectNightingale"), "#project nightingale");
  EXPECT_EQ(F("#RīgasPiens rocks"), "#rigas piens rocks");
  EXPECT_EQ(F("ProjectNightingale"), "projectnightingale");  // not a hashtag
  EXPECT_EQ(F("#NASA #iPhone"), "#nasa #i phone");
}

TEST(Fold, InvisibleCharacterBetweenJoinedWordsSeparatesThem) {
  EXPECT_EQ(F("Project\u200BNightingale"), "project nightingale");
  EXPECT_EQ(F("Project\u2060Nightingale"), "project nightingale");
  EXPECT_EQ(F("Gdańska\u200CLogistyka"), "gdanska logistyka");
  EXPECT_EQ(F("Night\u200Bingale"), "nightingale");  // inside a word: dropped
  EXPECT_EQ(F("e\u0301"), "e");                      // a combining mark never splits
}

TEST(Fold, StretchedLettersAreWrittenOnce) {
  EXPECT_EQ(F("fuuuuck"), "fuck");
  EXPECT_EQ(F("KURWAAAA"), "kurwa");
  EXPECT_EQ(F("good"), "good");  // two in a row stay
}

TEST(Fold, UnderscoreReadsAsASpace) {
  EXPECT_EQ(F("Project_Nightingale"), "project nightingale");
  EXPECT_EQ(F("@amber_pay"), "@amber pay");
}

TEST(Fold, MapsOffsetsOfSplitHashtags) {
  const std::string original = "Go #ProjectNightingale!!";
  FoldedText out;
  Fold(original, &out);
  const size_t pos = out.text.find("project nightingale");
  ASSERT_NE(pos, std::string::npos);
  const size_t end = pos + std::string("project nightingale").size();
  EXPECT_EQ(original.substr(out.OriginalStart(pos), out.OriginalEnd(end) - out.OriginalStart(pos)),
            "ProjectNightingale");
  const size_t second = out.text.find("nightingale");
  EXPECT_EQ(original.substr(out.OriginalStart(second),
                            out.OriginalEnd(second + 11) - out.OriginalStart(second)),
            "Nightingale");
}

TEST(Fold, JoinsSpacedLetters) {
  EXPECT_EQ(F("you are an i d i o t!"), "you are an idiot!");
  EXPECT_EQ(F("s.h.i.t happens"), "shit happens");
  EXPECT_EQ(F("a b is fine"), "a b is fine");  // two single letters stay apart
}

TEST(Fold, RecordsMaskedWords) {
  FoldedText out;
  Fold("what the f*ck, really", &out);
  ASSERT_EQ(out.masked_tokens.size(), 1u);
  const auto [s, e] = out.masked_tokens[0];
  EXPECT_EQ(out.text.substr(s, e - s), "f*ck");
  EXPECT_EQ(F("2*3 = 6"), "2*3 = 6");
  // Stars after a word mask nothing, also when spaced letters were joined in the same post.
  for (const char* post : {"a bitch**", "u r a bitch**", "u r a f*ck"}) {
    Fold(post, &out);
    for (const auto& [s2, e2] : out.masked_tokens)
      EXPECT_NE(out.text[e2 - 1], '*') << post << ": " << out.text.substr(s2, e2 - s2);
  }
  Fold("u r a f*ck", &out);
  ASSERT_EQ(out.masked_tokens.size(), 1u);
}

TEST(Fold, RemovesInvisibleCharacters) {
  EXPECT_EQ(F("id\u200Biot"), "idiot");
  EXPECT_EQ(F("Night\u00ADingale"), "nightingale");
}

TEST(Fold, MapsOffsetsBackToTheOriginal) {
  const std::string original = "Šodien Rīgas Pienam";
  FoldedText out;
  Fold(original, &out);
  const size_t pos = out.text.find("rigas pienam");
  ASSERT_NE(pos, std::string::npos);
  const size_t start = out.OriginalStart(pos);
  const size_t end = out.OriginalEnd(pos + std::string("rigas pienam").size());
  EXPECT_EQ(original.substr(start, end - start), "Rīgas Pienam");
}

TEST(Fold, MapsOffsetsAcrossJoinedLetters) {
  const std::string original = "an i d i o t indeed";
  FoldedText out;
  Fold(original, &out);
  const size_t pos = out.text.find("idiot");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_EQ(
      original.substr(out.OriginalStart(pos), out.OriginalEnd(pos + 5) - out.OriginalStart(pos)),
      "i d i o t");
}

TEST(Fold, InvalidUtf8BecomesSpaceAndIsFlagged) {
  FoldedText out;
  Fold(std::string("ab\xFF\xFE"
                   "cd\xC3"),
       &out);
  EXPECT_TRUE(out.had_invalid_utf8);
  EXPECT_EQ(out.text, "ab  cd ");
  EXPECT_EQ(out.origin.size(), out.text.size() + 1);
}

TEST(Fold, EmptyInput) {
  FoldedText out;
  Fold("", &out);
  EXPECT_TRUE(out.text.empty());
  ASSERT_EQ(out.origin.size(), 1u);
  EXPECT_EQ(out.origin[0], 0u);
}

TEST(Fold, WordBoundariesInFoldedText) {
  const std::string t = F("ab, שלום!");
  EXPECT_TRUE(IsWordCharAt(t, 0));
  EXPECT_FALSE(IsWordCharAt(t, 2));
  EXPECT_TRUE(IsWordCharAt(t, 4));  // ש
  EXPECT_TRUE(IsWordCharBefore(t, t.size() - 1));
  EXPECT_FALSE(IsWordCharBefore(t, 0));
}

}  // namespace
}  // namespace chorus::text
