#include "ingest/squid_log.h"

#include <array>
#include <charconv>

namespace chorus::ingest {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool ToInt(std::string_view s, int64_t* out) {
  if (!AllDigits(s) || s.size() > 18) return false;
  return std::from_chars(s.data(), s.data() + s.size(), *out).ec == std::errc();
}

// "1732867200.123" (or without a fraction) as milliseconds.
bool ParseTime(std::string_view s, int64_t* ms) {
  const size_t dot = s.find('.');
  int64_t seconds = 0;
  if (!ToInt(s.substr(0, dot), &seconds) || seconds > 32503680000) return false;  // year 3000
  int64_t millis = 0;
  if (dot != std::string_view::npos) {
    std::string_view fraction = s.substr(dot + 1);
    if (!AllDigits(fraction) || fraction.size() > 9) return false;
    int64_t scale = 100;
    for (size_t i = 0; i < fraction.size() && i < 3; ++i, scale /= 10)
      millis += (fraction[i] - '0') * scale;
  }
  *ms = seconds * 1000 + millis;
  return true;
}

// A field of printable, non-space ASCII or UTF-8 bytes (no control characters).
bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u == 0x7F) return false;
  }
  return true;
}

bool Fail(std::string* error, std::string message) {
  *error = std::move(message);
  return false;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool ParseSquidLine(std::string_view line, SquidRecord* out, std::string* error) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::array<std::string_view, 10> f;
  size_t count = 0;
  size_t i = 0;
  while (count < f.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    f[count++] = line.substr(start, i - start);
  }
  if (count < f.size())
    return Fail(error, "has " + std::to_string(count) + " fields; Squid's native format has 10");
  SquidRecord r;
  if (!ParseTime(f[0], &r.time_ms))
    return Fail(error,
                "field 1 (time) must be Unix seconds with milliseconds, e.g. 1732867200.123");
  if (!ToInt(f[1], &r.elapsed_ms))
    return Fail(error, "field 2 (elapsed) must be a whole number of milliseconds");
  if (!IsToken(f[2])) return Fail(error, "field 3 (client) is not an address");
  const size_t slash = f[3].find('/');
  int64_t status = 0;
  if (slash == std::string_view::npos || slash == 0 || !IsToken(f[3].substr(0, slash)) ||
      !ToInt(f[3].substr(slash + 1), &status) || status > 999)
    return Fail(error, "field 4 (code/status) must be CODE/NNN, e.g. TCP_MISS/200");
  r.code = f[3].substr(0, slash);
  r.status = static_cast<int>(status);
  if (!ToInt(f[4], &r.bytes)) return Fail(error, "field 5 (bytes) must be a whole number");
  for (int k : {5, 6, 7, 9})
    if (!IsToken(f[static_cast<size_t>(k)]))
      return Fail(error, "field " + std::to_string(k + 1) + " has control characters");
  r.method = f[5];
  r.url = f[6];
  r.user = f[7];
  const size_t hier = f[8].find('/');
  if (hier == std::string_view::npos || hier == 0 || !IsToken(f[8]))
    return Fail(error, "field 9 (hierarchy/peer) must be CODE/PEER, e.g. HIER_DIRECT/10.0.0.1");
  r.hierarchy = f[8].substr(0, hier);
  r.peer = f[8].substr(hier + 1);
  r.type = f[9];
  r.client = f[2];
  *out = r;
  return true;
}

std::string SquidHost(const SquidRecord& record) {
  std::string_view url = record.url;
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  } else if (record.method != "CONNECT") {
    return {};  // a path: a request to the proxy itself
  }
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url.front() == '[') return {};  // an IPv6 literal names no platform
  url = url.substr(0, url.find(':'));
  while (!url.empty() && url.back() == '.') url.remove_suffix(1);
  std::string host(url);
  for (char& c : host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return host;
}

std::string DecodeSquidUser(std::string_view user) {
  std::string out;
  out.reserve(user.size());
  for (size_t i = 0; i < user.size(); ++i) {
    if (user[i] == '%' && i + 2 < user.size()) {
      const int hi = HexValue(user[i + 1]), lo = HexValue(user[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(user[i]);
  }
  return out;
}

}  // namespace chorus::ingest
