// The time rule of the usage summaries, exactly as the README states it: per person and
// platform, requests sorted by time form sessions, a new session starting after a gap over
// 300 s; a session counts its last minus first request time plus 60 s. A session belongs to
// the ISO week (UTC) of its first request.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace chorus::program {

constexpr int64_t kSessionGapMs = 300'000;  // a gap over this starts a new session
constexpr int64_t kSessionTailMs = 60'000;  // added to every session

struct UsageRequest {
  uint32_t person = 0;    // an index the caller assigns
  uint32_t platform = 0;  // likewise
  int64_t time_ms = 0;    // Unix milliseconds
};

struct SessionTotal {
  int64_t milliseconds = 0;
  int64_t sessions = 0;
  bool operator==(const SessionTotal&) const = default;
};
// (person, platform, ISO week) -> time and number of sessions
using SessionTime = std::map<std::tuple<uint32_t, uint32_t, std::string>, SessionTotal>;

// Sorts `requests` (any order in) and adds their sessions' time to *out.
void AddSessionTime(std::vector<UsageRequest>* requests, SessionTime* out);

// The ISO 8601 week of a Unix time in milliseconds (UTC): "2026-W48".
std::string IsoWeekOf(int64_t time_ms);
// The ISO week that holds a date "YYYY-MM-DD"; false when the date is not one.
bool IsoWeekOfDate(std::string_view date, std::string* week);
// The Monday (first day) of an ISO week as "YYYY-MM-DD", and its Sunday.
std::string WeekMonday(std::string_view week);
std::string WeekSunday(std::string_view week);
// Unix seconds at the end of an ISO week (Monday 00:00 UTC of the next week).
int64_t WeekEndSeconds(std::string_view week);

}  // namespace chorus::program
