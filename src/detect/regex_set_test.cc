// RegexSet reports exactly what one database of the same patterns reports.
#include "detect/regex_set.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <algorithm>
#include <tuple>

#include "detect/patterns.h"

namespace chorus::detect {
namespace {

using Match = std::tuple<unsigned, unsigned long long, unsigned long long>;

std::vector<Match> Sorted(std::vector<Match> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(RegexSet, ReportsWhatOneDatabaseReports) {
  std::vector<HsPattern> patterns = RawPatterns({"intra.dzintars.lv"});
  patterns.push_back({"kods [0-9]{4}", 900, 0});  // one without start tracking
  HsDatabase single;
  ASSERT_TRUE(single.CompileRegexes(patterns, "").ok());
  RegexSet set;
  ASSERT_TRUE(set.Compile(patterns, "").ok());
  const char* texts[] = {
      "",
      "Nothing to see here, a lovely day at the sea",
      "write to anna.k@dzintars.lv or @anna_k, see https://x.com/dzintars",
      "api_key = 'AbCdEf0123456789AbCdEf' and the wiki at wiki.intra.dzintars.lv/roadmap",
      "build.corp and jenkins.internal kods 1234, kods 5678",
      "-----BEGIN RSA PRIVATE KEY----- then AKIAABCDEFGHIJKLMNOP",
  };
  for (const char* text : texts) {
    std::vector<Match> expected, got;
    auto into = [](std::vector<Match>* out) {
      return [out](unsigned id, unsigned long long from, unsigned long long to) {
        out->emplace_back(id, from, to);
      };
    };
    ASSERT_TRUE(single.Scan(text, into(&expected)).ok());
    ASSERT_TRUE(set.Scan(text, into(&got)).ok());
    // `from` is only meaningful with start tracking: compare it only there.
    for (auto* v : {&expected, &got})
      for (auto& [id, from, to] : *v) {
        const auto p = std::find_if(patterns.begin(), patterns.end(),
                                    [&](const HsPattern& x) { return x.id == id; });
        if (!(p->flags & HS_FLAG_SOM_LEFTMOST)) from = 0;
      }
    EXPECT_EQ(Sorted(got), Sorted(expected)) << text;
  }
}

TEST(RegexSet, EmptyAndBrokenPatternLists) {
  RegexSet empty;
  ASSERT_TRUE(empty.Compile({}, "").ok());
  int calls = 0;
  ASSERT_TRUE(
      empty.Scan("anything", [&](unsigned, unsigned long long, unsigned long long) { ++calls; })
          .ok());
  EXPECT_EQ(calls, 0);
  RegexSet broken;
  EXPECT_FALSE(broken.Compile({{"(unclosed", 1, HS_FLAG_SOM_LEFTMOST}}, "").ok());
}

}  // namespace
}  // namespace chorus::detect
