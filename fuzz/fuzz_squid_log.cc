// Fuzz target: Squid's native access-log line parser (ingest/squid_log.h) and the host and
// user it yields, on any bytes split into lines. A parsed record's views lie inside the line,
// its times are not negative, and the host is lower-case without a port.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/squid_log.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty()) {
    const size_t nl = input.find('\n');
    const std::string_view line = input.substr(0, nl);
    input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
    chorus::ingest::SquidRecord r;
    std::string error;
    if (!chorus::ingest::ParseSquidLine(line, &r, &error)) {
      if (error.empty()) std::abort();
      continue;
    }
    for (std::string_view v : {r.client, r.code, r.method, r.url, r.user, r.hierarchy, r.type}) {
      if (v.empty() || v.data() < line.data() || v.data() + v.size() > line.data() + line.size())
        std::abort();
    }
    if (r.time_ms < 0 || r.elapsed_ms < 0 || r.bytes < 0 || r.status < 0 || r.status > 999)
      std::abort();
    const std::string host = chorus::ingest::SquidHost(r);
    for (char c : host)
      if ((c >= 'A' && c <= 'Z') || c == ':' || c == '/') std::abort();
    const std::string user = chorus::ingest::DecodeSquidUser(r.user);
    if (user.size() > r.user.size()) std::abort();
  }
  return 0;
}
