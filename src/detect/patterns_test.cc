#include "detect/patterns.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <algorithm>
#include <set>
#include <utility>

namespace chorus::detect {
namespace {

using Spans = std::set<std::pair<size_t, size_t>>;

// Maximal spans of overlapping hits, as the scanner merges them.
Spans Merge(std::vector<std::pair<size_t, size_t>> hits) {
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& h : hits) {
    if (!merged.empty() && h.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, h.second);
      continue;
    }
    merged.push_back(h);
  }
  return Spans(merged.begin(), merged.end());
}

Spans Scan(const HsDatabase& db, std::string_view text, unsigned id, bool complete) {
  std::vector<std::pair<size_t, size_t>> hits;
  EXPECT_TRUE(db.Scan(text, [&](unsigned hit, unsigned long long from, unsigned long long to) {
                  if (hit != id) return;
                  size_t s = static_cast<size_t>(from), e = static_cast<size_t>(to);
                  if (complete) CompleteRawHit(text, hit, &s, &e);
                  hits.emplace_back(s, e);
                }).ok());
  return Merge(hits);
}

// The e-mail and handle patterns are compiled without start of match and completed in
// CompleteRawHit; the spans must be those the full patterns give with start of match.
TEST(PatternsTest, CompletedHitsEqualTheFullPatternsWithStartOfMatch) {
  HsDatabase fast, full;
  ASSERT_TRUE(fast.CompileRegexes(RawPatterns({}), "").ok());
  ASSERT_TRUE(
      full.CompileRegexes(
              {{R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z][A-Za-z]+)",
                kEmail, HS_FLAG_SOM_LEFTMOST},
               {R"(@[A-Za-z0-9_.]{2,})", kHandleAt, HS_FLAG_SOM_LEFTMOST}},
              "")
          .ok());
  const std::vector<std::string> texts = {
      "write to anna.berzina+news@example.co.uk today",
      "a@b.com, x@y@z.com and @@handle @a @ab @abc.def_ghi. @x.y",
      "mail:ann_a%1@mail-srv.example.lv. (jan@kowalski.pl)",
      "@dzintars_support @amberpay.help user@@host.com first.last@sub..dom.com",
      "no mail here @ all, just @",
      "ąž@ex.com a@ex.c0m 🙂@handle_here",
      "@" + std::string(300, 'a') + "@" + std::string(3, 'b') + ".com",
  };
  for (const auto& t : texts) {
    for (unsigned id : {unsigned(kEmail), unsigned(kHandleAt)}) {
      EXPECT_EQ(Scan(fast, t, id, true), Scan(full, t, id, false)) << t << " / " << id;
    }
  }
}

}  // namespace
}  // namespace chorus::detect
