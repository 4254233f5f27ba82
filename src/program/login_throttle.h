// LoginThrottle: slows down password guessing. Failed sign-ins are counted per account
// (e-mail) and per client address in a sliding window; once either count reaches its limit,
// further attempts for that key are refused until the window has passed, without checking
// the password (so a locked key costs no Argon2 work). A success clears the account's count.
// State is in memory: a restart forgets it, which is acceptable for throttling.
//
// Thread-safety: all methods are safe from any thread (one internal mutex).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace chorus::program {

struct LoginThrottleLimits {
  int failures_per_account = 5;
  int failures_per_address = 20;
  int64_t window_seconds = 15 * 60;
  int64_t report_refusals_every_seconds = 60;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginThrottleLimits limits = {}) : limits_(limits) {}

  // 0 if an attempt may proceed now, else the number of seconds to wait.
  int64_t SecondsUntilAllowed(std::string_view account, std::string_view address, int64_t now);
  void RecordFailure(std::string_view account, std::string_view address, int64_t now);
  void RecordSuccess(std::string_view account);
  // True if a refused attempt for `account` from `address` should be reported now: neither
  // the account nor the address had a refusal reported in the last
  // `report_refusals_every_seconds`. A true answer counts as the report.
  bool ShouldReportRefusal(std::string_view account, std::string_view address, int64_t now);

 private:
  struct Counter {
    int failures = 0;
    int64_t window_start = 0;
  };
  int64_t Wait(const std::map<std::string, Counter, std::less<>>& counters, std::string_view key,
               int limit, int64_t now) const;
  void Count(std::map<std::string, Counter, std::less<>>& counters, std::string_view key,
             int64_t now);

  const LoginThrottleLimits limits_;
  std::mutex mutex_;
  std::map<std::string, Counter, std::less<>> by_account_;  // guarded by mutex_
  std::map<std::string, Counter, std::less<>> by_address_;  // guarded by mutex_
  // When a refusal was last reported, per account and per address; guarded by mutex_.
  std::map<std::string, int64_t, std::less<>> reported_account_;
  std::map<std::string, int64_t, std::less<>> reported_address_;
};

}  // namespace chorus::program
