#include "base/utc_time.h"

#include <ctime>

namespace chorus {
namespace {

std::string Format(int64_t unix_seconds, const char* format) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  const size_t n = std::strftime(buffer, sizeof buffer, format, &tm);
  return std::string(buffer, n);
}

}  // namespace

std::string UtcTimestamp(int64_t unix_seconds) {
  return Format(unix_seconds, "%Y-%m-%dT%H:%M:%SZ");
}
std::string UtcDate(int64_t unix_seconds) {
  return Format(unix_seconds, "%Y-%m-%d");
}

}  // namespace chorus
