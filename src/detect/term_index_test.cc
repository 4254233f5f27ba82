#include "detect/term_index.h"

#include <gtest/gtest.h>

#include <memory>

#include "text/fold.h"

namespace chorus::detect {
namespace {

std::shared_ptr<const text::EndingSet> Endings(std::initializer_list<std::string> e) {
  text::EndingSet s{""};
  s.insert(e.begin(), e.end());
  return std::make_shared<const text::EndingSet>(s);
}

text::InflectionRules Latvian() {
  text::InflectionRules r;
  r.language = "lv";
  r.strip = {"is", "us", "s", "a", "e"};
  r.endings = Endings({"s", "a", "am", "u", "i", "iem", "us", "os", "as", "ai", "ei", "e"});
  return r;
}

text::InflectionRules Polish() {
  text::InflectionRules r;
  r.language = "pl";
  r.strip = {"a", "o", "e", "y"};
  r.endings = Endings({"a", "i", "y", "e", "ej", "ie", "iej", "u", "em", "owi", "ow", "ach"});
  r.alternations.push_back({"k", "c", Endings({"e"})});
  return r;
}

text::InflectionRules Hebrew() {
  text::InflectionRules r;
  r.language = "he";
  r.prefixes = {"ו", "ה", "ב", "כ", "ל", "מ", "ש", "של", "וב"};
  std::sort(r.prefixes.begin(), r.prefixes.end());
  return r;
}

class TermIndexTest : public ::testing::Test {
 protected:
  void Build(std::vector<TermSpec> specs) { ASSERT_TRUE(index_.Build(specs, "").ok()); }
  std::vector<std::string> Find(std::string_view post) {
    text::FoldedText folded;
    text::Fold(post, &folded);
    std::vector<TermMatch> matches;
    EXPECT_TRUE(index_.Match(folded.text, folded.masked_tokens, &matches).ok());
    std::vector<std::string> found;
    for (const auto& m : matches) {
      const size_t s = folded.OriginalStart(m.start), e = folded.OriginalEnd(m.end);
      found.emplace_back(post.substr(s, e - s));
    }
    return found;
  }
  text::InflectionRules lv_ = Latvian(), pl_ = Polish(), he_ = Hebrew();
  TermIndex index_;
};

TEST_F(TermIndexTest, MatchesInflectedLatvianPhrase) {
  Build({{"Rīgas Piens", 0, false, false, {&lv_, &pl_}}});
  EXPECT_EQ(Find("Tikāmies ar Rīgas Pienam komandu"), std::vector<std::string>{"Rīgas Pienam"});
  EXPECT_EQ(Find("rigas piena produkti"), std::vector<std::string>{"rigas piena"});
  EXPECT_TRUE(Find("Rīgas Pienotava").empty());
  EXPECT_TRUE(Find("Rīgas ir piens").empty());
}

TEST_F(TermIndexTest, MatchesPolishAlternation) {
  Build({{"Gdańska Logistyka Portowa", 0, false, false, {&pl_}}});
  EXPECT_EQ(Find("dla Gdańskiej Logistyce Portowej"),
            std::vector<std::string>{"Gdańskiej Logistyce Portowej"});
  EXPECT_TRUE(Find("Gdańsk logistyka").empty());
}

TEST_F(TermIndexTest, MatchesHebrewPrefixes) {
  Build({{"מגדל אופטיקה", 0, false, false, {&he_}}});
  EXPECT_EQ(Find("סגרנו עסקה עם למגדל אופטיקה היום"), std::vector<std::string>{"למגדל אופטיקה"});
  EXPECT_EQ(Find("ובמגדל אופטיקה"), std::vector<std::string>{"ובמגדל אופטיקה"});
  EXPECT_TRUE(Find("אמגדל אופטיקה").empty());  // "א" is not a prefix
  EXPECT_EQ(Find("שלמגדל אופטיקה"), std::vector<std::string>{"שלמגדל אופטיקה"});
}

TEST_F(TermIndexTest, HebrewPrefixesOnEveryWordOfAPhrase) {
  Build({{"בית משפט", 0, false, false, {&he_}}});
  EXPECT_EQ(Find("נפגשנו בבית המשפט אתמול"), std::vector<std::string>{"בבית המשפט"});
}

TEST_F(TermIndexTest, PunctuationInsideATermMustMatch) {
  Build({{"Bursztyn 2.0", 0, false, false, {&pl_}}});
  EXPECT_EQ(Find("Pracujemy nad Bursztynem 2.0!"), std::vector<std::string>{"Bursztynem 2.0"});
  EXPECT_TRUE(Find("Bursztyn 2 0").empty());
  EXPECT_TRUE(Find("Bursztyn 2,0").empty());
}

TEST_F(TermIndexTest, AnchorsOnTheLongestWord) {
  Build({{"in court", 0, false, false, {}},
         {"I voted", 1, false, false, {}},
         {"P&L", 2, false, false, {}}});
  EXPECT_EQ(Find("we met in court today"), std::vector<std::string>{"in court"});
  EXPECT_EQ(Find("yes, I voted!"), std::vector<std::string>{"I voted"});
  EXPECT_EQ(Find("the P&L looks fine"), std::vector<std::string>{"P&L"});
  EXPECT_TRUE(Find("the court in town").empty());
  EXPECT_TRUE(Find("in a court").empty());
  EXPECT_TRUE(Find("P and L, PL").empty());
}

// A phrase whose words all have short stems ("to" and "su" of suka/suce) anchors on the
// word whose forms make the longest literals, not on "to", which every Polish post holds.
TEST_F(TermIndexTest, AnchorsOnTheLongestLiterals) {
  Build({{"to suka", 0, false, false, {&pl_}}});
  EXPECT_GE(index_.shortest_literal(), 3u);
  EXPECT_EQ(Find("ty to suka"), std::vector<std::string>{"to suka"});
  EXPECT_EQ(Find("to suce"), std::vector<std::string>{"to suce"});
  EXPECT_TRUE(Find("to sukienka, tosuka, to").empty());
}

// A short common stem is looked for as the word's forms; every form is still found, once,
// and a word that only starts like one is not.
TEST_F(TermIndexTest, ShortStemsFindEveryFormOnce) {
  Build({{"suka", 0, false, false, {&pl_}}, {"Ogre", 1, false, false, {&lv_, &pl_}}});
  EXPECT_EQ(Find("suka, suki, suce, sukach; sukom sucha"),
            (std::vector<std::string>{"suka", "suki", "suce", "sukach"}));
  EXPECT_EQ(Find("Ogrei Ogres ogram ogrod"), (std::vector<std::string>{"Ogrei", "Ogres", "ogram"}));
}

TEST_F(TermIndexTest, RespectsWordBoundaries) {
  Build({{"Baltpay", 0, false, false, {&lv_}}});
  EXPECT_EQ(Find("Baltpay, Baltpayam!"), (std::vector<std::string>{"Baltpay", "Baltpayam"}));
  EXPECT_TRUE(Find("superbaltpay").empty());
  EXPECT_TRUE(Find("baltpayments").empty());
}

TEST_F(TermIndexTest, ExactTermsDoNotInflect) {
  Build({{"NDA", 0, true, false, {&lv_}}});
  EXPECT_EQ(Find("signed an NDA today"), std::vector<std::string>{"NDA"});
  EXPECT_TRUE(Find("NDAs").empty());
}

TEST_F(TermIndexTest, MatchesMaskedWords) {
  Build({{"fuck", 0, false, true, {}}});
  EXPECT_EQ(Find("what the f*ck"), std::vector<std::string>{"f*ck"});
  EXPECT_EQ(Find("what the f**k"), std::vector<std::string>{"f**k"});
  EXPECT_TRUE(Find("what the ****").empty());
  EXPECT_TRUE(Find("b*ck").empty());
}

TEST_F(TermIndexTest, MatchesObfuscatedText) {
  Build({{"idiot", 0, false, false, {}}, {"Nightingale", 1, false, false, {}}});
  EXPECT_EQ(Find("what an i d i o t"), std::vector<std::string>{"i d i o t"});
  EXPECT_EQ(Find("N\xD1\x96ghtingale"), std::vector<std::string>{"N\xD1\x96ghtingale"});
}

TEST_F(TermIndexTest, EmptyIndexMatchesNothing) {
  Build({});
  EXPECT_TRUE(Find("anything at all").empty());
}

}  // namespace
}  // namespace chorus::detect
