#include "program/usage_sessions.h"

#include <gtest/gtest.h>

namespace chorus::program {
namespace {

constexpr int64_t kMonday = 1764547200000;  // 2025-12-01 00:00:00 UTC, a Monday (2025-W49)

int64_t TotalMs(std::vector<UsageRequest> requests) {
  SessionTime time;
  AddSessionTime(&requests, &time);
  int64_t total = 0;
  for (const auto& [key, t] : time) total += t.milliseconds;
  return total;
}

TEST(UsageSessions, ASingleRequestCountsSixtySeconds) {
  EXPECT_EQ(TotalMs({{0, 0, kMonday}}), 60'000);
}

TEST(UsageSessions, AGapOfExactlyThreeHundredSecondsStaysInTheSession) {
  // 0 s and 300 s: one session of 300 + 60 s.
  EXPECT_EQ(TotalMs({{0, 0, kMonday}, {0, 0, kMonday + 300'000}}), 360'000);
}

TEST(UsageSessions, AGapOverThreeHundredSecondsStartsANewOne) {
  // 0 s and 301 s: two sessions of 60 s each.
  EXPECT_EQ(TotalMs({{0, 0, kMonday}, {0, 0, kMonday + 301'000}}), 120'000);
  std::vector<UsageRequest> two = {{0, 0, kMonday}, {0, 0, kMonday + 301'000}};
  SessionTime time;
  AddSessionTime(&two, &time);
  EXPECT_EQ((time[{0, 0, "2025-W49"}]), (SessionTotal{120'000, 2}));
  // A millisecond over is over.
  EXPECT_EQ(TotalMs({{0, 0, kMonday}, {0, 0, kMonday + 300'001}}), 120'000);
}

TEST(UsageSessions, UnsortedInputIsSortedFirst) {
  // 600 s, 0 s, 200 s, 400 s: sorted the gaps are 200 s each, one session of 600 + 60 s.
  EXPECT_EQ(TotalMs({{0, 0, kMonday + 600'000},
                     {0, 0, kMonday},
                     {0, 0, kMonday + 200'000},
                     {0, 0, kMonday + 400'000}}),
            660'000);
}

TEST(UsageSessions, PeopleAndPlatformsAreSeparate) {
  std::vector<UsageRequest> requests = {{0, 0, kMonday},
                                        {0, 1, kMonday + 100'000},  // other platform
                                        {1, 0, kMonday + 120'000},  // other person
                                        {0, 0, kMonday + 240'000}};
  SessionTime time;
  AddSessionTime(&requests, &time);
  ASSERT_EQ(time.size(), 3u);
  EXPECT_EQ((time[{0, 0, "2025-W49"}].milliseconds), 300'000);
  EXPECT_EQ((time[{0, 1, "2025-W49"}].milliseconds), 60'000);
  EXPECT_EQ((time[{1, 0, "2025-W49"}].milliseconds), 60'000);
}

TEST(UsageSessions, ASessionBelongsToTheWeekOfItsFirstRequest) {
  const int64_t sunday_late = kMonday - 60'000;  // Sunday 23:59 of 2025-W48
  std::vector<UsageRequest> requests = {{0, 0, sunday_late}, {0, 0, kMonday + 120'000}};
  SessionTime time;
  AddSessionTime(&requests, &time);
  ASSERT_EQ(time.size(), 1u);
  EXPECT_EQ((time[{0, 0, "2025-W48"}].milliseconds), 240'000);
}

TEST(IsoWeeks, DatesAndWeeksAcrossYearEnds) {
  std::string week;
  ASSERT_TRUE(IsoWeekOfDate("2025-12-29", &week));
  EXPECT_EQ(week, "2026-W01");  // a Monday that starts ISO 2026
  ASSERT_TRUE(IsoWeekOfDate("2021-01-03", &week));
  EXPECT_EQ(week, "2020-W53");
  ASSERT_TRUE(IsoWeekOfDate("2026-11-29", &week));
  EXPECT_EQ(week, "2026-W48");
  EXPECT_FALSE(IsoWeekOfDate("2026-02-30", &week));
  EXPECT_FALSE(IsoWeekOfDate("29.11.2026", &week));
  EXPECT_EQ(WeekMonday("2026-W01"), "2025-12-29");
  EXPECT_EQ(WeekSunday("2020-W53"), "2021-01-03");
  EXPECT_EQ(IsoWeekOf(kMonday), "2025-W49");
  EXPECT_EQ(WeekEndSeconds("2025-W49"), kMonday / 1000 + 7 * 86'400);
  EXPECT_EQ(WeekMonday("2025-W54"), "");
}

}  // namespace
}  // namespace chorus::program
