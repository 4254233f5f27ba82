// Unix seconds written as UTC text: RFC 3339 timestamps ("2026-12-08T01:02:03Z") and dates
// ("2026-12-08"), for CSV cells, file names and texts. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace chorus {

std::string UtcTimestamp(int64_t unix_seconds);
std::string UtcDate(int64_t unix_seconds);

}  // namespace chorus
