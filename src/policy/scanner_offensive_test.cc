// Offensive language, insults, attacks and disparagement as people write them, with the demo
// company's policy: English and Polish insults in their inflected, respelled, joined and
// stretched forms, the context that separates "you trash" from "take the trash out", Polish
// swearing apart from attacks on a person, reclaimed slurs as a clause of their own, the
// diacritics gate, and precision and recall on the evaluation sentences in tests/data/.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "policy/embedded_data.h"
#include "policy/scanner.h"

namespace chorus {
namespace {

std::shared_ptr<const Scanner> CompileDemo(const std::string& extra = "") {
  Policy policy;
  const std::string text = std::string(*FindEmbeddedFile("demo/policy.yaml")) + extra;
  Status s = LoadPolicy(text, &policy);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::shared_ptr<const Scanner> scanner;
  CompileOptions options;
  options.cache_dir = DefaultCacheDir();
  s = Scanner::Compile(policy, options, &scanner);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return scanner;
}

class ScannerOffensiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { scanner_ = CompileDemo(); }
  static void TearDownTestSuite() { scanner_.reset(); }

  static std::set<std::string> Clauses(std::string_view text, const std::string& lang,
                                       const Scanner* scanner = nullptr) {
    CheckResult r;
    CheckOptions o;
    o.language = lang;
    Status s = (scanner ? scanner : scanner_.get())->Check(text, o, &r);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::set<std::string> out;
    for (const auto& f : r.findings) out.insert(f.clause);
    return out;
  }
  static bool Has(std::string_view text, const std::string& clause, const std::string& lang) {
    return Clauses(text, lang).count(clause) > 0;
  }
  // True if the post has any offensive or disparagement finding.
  static bool Flagged(std::string_view text, const std::string& lang) {
    for (const auto& c : Clauses(text, lang))
      if (c.rfind("offensive.", 0) == 0 || c.rfind("disparagement.", 0) == 0) return true;
    return false;
  }

  static std::shared_ptr<const Scanner> scanner_;
};
std::shared_ptr<const Scanner> ScannerOffensiveTest::scanner_;

TEST_F(ScannerOffensiveTest, EnglishInsultsInTheFormsPeopleWriteThem) {
  for (const char* post : {"you bitches", "these hoes", "bitchass", "#bitchass", "fuuuuck this",
                           "what the fuuuck", "sluts", "whores", "a bunch of cunts",
                           "motherfuckers", "dumbass!!", "BITCH!!", "fuk this", "biatch please"})
    EXPECT_TRUE(Flagged(post, "en")) << post;
  EXPECT_TRUE(Has("#fuckyou", "offensive.attacks", "en"));
  EXPECT_TRUE(Has("go fuck yourself", "offensive.attacks", "en"));
  EXPECT_TRUE(Has("you're a fucking idiot!!", "offensive.insults", "en"));
}

TEST_F(ScannerOffensiveTest, EnglishWordsUsedLiterallyAreNotInsults) {
  for (const char* post :
       {"take the trash out", "talk trash all you want", "I hate Mondays", "put it in the garbage",
        "the garbage collector is slow", "beware of phishing scams", "this bug is a nightmare"})
    EXPECT_FALSE(Flagged(post, "en")) << post;
  for (const char* post : {"you trash", "you're trash", "Kevin is trash", "you are so stupid",
                           "you absolute clown", "they are vermin"})
    EXPECT_TRUE(Flagged(post, "en")) << post;
  EXPECT_TRUE(Has("I hate my boss", "disparagement.colleagues", "en"));
  EXPECT_TRUE(Has("Baltpay is trash", "disparagement.competitors", "en"));
}

TEST_F(ScannerOffensiveTest, DisparagementOfTheCompanyInFourLanguages) {
  EXPECT_TRUE(Has("AmberPay's app is a joke", "disparagement.company", "en"));
  EXPECT_TRUE(Has("AmberPay's app is a scam", "disparagement.company", "en"));
  EXPECT_TRUE(Has("honestly the worst place to work", "disparagement.company", "en"));
  EXPECT_TRUE(Has("Tā ir sliktākā darbavieta Rīgā", "disparagement.company", "lv"));
  EXPECT_TRUE(Has("AmberPay lietotne ir joks", "disparagement.company", "lv"));
  EXPECT_TRUE(Has("To najgorsze miejsce pracy w Gdańsku", "disparagement.company", "pl"));
  EXPECT_TRUE(Has("Aplikacja AmberPay to żart", "disparagement.company", "pl"));
  EXPECT_TRUE(Has("זה המקום הכי גרוע לעבוד בו", "disparagement.company", "he"));
  EXPECT_TRUE(Has("האפליקציה של AmberPay היא בדיחה", "disparagement.company", "he"));
  EXPECT_FALSE(Flagged("AmberPay is a great place to work", "en"));
  EXPECT_FALSE(Flagged("זרקתי את הזבל לפח", "he"));  // "I threw the garbage in the bin"
  EXPECT_TRUE(Flagged("אתה אפס", "he"));
  EXPECT_FALSE(Flagged("Spokojnie, to żart", "pl"));
  EXPECT_TRUE(Flagged("Jesteś zerem", "pl"));
  EXPECT_FALSE(Flagged("Opowiedział dobry żart na imprezie", "pl"));
}

TEST_F(ScannerOffensiveTest, PolishSwearingAndAttacksAreSeparateClauses) {
  for (const char* post :
       {"kurwa, znowu korek", "wyjebało mi korki", "zajebał mi rower", "odpierdoliło mu",
        "przejebane mamy", "wkurwiony jestem", "rozpierdolił auto", "kurwaaa ale zimno"}) {
    const auto c = Clauses(post, "pl");
    EXPECT_TRUE(c.count("offensive.language")) << post;
    EXPECT_FALSE(c.count("offensive.attacks")) << post;
  }
  for (const char* post :
       {"ty kurwo", "spierdalaj", "ty pedale", "żebyś zdechł", "politycy to bydło",
        "jesteście bydłem", "to są podludzie", "zabiję cię", "ta baba to szmata"})
    EXPECT_TRUE(Has(post, "offensive.attacks", "pl")) << post;
  for (const char* post :
       {"hodowla bydła mlecznego", "bydło pasie się na łące", "pedał gazu się zaciął",
        "to jest szmata do podłogi", "suka urodziła szczenięta", "nie znoszę poniedziałków"})
    EXPECT_FALSE(Flagged(post, "pl")) << post;
}

TEST_F(ScannerOffensiveTest, ReclaimedSlursAreAClauseACompanyCanSet) {
  EXPECT_EQ(Clauses("nigga please", "en"), std::set<std::string>{"offensive.reclaimed_slurs"});
  const auto relaxed =
      CompileDemo("\nclauses:\n  - {id: offensive.reclaimed_slurs, enabled: false}\n");
  EXPECT_TRUE(Clauses("nigga please", "en", relaxed.get()).empty());
  EXPECT_FALSE(Clauses("you bitch", "en", relaxed.get()).empty());
}

// The diacritics gate: a lexicon word whose plain spelling is another common word must carry
// its diacritics in a post that has some ("w sadzie" is in an orchard, "w sądzie" in court);
// other lexicon words match however they are typed.
TEST_F(ScannerOffensiveTest, DiacriticsGateOnlyForPlainHomographs) {
  EXPECT_TRUE(Has("Sprawa jest w sądzie od roku", "legal.matters", "pl"));
  EXPECT_FALSE(Has("Spotkaliśmy się w sadzie za domem", "legal.matters", "pl"));
  EXPECT_TRUE(Has("Sprawa jest w sadzie od roku", "legal.matters", "pl"));  // no diacritics at all
  EXPECT_TRUE(Has("Spółka ogłosiła upadlosc", "legal.matters", "pl"));
}

// Precision and recall on the sentences in tests/data/offensive_eval_<lang>.txt, written for
// Chorus (the labelled tweet sets of the issue are not available here). Printed, and held to
// a floor so that a change to the lexicons cannot lose much without a failing test.
struct Score {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

Score Evaluate(const std::string& file, const std::string& lang,
               bool (*flagged)(std::string_view, const std::string&)) {
  std::string path = __FILE__;
  path = path.substr(0, path.rfind("src/policy/")) + "tests/data/" + file;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  Score score;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    EXPECT_TRUE(line.size() > 2 && (line[0] == '0' || line[0] == '1') && line[1] == '\t') << line;
    const bool positive = line[0] == '1';
    const bool found = flagged(std::string_view(line).substr(2), lang);
    (positive ? (found ? score.tp : score.fn) : (found ? score.fp : score.tn))++;
  }
  std::printf("%s: %d sentences, P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d tn %d)\n", file.c_str(),
              score.tp + score.fp + score.fn + score.tn, score.Precision(), score.Recall(),
              score.F1(), score.tp, score.fp, score.fn, score.tn);
  return score;
}

TEST_F(ScannerOffensiveTest, EvaluationSentences) {
  const Score en = Evaluate("offensive_eval_en.txt", "en", &Flagged);
  EXPECT_GT(en.tp + en.fn, 100);
  EXPECT_GT(en.fp + en.tn, 50);
  EXPECT_GE(en.F1(), 0.95);
  const Score pl = Evaluate("offensive_eval_pl.txt", "pl", &Flagged);
  EXPECT_GT(pl.tp + pl.fn, 80);
  EXPECT_GT(pl.fp + pl.tn, 50);
  EXPECT_GE(pl.F1(), 0.95);
  // Written after the lexicons were tuned and not tuned against; the floors sit a little
  // under what was measured when they were written (en 0.836, pl 0.913).
  EXPECT_GE(Evaluate("offensive_holdout_en.txt", "en", &Flagged).F1(), 0.80);
  EXPECT_GE(Evaluate("offensive_holdout_pl.txt", "pl", &Flagged).F1(), 0.88);
}

}  // namespace
}  // namespace chorus
