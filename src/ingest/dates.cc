#include "ingest/dates.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace chorus::ingest {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

int MonthIndex(std::string_view name) {
  if (name.size() < 3) return -1;
  std::string lower;
  for (size_t i = 0; i < 3; ++i)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(name[i]))));
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (kMonths[i] == lower) return static_cast<int>(i);
  return -1;
}

// Days from 1970-01-01 to the civil date (proleptic Gregorian), without the C library's
// time zone.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool Valid(int y, int mo, int d, int h, int mi, int s) {
  return y >= 1970 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 &&
         mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

std::string Utc(int y, int mo, int d, int h, int mi, int s, int offset_minutes) {
  if (!Valid(y, mo, d, h, mi, s)) return "";
  const int64_t t = DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
                    static_cast<int64_t>(offset_minutes) * 60;
  return TimeFromUnix(t);
}

// "+0200", "-05:30", "Z", "GMT", "UTC", "EST" ... -> minutes east of UTC; false if unknown.
bool ParseZone(std::string_view z, int* minutes) {
  while (!z.empty() && z.front() == ' ') z.remove_prefix(1);
  while (!z.empty() && z.back() == ' ') z.remove_suffix(1);
  if (z.empty() || z == "Z" || z == "z" || z == "GMT" || z == "UTC" || z == "UT") {
    *minutes = 0;
    return true;
  }
  static const std::array<std::pair<std::string_view, int>, 8> kUs = {{{"EST", -300},
                                                                       {"EDT", -240},
                                                                       {"CST", -360},
                                                                       {"CDT", -300},
                                                                       {"MST", -420},
                                                                       {"MDT", -360},
                                                                       {"PST", -480},
                                                                       {"PDT", -420}}};
  for (const auto& [name, m] : kUs) {
    if (z == name) {
      *minutes = m;
      return true;
    }
  }
  if (z[0] != '+' && z[0] != '-') return false;
  int hh = 0, mm = 0;
  std::string digits;
  for (char c : z.substr(1))
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  if (digits.size() != 4 && digits.size() != 2) return false;
  hh = std::stoi(digits.substr(0, 2));
  if (digits.size() == 4) mm = std::stoi(digits.substr(2, 2));
  if (hh > 23 || mm > 59) return false;
  *minutes = (z[0] == '-' ? -1 : 1) * (hh * 60 + mm);
  return true;
}

}  // namespace

std::string TimeFromUnix(int64_t seconds) {
  if (seconds < 0 || seconds > 253402300799) return "";
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string TimeFromTwitter(std::string_view text) {
  // "Wed Oct 10 20:19:24 +0000 2018"
  char wday[4] = {}, mon[4] = {}, zone[8] = {};
  int d = 0, h = 0, mi = 0, s = 0, y = 0;
  const std::string t(text.substr(0, 64));
  if (std::sscanf(t.c_str(), "%3s %3s %d %d:%d:%d %7s %d", wday, mon, &d, &h, &mi, &s, zone, &y) !=
      8)
    return "";
  const int m = MonthIndex(mon);
  int offset = 0;
  if (m < 0 || !ParseZone(zone, &offset)) return "";
  return Utc(y, m + 1, d, h, mi, s, offset);
}

std::string TimeFromRfc822(std::string_view text) {
  std::string t(text.substr(0, 80));
  if (const size_t comma = t.find(','); comma != std::string::npos) t = t.substr(comma + 1);
  char mon[16] = {};
  char zone[16] = {};
  int d = 0, y = 0, h = 0, mi = 0, s = 0;
  int n = std::sscanf(t.c_str(), " %d %15s %d %d:%d:%d %15s", &d, mon, &y, &h, &mi, &s, zone);
  if (n < 6) {
    s = 0;
    zone[0] = 0;
    n = std::sscanf(t.c_str(), " %d %15s %d %d:%d %15s", &d, mon, &y, &h, &mi, zone);
    if (n < 5) return "";
  }
  const int m = MonthIndex(mon);
  int offset = 0;
  if (m < 0 || !ParseZone(zone, &offset)) return "";
  if (y < 100) y += y < 70 ? 2000 : 1900;
  return Utc(y, m + 1, d, h, mi, s, offset);
}

std::string TimeFromIso8601(std::string_view text) {
  const std::string t(text.substr(0, 64));
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
  if (std::sscanf(t.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10) return "";
  if (t.size() == 10) return Utc(y, mo, d, 0, 0, 0, 0);
  if (t[10] != 'T' && t[10] != 't' && t[10] != ' ') return "";
  int used2 = 0;
  if (std::sscanf(t.c_str() + 11, "%2d:%2d%n", &h, &mi, &used2) != 2) return "";
  size_t i = 11 + used2;
  if (i < t.size() && t[i] == ':') {
    int used3 = 0;
    if (std::sscanf(t.c_str() + i + 1, "%2d%n", &s, &used3) != 1) return "";
    i += 1 + used3;
  }
  if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  }
  int offset = 0;
  if (i < t.size() && !ParseZone(std::string_view(t).substr(i), &offset)) return "";
  return Utc(y, mo, d, h, mi, s, offset);
}

}  // namespace chorus::ingest
