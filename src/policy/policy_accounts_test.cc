// The policy's official_accounts and usage settings: read, checked, located.
#include <gtest/gtest.h>

#include "policy/embedded_data.h"
#include "policy/lookalike_config.h"
#include "policy/policy.h"

namespace chorus {
namespace {

TEST(PolicyOfficialAccounts, HandlesAndProfileUrlsAreRead) {
  Policy policy;
  ASSERT_TRUE(LoadPolicy("organization: Dzintars\n"
                         "official_accounts:\n"
                         "  - \"@dzintars\"\n"
                         "  - https://x.com/amberpay\n"
                         "  - linkedin.com/company/dzintars\n"
                         "  - https://mastodon.social/@dzintars\n",
                         &policy)
                  .ok());
  EXPECT_EQ(policy.official_accounts.size(), 4u);
}

TEST(PolicyOfficialAccounts, AnythingElseIsAnErrorAtItsLineAndColumn) {
  const auto problems = LintPolicy(
      "organization: Dzintars\n"
      "official_accounts:\n"
      "  - \"@dzintars\"\n"
      "  - Dzintars Support Team\n"
      "  - https://example.com/dzintars\n");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].line(), 4);
  EXPECT_EQ(problems[0].column(), 5);
  EXPECT_NE(problems[0].message().find("Dzintars Support Team"), std::string::npos);
  EXPECT_EQ(problems[1].line(), 5);
}

TEST(PolicyUsage, MinGroupDefaultsToFiveAndIsChecked) {
  Policy policy;
  ASSERT_TRUE(LoadPolicy("organization: X\n", &policy).ok());
  EXPECT_EQ(policy.usage_min_group, 5);
  ASSERT_TRUE(LoadPolicy("organization: X\nusage: {min_group: 8}\n", &policy).ok());
  EXPECT_EQ(policy.usage_min_group, 8);
  for (const char* bad : {"usage: {min_group: 1}\n", "usage: {min_group: many}\n",
                          "usage: {min_gruop: 5}\n", "usage: 5\n"}) {
    const auto problems = LintPolicy(std::string("organization: X\n") + bad);
    ASSERT_EQ(problems.size(), 1u) << bad;
    EXPECT_EQ(problems[0].line(), 2) << bad;
  }
  EXPECT_NE(LintPolicy("usage: {min_gruop: 5}\n")[0].message().find("min_group"),
            std::string::npos);
}

TEST(PolicyOfficialAccounts, DemoPolicyConfiguresTheScreen) {
  const auto text = FindEmbeddedFile("demo/policy.yaml");
  ASSERT_TRUE(text.has_value());
  Policy policy;
  ASSERT_TRUE(LoadPolicy(*text, &policy).ok());
  detect::LookalikeConfig config;
  ASSERT_TRUE(LookalikeConfigFor(policy, &config).ok());
  EXPECT_GE(config.official_accounts.size(), 4u);
  EXPECT_GT(config.affixes.size(), 50u);
  detect::LookalikeScreen screen;
  ASSERT_TRUE(detect::LookalikeScreen::Create(config, &screen).ok());
}

}  // namespace
}  // namespace chorus
