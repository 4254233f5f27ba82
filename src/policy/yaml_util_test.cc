#include "policy/yaml_util.h"

#include <gtest/gtest.h>

#include <string>

#include "policy/language_pack.h"
#include "policy/policy.h"

namespace chorus::yaml {
namespace {

// Nine lists of nine aliases to the list before: 9^9 (387 million) values once expanded.
std::string BillionLaughs() {
  std::string text =
      "organization: {name: Acme}\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 8; ++i) {
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) text += (j ? ", *l" : "*l") + std::to_string(i - 1);
    text += "]\n";
  }
  return text + "clients: *l8\n";
}

// One long confidential term and `aliases` aliases to it: a valid policy that a reader copies
// `aliases` times.
std::string LongTextAliased(size_t text_bytes, int aliases) {
  std::string text = "confidential_terms: [&x " + std::string(text_bytes, 'x');
  for (int i = 0; i < aliases; ++i) text += ", *x";
  return text + "]\n";
}

TEST(YamlSizeTest, CountsEveryNodeOnceAndEveryAliasByWhatItNames) {
  // A map with two keys, a list of three and a scalar: 1 + 2 keys + list + 3 + scalar = 8.
  const std::string text = "a: &a [x, y, z]\nb: *a\n";  // map, a, list, x, y, z, b, (alias 4)
  YamlLimits limits;
  limits.max_nodes = 7;
  limits.max_expanded_nodes = 11;
  EXPECT_TRUE(CheckYamlSize(text, limits).ok());
  limits.max_expanded_nodes = 10;
  const Status s = CheckYamlSize(text, limits);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 2);
  EXPECT_EQ(s.column(), 4);
  limits.max_expanded_nodes = 100;
  limits.max_nodes = 6;
  EXPECT_FALSE(CheckYamlSize(text, limits).ok());
}

TEST(YamlSizeTest, AliasesToAliasesAreRefusedWhereTheyPassTheLimit) {
  const Status s = CheckYamlSize(BillionLaughs());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("250000 values"), std::string::npos) << s.message();
  EXPECT_GT(s.line(), 2);
  EXPECT_GT(s.column(), 0);
}

TEST(YamlSizeTest, AliasesToLongTextAreRefused) {
  const Status s = CheckYamlSize(LongTextAliased(20000, 300));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("4 MiB of text"), std::string::npos) << s.message();
  EXPECT_EQ(s.line(), 1);
}

TEST(YamlSizeTest, AnAliasInsideItsOwnAnchorIsACycle) {
  const Status s = CheckYamlSize("a: &a [x, *a]\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cycle"), std::string::npos) << s.message();
  EXPECT_EQ(s.line(), 1);
  EXPECT_EQ(s.column(), 11);
  EXPECT_FALSE(CheckYamlSize("a: &a {b: *a}\n").ok());
}

TEST(YamlSizeTest, OrdinaryAliasesAndTheBuiltInPacksPass) {
  EXPECT_TRUE(CheckYamlSize("a: &a [x, y]\nb: *a\nc: &c long text\nd: *c\n").ok());
  EXPECT_TRUE(CheckYamlSize(LongTextAliased(1000, 100)).ok());
  EXPECT_TRUE(CheckYamlSize("").ok());
  EXPECT_FALSE(BuiltinLanguagePacks().empty());  // each parsed through ParseYaml
}

TEST(YamlSizeTest, SyntaxErrorsAreReportedAsTheParserDoes) {
  const Status s = CheckYamlSize("a: [x, y\n");
  EXPECT_FALSE(s.ok());
  EXPECT_GT(s.line(), 0);
  EXPECT_FALSE(CheckYamlSize("b: *undefined\n").ok());
}

TEST(YamlSizeTest, PolicyLoadingRefusesAliasBombs) {
  for (const std::string& text : {BillionLaughs(), LongTextAliased(20000, 300)}) {
    Policy policy;
    const Status s = LoadPolicy(text, &policy);
    EXPECT_FALSE(s.ok());
    EXPECT_NE(s.message().find("aliases"), std::string::npos) << s.message();
    const std::vector<Status> problems = LintPolicy(text);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message(), s.message());
  }
}

}  // namespace
}  // namespace chorus::yaml
