// The times platform exports write, as RFC 3339 in UTC ("2024-03-01T08:15:00Z"), the one form
// Chorus stores. Each parser returns "" for text it does not understand (a post without a
// readable time is still imported).
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::ingest {

// Seconds since the epoch.
std::string TimeFromUnix(int64_t seconds);
// X: "Wed Oct 10 20:19:24 +0000 2018".
std::string TimeFromTwitter(std::string_view text);
// RSS (RFC 822/1123): "Tue, 10 Jun 2003 04:00:00 GMT", "10 Jun 2003 04:00 +0300".
std::string TimeFromRfc822(std::string_view text);
// ISO 8601 / RFC 3339: "2024-03-01T10:15:00+02:00", "2024-03-01T08:15:00.123Z",
// "2024-03-01 08:15:00" (LinkedIn; taken as UTC), "2024-03-01" (midnight UTC).
std::string TimeFromIso8601(std::string_view text);

}  // namespace chorus::ingest
