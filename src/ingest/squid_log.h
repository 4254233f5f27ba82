// Squid's native access.log format, one request a line, fields separated by spaces:
//
//   1732867200.123    842 10.0.4.17 TCP_TUNNEL/200 6120 CONNECT www.facebook.com:443
//   anna@dzintars.lv HIER_DIRECT/157.240.9.35 - time.millis   elapsed client   code/status   bytes
//   method URL                 user              hierarchy/peer        type
//
// time is Unix seconds with a fraction (milliseconds), elapsed milliseconds, bytes the reply
// size; URL is "host:port" for CONNECT, else an absolute URL (or a path for requests to the
// proxy itself); user is the authenticated user (URL-encoded by Squid; "-" when none); type the
// reply's MIME type ("-" when none). Fields after the tenth (custom additions) are ignored.
//
// The parser is strict about the ten fields' shapes and never reads past the line; it knows
// nothing of platforms or people.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::ingest {

struct SquidRecord {
  int64_t time_ms = 0;  // Unix time in milliseconds
  int64_t elapsed_ms = 0;
  std::string_view client;
  std::string_view code;  // "TCP_MISS", "TCP_TUNNEL", ...
  int status = 0;         // HTTP status (0 when Squid logged none: "NONE/000" is 0)
  int64_t bytes = 0;
  std::string_view method;
  std::string_view url;
  std::string_view user;  // as logged (still URL-encoded); "-" when none
  std::string_view hierarchy;
  std::string_view peer;
  std::string_view type;
};

// Parses one line (without its newline; a trailing "\r" is allowed). On failure returns false
// and sets *error to what is wrong ("field 4 (code/status) must be CODE/NNN"). The views in
// *out point into `line`.
bool ParseSquidLine(std::string_view line, SquidRecord* out, std::string* error);

// The host a request went to, lower-cased, without port and user info: "www.facebook.com" of
// "www.facebook.com:443" (CONNECT) or of "https://www.facebook.com/dzintars". Empty when the
// URL names no host.
std::string SquidHost(const SquidRecord& record);

// Squid's URL-encoding of user names undone ("anna%40dzintars.lv" -> "anna@dzintars.lv");
// a malformed escape is kept as written.
std::string DecodeSquidUser(std::string_view user);

}  // namespace chorus::ingest
