#include "detect/lookalike.h"

#include <gtest/gtest.h>

#include "detect/lookalike_keys.h"
#include "policy/lookalike_config.h"

namespace chorus::detect {
namespace {

LookalikeScreen MakeScreen(std::vector<std::string> names, std::vector<std::string> officials) {
  Policy policy;
  policy.organization = names.front();
  policy.brands.assign(names.begin() + 1, names.end());
  policy.official_accounts = std::move(officials);
  LookalikeConfig config;
  EXPECT_TRUE(LookalikeConfigFor(policy, &config).ok());
  LookalikeScreen screen;
  Status s = LookalikeScreen::Create(config, &screen);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return screen;
}

const LookalikeScreen& Demo() {
  static const LookalikeScreen screen = MakeScreen(
      {"Dzintars", "AmberPay"}, {"@dzintars", "@amberpay", "linkedin.com/company/dzintars",
                                 "https://mastodon.social/@dzintars_lv"});
  return screen;
}

struct Case {
  const char* input;
  const char* verdict;
  const char* reason;
  const char* similar_to;
};

void ExpectCases(const LookalikeScreen& screen, const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    const LookalikeResult r = screen.Screen(c.input);
    EXPECT_EQ(LookalikeVerdictName(r.verdict), c.verdict) << c.input;
    EXPECT_EQ(r.reason, c.reason) << c.input;
    if (c.similar_to) {
      EXPECT_EQ(r.similar_to, c.similar_to) << c.input;
    }
  }
}

TEST(Lookalike, OfficialAccountsAreExactAndCaseInsensitive) {
  ExpectCases(Demo(),
              {
                  {"@dzintars", "official", "exact", "@dzintars"},
                  {"DZINTARS", "official", "exact", "@dzintars"},
                  {"https://x.com/AmberPay", "official", "exact", "@amberpay"},
                  {"twitter.com/amberpay?lang=lv", "official", "exact", "@amberpay"},
                  {"https://www.linkedin.com/company/dzintars/", "official", "exact", nullptr},
                  {"@dzintars_lv@mastodon.social", "official", "exact", nullptr},
                  {"https://mastodon.social/@dzintars_lv", "official", "exact", nullptr},
              });
}

TEST(Lookalike, AffixesAndCountryCodes) {
  ExpectCases(Demo(), {
                          {"@dzintars_support", "impersonation", "affix", "@dzintars"},
                          {"dzintarshelp", "impersonation", "affix", nullptr},
                          {"official.amberpay", "impersonation", "affix", "@amberpay"},
                          {"amberpay_hq", "impersonation", "affix", nullptr},
                          {"amberpay_pl", "impersonation", "affix", nullptr},
                          {"help-amberpay-lv", "impersonation", "affix", nullptr},
                          {"dzintars24", "impersonation", "affix", nullptr},
                          {"instagram.com/amberpay.giveaway", "impersonation", "affix", nullptr},
                          {"AmberPay Support Team", "impersonation", "affix", nullptr},
                          {"Dzintars atbalsts", "impersonation", "affix", nullptr},
                          {"AmberPay Pomoc Polska", "impersonation", "affix", nullptr},
                          {"https://dzintars-support.com/login", "impersonation", "affix", nullptr},
                      });
}

TEST(Lookalike, TypingSlipsScaleWithLength) {
  ExpectCases(Demo(), {
                          {"dzintrs", "impersonation", "typo", nullptr},
                          {"dzitnars", "impersonation", "typo", nullptr},  // transposition
                          {"amberapy", "impersonation", "typo", nullptr},
                          {"amberpey_support", "impersonation", "typo", nullptr},
                          {"dzntrs", "ok", "none", nullptr},  // two slips in eight letters
                      });
  // Two slips are allowed from nine letters on.
  const LookalikeScreen long_name = MakeScreen({"Nordlogistika"}, {});
  ExpectCases(long_name, {{"nordlogstka", "impersonation", "typo", nullptr},
                          {"nrdlogstka", "ok", "none", nullptr}});
  // Short names allow none.
  const LookalikeScreen short_name = MakeScreen({"Riga"}, {});
  ExpectCases(short_name,
              {{"riga", "impersonation", "name", nullptr}, {"rega", "ok", "none", nullptr}});
}

TEST(Lookalike, HomoglyphsAndMixedScripts) {
  ExpectCases(Demo(), {
                          // Cyrillic і and а inside Latin names
                          {"dz\u0456ntars", "impersonation", "mixed_script", "@dzintars"},
                          {"\u0430mberpay", "impersonation", "mixed_script", "@amberpay"},
                          {"\u0430mberpay_support", "impersonation", "mixed_script", nullptr},
                          // Greek omicron for o in a name with an o
                          {"dzintars", "official", "exact", nullptr},
                          // digits and look-alike Latin letters
                          {"amb3rpay", "impersonation", "homoglyph", nullptr},
                          {"dz1ntars", "impersonation", "homoglyph", nullptr},
                          {"arnberpay", "impersonation", "homoglyph", nullptr},  // rn for m
                          {"dzintarš", "impersonation", "homoglyph", nullptr},
                          {"ＡｍｂｅｒＰａｙ", "impersonation", "homoglyph", nullptr},  // fullwidth
                      });
  // A name written wholly in Cyrillic letters that look Latin: one script, a homoglyph.
  const LookalikeScreen tesco = MakeScreen({"Tesco"}, {"@tesco"});
  ExpectCases(tesco, {{"\u0422\u0435\u0455\u0441\u043e", "impersonation", "homoglyph", "@tesco"},
                      {"T\u0435sco", "impersonation", "mixed_script", "@tesco"},
                      {"\u03a4esco", "impersonation", "mixed_script", "@tesco"}});  // Greek Tau
}

TEST(Lookalike, HebrewNamesAndConfusables) {
  // Vav and final nun are both confusable with "l"; samekh with "o".
  const LookalikeScreen shuk = MakeScreen({"שוק הדגים"}, {"@shukhadagim"});
  ExpectCases(shuk, {
                        {"שוק הדגים", "impersonation", "name", "שוק הדגים"},
                        {"שןק הדגים", "impersonation", "homoglyph", "שוק הדגים"},
                        {"שוק הדגים שירות לקוחות", "impersonation", "affix", nullptr},
                        {"תמיכה שוק הדגים", "impersonation", "affix", nullptr},
                        {"שוק_הדגים", "impersonation", "separator", nullptr},
                        {"שוק הכרמל", "ok", "none", nullptr},
                    });
  // A Hebrew letter inside a Latin name: mixed scripts.
  const LookalikeScreen solo = MakeScreen({"Solotech"}, {});
  ExpectCases(solo, {{"s\u05e1lotech", "impersonation", "mixed_script", "Solotech"}});
}

TEST(Lookalike, SeparatorsAndDisplayNames) {
  ExpectCases(Demo(), {
                          {"dzin.tars", "impersonation", "separator", nullptr},
                          {"Amber Pay", "impersonation", "separator", "@amberpay"},
                          {"amber_pay", "impersonation", "separator", nullptr},
                          {"Dzintars", "official", "exact", nullptr},  // read as a handle
                      });
  // The organisation's own name on an account that is not official.
  const LookalikeScreen screen = MakeScreen({"Dzintars SIA"}, {"@dzintars"});
  ExpectCases(screen, {{"Dzintars SIA", "impersonation", "name", "Dzintars SIA"},
                       {"dzintars sia", "impersonation", "name", nullptr},
                       {"x.com/dzintarssia", "impersonation", "separator", nullptr}});
}

TEST(Lookalike, PlatformsMustAgreeForOfficial) {
  const LookalikeScreen screen = MakeScreen({"Dzintars"}, {"linkedin.com/company/dzintars"});
  ExpectCases(screen, {{"https://www.linkedin.com/company/dzintars", "official", "exact", nullptr},
                       {"dzintars", "official", "exact", nullptr},  // a bare handle: any platform
                       {"https://x.com/dzintars", "impersonation", "name", nullptr}});
}

TEST(Lookalike, OrdinaryHandlesWithCommonWordsAreOk) {
  // Handles that share a word with the names, or with the affixes, but are not them.
  ExpectCases(Demo(), {
                          {"amber_rose", "ok", "none", nullptr},
                          {"paypal_support", "ok", "none", nullptr},
                          {"dzintars_ozols", "ok", "none", nullptr},  // a person named Dzintars
                          {"amberlight", "ok", "none", nullptr},
                          {"support_team", "ok", "none", nullptr},
                          {"Jānis Bērziņš", "ok", "none", nullptr},
                          {"https://example.com/about", "ok", "none", nullptr},
                      });
}

TEST(Lookalike, BadInputIsAnsweredNotScreened) {
  ExpectCases(Demo(), {{"", "ok", "empty", nullptr},
                       {"   ", "ok", "empty", nullptr},
                       {"dzin\xff"
                        "tars",
                        "ok", "invalid_utf8", nullptr}});
  EXPECT_EQ(Demo().Screen(std::string(10000, 'a')).reason, "too_long");
}

TEST(Lookalike, UnknownOfficialAccountIsRefused) {
  LookalikeConfig config;
  config.official_accounts = {"not a handle"};
  LookalikeScreen screen;
  EXPECT_FALSE(LookalikeScreen::Create(config, &screen).ok());
}

TEST(LookalikeKeys, BoundedEditDistanceCountsTranspositionsOnce) {
  EXPECT_EQ(BoundedEditDistance(U"abcd", U"abdc", 2), 1u);
  EXPECT_EQ(BoundedEditDistance(U"abcd", U"abcd", 0), 0u);
  EXPECT_EQ(BoundedEditDistance(U"abcd", U"wxyz", 2), 3u);  // limit + 1
  EXPECT_EQ(BoundedEditDistance(U"", U"abc", 5), 3u);
}

}  // namespace
}  // namespace chorus::detect
