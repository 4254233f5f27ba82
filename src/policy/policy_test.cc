#include "policy/policy.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include "policy/embedded_data.h"
#include "policy/language_pack.h"
#include "policy/scanner.h"

namespace chorus {
namespace {

TEST(DefaultPolicy, HasEveryCategoryWithTextsInFourLanguages) {
  const Policy& p = DefaultPolicy();
  std::set<std::string> categories;
  for (const auto& c : p.clauses) {
    categories.insert(c.category);
    EXPECT_TRUE(IsFindingCategory(c.category)) << c.id;
    EXPECT_FALSE(c.source.empty()) << c.id;
    for (const auto& pack : BuiltinLanguagePacks()) {  // every language pack there is
      const std::string& lang = pack.code;
      EXPECT_TRUE(c.message.by_language.count(lang)) << c.id << " message " << lang;
      EXPECT_TRUE(c.advice.by_language.count(lang)) << c.id << " advice " << lang;
      EXPECT_TRUE(c.title.by_language.count(lang)) << c.id << " title " << lang;
    }
  }
  EXPECT_EQ(categories.size(), FindingCategories().size());
  EXPECT_FALSE(p.sections.empty());
}

TEST(LanguagePacks, AllFourWithTheSameInterfaceKeys) {
  const LanguagePack* en = FindLanguagePack("en");
  ASSERT_NE(en, nullptr);
  for (const char* code : {"lv", "pl", "he"}) {
    const LanguagePack* pack = FindLanguagePack(code);
    ASSERT_NE(pack, nullptr) << code;
    for (const auto& [key, text] : en->ui)
      EXPECT_TRUE(pack->ui.count(key)) << code << " ui." << key;
    for (const auto& [name, entries] : en->lexicons) {
      // Reclaimed slurs and plain homographs exist only where a language has them.
      if (name == "reclaimed_slurs" || name == "plain_homographs") continue;
      EXPECT_FALSE(pack->Lexicon(name).empty()) << code << " lexicon " << name;
    }
  }
  EXPECT_TRUE(FindLanguagePack("he")->right_to_left);
  EXPECT_FALSE(FindLanguagePack("lv")->right_to_left);
}

TEST(LoadPolicy, ContractKeysOnlyGetsEveryDefaultClause) {
  Policy p;
  const Status s = LoadPolicy(R"(
organization: {name: Dzintars, aliases: [Dzintars SIA], brands: [AmberPay]}
competitors: [Baltpay, PayWave Polska]
clients: [Riga Dairy, Rīgas Piens, Migdal Optics, מגדל אופטיקה]
confidential_terms: [Project Nightingale, Bursztyn 2.0]
approved_disclosures: [AmberPay now supports instant payments in Poland]
)",
                              &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(p.organization, "Dzintars");
  EXPECT_EQ(p.clients.size(), 4u);
  EXPECT_EQ(p.clauses.size(), DefaultPolicy().clauses.size());
}

TEST(LoadPolicy, OverridesAndCustomClauses) {
  Policy p;
  const Status s = LoadPolicy(R"(
organization: Acme
categories:
  religion: off
  politics: {verdict: review}
clauses:
  - id: confidential.codenames
    verdict: review
  - id: custom.products
    category: confidential
    verdict: block
    terms: [Amber X]
    message: {en: "Amber X is not announced yet.", lv: "Amber X vēl nav paziņots."}
)",
                              &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(p.FindClause("confidential.codenames")->verdict, Severity::kReview);
  EXPECT_FALSE(p.FindClause("religion.topics")->enabled);
  EXPECT_EQ(p.FindClause("politics.topics")->verdict, Severity::kReview);
  const Clause* custom = p.FindClause("custom.products");
  ASSERT_NE(custom, nullptr);
  EXPECT_EQ(custom->source, "terms");

  std::shared_ptr<const Scanner> scanner;
  ASSERT_TRUE(Scanner::Compile(p, {}, &scanner).ok());
  CheckResult r;
  ASSERT_TRUE(scanner->Check("Meet the new Amber X!", {.language = "lv"}, &r).ok());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].clause, "custom.products");
  EXPECT_EQ(r.findings[0].message, "Amber X vēl nav paziņots.");
  ASSERT_TRUE(scanner->Check("Pray for us, see you at church", {.language = "en"}, &r).ok());
  EXPECT_TRUE(r.findings.empty());
}

TEST(LintPolicy, ReportsEveryProblemWithLineAndColumn) {
  const auto problems = LintPolicy(
      "organization: {name: X, brandz: [Y]}\n"  // line 1
      "competitors: {a: b}\n"                   // line 2
      "categories:\n"
      "  politic: off\n"  // line 4
      "clauses:\n"
      "  - id: custom.x\n"       // line 6
      "    category: secrets\n"  // line 7
      "    verdict: maybe\n"     // line 8
      "languages: [lv, xx]\n");  // line 9
  ASSERT_GE(problems.size(), 6u);
  EXPECT_EQ(problems[0].line(), 1);
  EXPECT_NE(problems[0].message().find("did you mean \"brands\""), std::string::npos);
  std::set<int> lines;
  for (const auto& p : problems) {
    EXPECT_GT(p.line(), 0) << p.message();
    EXPECT_GT(p.column(), 0) << p.message();
    lines.insert(p.line());
  }
  for (int line : {1, 2, 4, 7, 8, 9})
    EXPECT_TRUE(lines.count(line)) << "no problem on line " << line;
}

TEST(LintPolicy, SyntaxErrorHasLineAndColumn) {
  const auto problems = LintPolicy("organization: X\nclients: [a, b\nother: 1\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_GE(problems[0].line(), 2);
  EXPECT_GT(problems[0].column(), 0);
}

TEST(LintPolicy, EmptyAndNonMappingFiles) {
  EXPECT_TRUE(LintPolicy("").empty());
  EXPECT_EQ(LintPolicy("- a\n- b\n").size(), 1u);
  EXPECT_EQ(LintPolicy("just text").size(), 1u);
  EXPECT_EQ(LintPolicy(std::string("clients: [\"\xff\"]\n")).size(), 1u);
}

TEST(LintPolicy, StarterTemplatesAreValid) {
  ASSERT_GE(BuiltinLanguagePacks().size(), 4u);
  for (const auto& pack : BuiltinLanguagePacks()) {  // a starter template for every pack
    const std::string& code = pack.code;
    const auto tmpl = FindEmbeddedFile("templates/policy." + code + ".yaml");
    ASSERT_TRUE(tmpl.has_value()) << code;
    const auto problems = LintPolicy(*tmpl);
    EXPECT_TRUE(problems.empty()) << code << ": "
                                  << (problems.empty() ? "" : problems[0].ToString());
  }
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// A valid policy padded with a comment to `bytes` bytes.
std::string PaddedPolicy(size_t bytes) {
  std::string text = "organization: {name: Acme}\n# ";
  text += std::string(bytes - text.size() - 1, 'x');
  return text + "\n";
}

TEST(PolicyFileTest, FilesAreReadUpToTheDraftCap) {
  const std::string path = ::testing::TempDir() + "/chorus_policy_cap.yaml";
  std::ofstream(path, std::ios::binary) << PaddedPolicy(kMaxPolicyBytes);
  Policy policy;
  const Status at_cap = LoadPolicyFile(path, &policy);
  EXPECT_TRUE(at_cap.ok()) << at_cap.ToString();
  EXPECT_EQ(policy.organization, "Acme");

  std::ofstream(path, std::ios::binary | std::ios::trunc) << PaddedPolicy(kMaxPolicyBytes + 1);
  const Status over = LoadPolicyFile(path, &policy);
  EXPECT_FALSE(over.ok());
  EXPECT_EQ(over.message(), path + " is larger than the limit of 512 KiB");
  std::remove(path.c_str());
}

TEST(PolicyFileTest, EndlessFilesAreRefused) {
  Policy policy;
  const Status s = LoadPolicyFile("/dev/zero", &policy);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("512 KiB"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace chorus
