#include "detect/profile_ref.h"

#include <gtest/gtest.h>

namespace chorus::detect {
namespace {

struct Case {
  const char* input;
  const char* platform;
  const char* handle;
};

TEST(ProfileRef, NormalisesProfileUrlsOfEveryPlatform) {
  const std::vector<Case> cases = {
      {"https://x.com/Dzintars", "x", "Dzintars"},
      {"http://twitter.com/dzintars/status/123", "x", "dzintars"},
      {"x.com/dzintars?s=20", "x", "dzintars"},
      {"https://mobile.twitter.com/amberpay", "x", "amberpay"},
      {"https://www.linkedin.com/in/anna-ozola-123/", "linkedin", "anna-ozola-123"},
      {"linkedin.com/company/dzintars", "linkedin", "dzintars"},
      {"https://www.facebook.com/dzintars.lv", "facebook", "dzintars.lv"},
      {"https://m.facebook.com/profile.php?id=100012345", "facebook", "100012345"},
      {"https://www.instagram.com/amberpay/", "instagram", "amberpay"},
      {"https://www.tiktok.com/@amberpay?lang=en", "tiktok", "amberpay"},
      {"https://www.youtube.com/@AmberPay", "youtube", "AmberPay"},
      {"youtube.com/c/AmberPay/videos", "youtube", "AmberPay"},
      {"https://mastodon.social/@dzintars", "mastodon", "dzintars"},
      {"https://fosstodon.org/@anna", "mastodon", "anna"},
      {"@anna@mastodon.social", "mastodon", "anna"},
      {"@dzintars", "", "dzintars"},
      {"  dzintars_lv  ", "", "dzintars_lv"},
      {"מגדל_אופטיקה", "", "מגדל_אופטיקה"},
  };
  for (const auto& c : cases) {
    ProfileRef ref;
    ASSERT_TRUE(ParseProfileRef(c.input, &ref)) << c.input;
    EXPECT_EQ(ref.platform, c.platform) << c.input;
    EXPECT_EQ(ref.handle, c.handle) << c.input;
  }
  ProfileRef ref;
  ASSERT_TRUE(ParseProfileRef("https://mastodon.social/@dzintars", &ref));
  EXPECT_EQ(ref.host, "mastodon.social");
}

TEST(ProfileRef, RefusesWhatIsNoAccount) {
  for (const char* input :
       {"", "@", "Dzintars SIA", "https://x.com/search?q=dzintars", "https://example.com/about",
        "linkedin.com/feed", "https://www.instagram.com/p/Cx123/", "ftp://x.com/dzintars",
        "dzin tars", "a/b", "dzintars!", "https://www.tiktok.com/discover", "\xff\xfe"}) {
    ProfileRef ref;
    EXPECT_FALSE(ParseProfileRef(input, &ref)) << input;
  }
}

TEST(ProfileRef, HandleKeyFoldsAsciiCase) {
  EXPECT_EQ(HandleKey("AmberPay"), "amberpay");
  EXPECT_EQ(HandleKey("ĀBOLS"), "Ābols");  // only ASCII letters change
}

}  // namespace
}  // namespace chorus::detect
