#include "program/usage_sessions.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace chorus::program {
namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian), and back.
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int64_t* m, int64_t* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int64_t Weekday(int64_t day) {
  return ((day % 7) + 7 + 3) % 7;
}  // Monday 0; 1970-01-01 Thu

std::string WeekOfDay(int64_t day) {
  const int64_t thursday = day - Weekday(day) + 3;
  int64_t y, m, d;
  CivilFromDays(thursday, &y, &m, &d);
  const int64_t week = (thursday - DaysFromCivil(y, 1, 1)) / 7 + 1;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04lld-W%02lld", static_cast<long long>(y),
                static_cast<long long>(week));
  return buffer;
}

std::string DateOfDay(int64_t day) {
  int64_t y, m, d;
  CivilFromDays(day, &y, &m, &d);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return buffer;
}

bool Number(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), *out).ec == std::errc();
}

// The day number of the Monday of "YYYY-Www"; false when malformed.
bool MondayOf(std::string_view week, int64_t* day) {
  int64_t y = 0, w = 0;
  if (week.size() != 8 || week[4] != '-' || week[5] != 'W' || !Number(week.substr(0, 4), &y) ||
      !Number(week.substr(6, 2), &w) || w < 1 || w > 53)
    return false;
  const int64_t jan4 = DaysFromCivil(y, 1, 4);
  *day = jan4 - Weekday(jan4) + 7 * (w - 1);
  return true;
}

}  // namespace

void AddSessionTime(std::vector<UsageRequest>* requests, SessionTime* out) {
  std::sort(requests->begin(), requests->end(), [](const UsageRequest& a, const UsageRequest& b) {
    return std::tie(a.person, a.platform, a.time_ms) < std::tie(b.person, b.platform, b.time_ms);
  });
  size_t i = 0;
  while (i < requests->size()) {
    const UsageRequest& first = (*requests)[i];
    size_t j = i + 1;
    while (j < requests->size() && (*requests)[j].person == first.person &&
           (*requests)[j].platform == first.platform &&
           (*requests)[j].time_ms - (*requests)[j - 1].time_ms <= kSessionGapMs)
      ++j;
    const int64_t length = (*requests)[j - 1].time_ms - first.time_ms + kSessionTailMs;
    SessionTotal& total = (*out)[{first.person, first.platform, IsoWeekOf(first.time_ms)}];
    total.milliseconds += length;
    ++total.sessions;
    i = j;
  }
}

std::string IsoWeekOf(int64_t time_ms) {
  return WeekOfDay(FloorDiv(time_ms, 86'400'000));
}

bool IsoWeekOfDate(std::string_view date, std::string* week) {
  int64_t y = 0, m = 0, d = 0;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !Number(date.substr(0, 4), &y) ||
      !Number(date.substr(5, 2), &m) || !Number(date.substr(8, 2), &d) || m < 1 || m > 12 ||
      d < 1 || d > 31)
    return false;
  const int64_t day = DaysFromCivil(y, m, d);
  if (DateOfDay(day) != date) return false;  // 2026-02-30
  *week = WeekOfDay(day);
  return true;
}

std::string WeekMonday(std::string_view week) {
  int64_t day = 0;
  return MondayOf(week, &day) ? DateOfDay(day) : std::string();
}

std::string WeekSunday(std::string_view week) {
  int64_t day = 0;
  return MondayOf(week, &day) ? DateOfDay(day + 6) : std::string();
}

int64_t WeekEndSeconds(std::string_view week) {
  int64_t day = 0;
  return MondayOf(week, &day) ? (day + 7) * 86'400 : 0;
}

}  // namespace chorus::program
