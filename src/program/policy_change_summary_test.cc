// The publication summary: lists, rules, languages and monitoring compared; the starter
// templates' example values found in any case and only those.
#include "program/policy_change_summary.h"

#include <gtest/gtest.h>

#include "policy/embedded_data.h"

namespace chorus::program {
namespace {

Policy Load(std::string_view yaml) {
  Policy p;
  EXPECT_TRUE(LoadPolicy(yaml, &p).ok()) << yaml;
  return p;
}

TEST(PolicyChangeSummary, ComparesListsRulesLanguagesAndMonitoring) {
  const Policy before = Load(
      "organization: {name: Dzintars}\nclients: [Riga Dairy, Migdal Optics]\n"
      "languages: [lv, en]\n");
  const Policy after = Load(
      "organization: {name: Dzintars AS, brands: [AmberPay]}\n"
      "clients: [Migdal Optics, Baltic Amber Bank]\nlanguages: [lv, pl]\n"
      "categories: {religion: off, politics: {verdict: block}}\n"
      "monitoring: {enabled: true, grace_days: 3}\n");
  const PolicyChangeSummary s = SummarizePolicyChange(&before, after);
  EXPECT_FALSE(s.first_version);
  ASSERT_TRUE(s.organization_to);
  EXPECT_EQ(*s.organization_from, "Dzintars");
  EXPECT_EQ(*s.organization_to, "Dzintars AS");
  ASSERT_EQ(s.lists.size(), 2u);
  EXPECT_EQ(s.lists[0].list, "organization.brands");
  EXPECT_EQ(s.lists[0].added, std::vector<std::string>{"AmberPay"});
  EXPECT_EQ(s.lists[1].list, "clients");
  EXPECT_EQ(s.lists[1].added, std::vector<std::string>{"Baltic Amber Bank"});
  EXPECT_EQ(s.lists[1].removed, std::vector<std::string>{"Riga Dairy"});
  EXPECT_EQ(s.languages_added, std::vector<std::string>{"pl"});
  EXPECT_EQ(s.languages_removed, std::vector<std::string>{"en"});
  ASSERT_TRUE(s.monitoring_to);
  EXPECT_TRUE(s.monitoring_to->enabled);
  EXPECT_EQ(s.monitoring_to->grace_days, 3);
  bool religion_off = false, politics_blocked = false;
  for (const auto& c : s.clauses) {
    if (c.clause.rfind("religion.", 0) == 0 && c.change == "disabled") religion_off = true;
    if (c.clause.rfind("politics.", 0) == 0 && c.change == "verdict" && c.to == "block")
      politics_blocked = true;
  }
  EXPECT_TRUE(religion_off);
  EXPECT_TRUE(politics_blocked);
  EXPECT_TRUE(s.template_values.empty());
  EXPECT_FALSE(s.empty());
  EXPECT_TRUE(SummarizePolicyChange(&after, after).empty());
}

TEST(PolicyChangeSummary, FindsEveryStarterTemplatesExamples) {
  for (const char* code : {"en", "lv", "pl", "he"}) {
    const auto text = FindEmbeddedFile(std::string("templates/policy.") + code + ".yaml");
    ASSERT_TRUE(text) << code;
    const PolicyChangeSummary s = SummarizePolicyChange(nullptr, Load(*text));
    EXPECT_TRUE(s.first_version);
    EXPECT_GE(s.template_values.size(), 5u) << code;
  }
  // Case does not hide an example; a company's own names are not examples.
  const Policy p = Load(
      "organization: {name: BRIGHTLINE SOFTWARE INC.}\nclients: [Riga Dairy]\n"
      "allow: [free trial]\n");
  const auto found = TemplateValuesIn(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].list, "organization.name");
  EXPECT_TRUE(TemplateValuesIn(Load(*FindEmbeddedFile("demo/policy.yaml"))).empty());
}

}  // namespace
}  // namespace chorus::program
