// LoginThrottle: slows down password guessing without locking owners out.
//
// - Per account (e-mail): the first `free_failures_per_account` failures cost nothing; from
//   then on each attempt must wait an exponentially growing delay after the latest failure
//   (base_delay_seconds, doubled per further failure, capped at max_delay_seconds). Once the
//   delay has passed the next attempt is checked normally, so the owner's right password
//   works after the wait and clears the count. An attacker who keeps guessing only keeps the
//   delay at the cap; they never lock the account.
// - Per client address (password spraying across many accounts): at most
//   `failures_per_address` failures in a sliding `window_seconds`; then that address waits
//   until the window has passed. The limit is high enough for an office behind one NAT.
// - Refused attempts are not checked against the password, so they cost no Argon2 work.
// - State is in memory: a restart forgets it, which is acceptable for throttling; the number
//   of tracked keys is bounded.
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
  int free_failures_per_account = 4;  // the 5th failure starts the back-off
  int64_t base_delay_seconds = 2;
  int64_t max_delay_seconds = 15 * 60;
  // An account's count is forgotten this long after its latest failure.
  int64_t account_memory_seconds = 24 * 3600;
  int failures_per_address = 100;
  int64_t window_seconds = 15 * 60;
  int64_t report_refusals_every_seconds = 60;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginThrottleLimits limits = {}) : limits_(limits) {}

  // 0 if an attempt may proceed now, else the number of seconds to wait.
  int64_t SecondsUntilAllowed(std::string_view account, std::string_view address, int64_t now);
  void RecordFailure(std::string_view account, std::string_view address, int64_t now);
  // The right password: the account's count is cleared (the address's is not, so an attacker
  // cannot reset their own budget by signing in to an account of theirs).
  void RecordSuccess(std::string_view account);
  // True if a refused attempt for `account` from `address` should be reported now: neither
  // the account nor the address had a refusal reported in the last
  // `report_refusals_every_seconds`. A true answer counts as the report.
  bool ShouldReportRefusal(std::string_view account, std::string_view address, int64_t now);

 private:
  struct AccountState {
    int failures = 0;
    int64_t last_failure = 0;
  };
  struct AddressWindow {
    int failures = 0;
    int64_t window_start = 0;
  };
  int64_t AccountWait(std::string_view account, int64_t now) const;
  int64_t AddressWait(std::string_view address, int64_t now) const;

  const LoginThrottleLimits limits_;
  std::mutex mutex_;
  std::map<std::string, AccountState, std::less<>> by_account_;   // guarded by mutex_
  std::map<std::string, AddressWindow, std::less<>> by_address_;  // guarded by mutex_
  // When a refusal was last reported, per account and per address; guarded by mutex_.
  std::map<std::string, int64_t, std::less<>> reported_account_;
  std::map<std::string, int64_t, std::less<>> reported_address_;
};

}  // namespace chorus::program
