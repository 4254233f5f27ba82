#include "program/login_throttle.h"

#include <algorithm>

namespace chorus::program {
namespace {

constexpr size_t kMaxTrackedKeys = 100000;

}  // namespace

int64_t LoginThrottle::Wait(const std::map<std::string, Counter, std::less<>>& counters,
                            std::string_view key, int limit, int64_t now) const {
  const auto it = counters.find(key);
  if (it == counters.end()) return 0;
  const int64_t window_end = it->second.window_start + limits_.window_seconds;
  if (now >= window_end || it->second.failures < limit) return 0;
  return window_end - now;
}

void LoginThrottle::Count(std::map<std::string, Counter, std::less<>>& counters,
                          std::string_view key, int64_t now) {
  if (counters.size() >= kMaxTrackedKeys) {
    // Forget windows that have passed; keeps memory bounded under a flood of names.
    std::erase_if(counters, [&](const auto& entry) {
      return now >= entry.second.window_start + limits_.window_seconds;
    });
  }
  auto it = counters.find(key);
  if (it == counters.end()) it = counters.emplace(std::string(key), Counter{}).first;
  Counter& c = it->second;
  if (now >= c.window_start + limits_.window_seconds) c = Counter{0, now};
  ++c.failures;
}

int64_t LoginThrottle::SecondsUntilAllowed(std::string_view account, std::string_view address,
                                           int64_t now) {
  std::lock_guard lock(mutex_);
  return std::max(Wait(by_account_, account, limits_.failures_per_account, now),
                  Wait(by_address_, address, limits_.failures_per_address, now));
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address, int64_t now) {
  std::lock_guard lock(mutex_);
  Count(by_account_, account, now);
  Count(by_address_, address, now);
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
  by_account_.erase(std::string(account));
}

}  // namespace chorus::program
