#include "program/login_throttle.h"

#include <gtest/gtest.h>

namespace chorus::program {
namespace {

TEST(LoginThrottleTest, AnAccountBacksOffExponentiallyUpToTheCap) {
  LoginThrottle throttle({.free_failures_per_account = 2,
                          .base_delay_seconds = 10,
                          .max_delay_seconds = 35,
                          .failures_per_address = 100});
  throttle.RecordFailure("a@x", "1.1.1.1", 1000);
  throttle.RecordFailure("a@x", "1.1.1.1", 1000);
  EXPECT_EQ(throttle.SecondsUntilAllowed("a@x", "1.1.1.1", 1000), 0);  // two are free
  throttle.RecordFailure("a@x", "1.1.1.1", 1000);
  EXPECT_EQ(throttle.SecondsUntilAllowed("a@x", "2.2.2.2", 1001), 9);
  EXPECT_EQ(throttle.SecondsUntilAllowed("b@x", "1.1.1.1", 1001), 0);  // other accounts fine
  EXPECT_EQ(throttle.SecondsUntilAllowed("a@x", "1.1.1.1", 1010), 0);  // delay over
  throttle.RecordFailure("a@x", "1.1.1.1", 1010);
  EXPECT_EQ(throttle.SecondsUntilAllowed("a@x", "1.1.1.1", 1010), 20);  // doubled
  throttle.RecordFailure("a@x", "1.1.1.1", 1030);
  EXPECT_EQ(throttle.SecondsUntilAllowed("a@x", "1.1.1.1", 1030), 35);  // capped, not 40
  for (int i = 0; i < 50; ++i) throttle.RecordFailure("a@x", "1.1.1.1", 2000);
  EXPECT_EQ(throttle.SecondsUntilAllowed("a@x", "1.1.1.1", 2000), 35);  // still capped
}

TEST(LoginThrottleTest, LocksAnAddressTryingManyAccounts) {
  LoginThrottle throttle(
      {.free_failures_per_account = 100, .failures_per_address = 4, .window_seconds = 60});
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("user" + std::to_string(i), "9.9.9.9", 0);
  EXPECT_GT(throttle.SecondsUntilAllowed("someone-new", "9.9.9.9", 1), 0);
  EXPECT_EQ(throttle.SecondsUntilAllowed("someone-new", "8.8.8.8", 1), 0);
  EXPECT_EQ(throttle.SecondsUntilAllowed("someone-new", "9.9.9.9", 60), 0);
}

TEST(LoginThrottleTest, TheDefaultAddressLimitToleratesAnOfficeBehindOneAddress) {
  LoginThrottle throttle;
  // 20 people each mistyping twice in a quarter of an hour behind one proxy address.
  for (int i = 0; i < 40; ++i) throttle.RecordFailure("user" + std::to_string(i % 20), "nat", 0);
  EXPECT_EQ(throttle.SecondsUntilAllowed("someone@x", "nat", 1), 0);
}

TEST(LoginThrottleTest, SuccessClearsTheAccountCount) {
  LoginThrottle throttle(
      {.free_failures_per_account = 1, .failures_per_address = 100, .window_seconds = 60});
  throttle.RecordFailure("a@x", "1.1.1.1", 0);
  throttle.RecordSuccess("a@x");
  throttle.RecordFailure("a@x", "1.1.1.1", 1);
  EXPECT_EQ(throttle.SecondsUntilAllowed("a@x", "1.1.1.1", 2), 0);
}

TEST(LoginThrottleTest, RefusalsAreReportedAtMostOncePerIntervalPerAccountAndAddress) {
  LoginThrottle throttle({.free_failures_per_account = 1,
                          .failures_per_address = 1,
                          .window_seconds = 600,
                          .report_refusals_every_seconds = 60});
  EXPECT_TRUE(throttle.ShouldReportRefusal("a@x", "1.1.1.1", 100));
  EXPECT_FALSE(throttle.ShouldReportRefusal("a@x", "1.1.1.1", 101));
  EXPECT_FALSE(throttle.ShouldReportRefusal("b@x", "1.1.1.1", 102));  // same address
  EXPECT_FALSE(throttle.ShouldReportRefusal("a@x", "2.2.2.2", 103));  // same account
  EXPECT_TRUE(throttle.ShouldReportRefusal("c@x", "3.3.3.3", 104));   // neither seen
  EXPECT_TRUE(throttle.ShouldReportRefusal("a@x", "1.1.1.1", 160));   // interval over
}

}  // namespace
}  // namespace chorus::program
