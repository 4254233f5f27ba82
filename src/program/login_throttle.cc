#include "program/login_throttle.h"

#include <algorithm>

namespace chorus::program {
namespace {

constexpr size_t kMaxTrackedKeys = 100000;

}  // namespace

int64_t LoginThrottle::AccountWait(std::string_view account, int64_t now) const {
  const auto it = by_account_.find(account);
  if (it == by_account_.end()) return 0;
  const AccountState& a = it->second;
  if (now >= a.last_failure + limits_.account_memory_seconds) return 0;
  const int over = a.failures - limits_.free_failures_per_account;
  if (over <= 0) return 0;
  // base * 2^(over-1), capped; the shift is bounded so it cannot overflow.
  int64_t delay = limits_.base_delay_seconds;
  for (int i = 1; i < over && delay < limits_.max_delay_seconds; ++i) delay *= 2;
  delay = std::min(delay, limits_.max_delay_seconds);
  return std::max<int64_t>(0, a.last_failure + delay - now);
}

int64_t LoginThrottle::AddressWait(std::string_view address, int64_t now) const {
  const auto it = by_address_.find(address);
  if (it == by_address_.end()) return 0;
  const int64_t window_end = it->second.window_start + limits_.window_seconds;
  if (now >= window_end || it->second.failures < limits_.failures_per_address) return 0;
  return window_end - now;
}

int64_t LoginThrottle::SecondsUntilAllowed(std::string_view account, std::string_view address,
                                           int64_t now) {
  std::lock_guard lock(mutex_);
  return std::max(AccountWait(account, now), AddressWait(address, now));
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address, int64_t now) {
  std::lock_guard lock(mutex_);
  if (by_account_.size() >= kMaxTrackedKeys) {
    std::erase_if(by_account_, [&](const auto& entry) {
      return now >= entry.second.last_failure + limits_.account_memory_seconds ||
             entry.second.failures <= limits_.free_failures_per_account;
    });
  }
  auto a = by_account_.find(account);
  if (a == by_account_.end()) a = by_account_.emplace(std::string(account), AccountState{}).first;
  if (now >= a->second.last_failure + limits_.account_memory_seconds) a->second = AccountState{};
  ++a->second.failures;
  a->second.last_failure = now;

  if (by_address_.size() >= kMaxTrackedKeys) {
    std::erase_if(by_address_, [&](const auto& entry) {
      return now >= entry.second.window_start + limits_.window_seconds;
    });
  }
  auto w = by_address_.find(address);
  if (w == by_address_.end()) w = by_address_.emplace(std::string(address), AddressWindow{}).first;
  if (now >= w->second.window_start + limits_.window_seconds) w->second = AddressWindow{0, now};
  ++w->second.failures;
}

bool LoginThrottle::ShouldReportRefusal(std::string_view account, std::string_view address,
                                        int64_t now) {
  std::lock_guard lock(mutex_);
  const int64_t every = limits_.report_refusals_every_seconds;
  auto recent = [&](const std::map<std::string, int64_t, std::less<>>& reported,
                    std::string_view key) {
    const auto it = reported.find(key);
    return it != reported.end() && now < it->second + every;
  };
  if (recent(reported_account_, account) || recent(reported_address_, address)) return false;
  for (auto* reported : {&reported_account_, &reported_address_}) {
    if (reported->size() >= kMaxTrackedKeys) {
      std::erase_if(*reported, [&](const auto& entry) { return now >= entry.second + every; });
    }
  }
  reported_account_.insert_or_assign(std::string(account), now);
  reported_address_.insert_or_assign(std::string(address), now);
  return true;
}

void LoginThrottle::RecordSuccess(std::string_view account) {
  std::lock_guard lock(mutex_);
  const auto it = by_account_.find(account);
  if (it != by_account_.end()) by_account_.erase(it);
}

}  // namespace chorus::program
