// HttpRequest and HttpResponse: one HTTP exchange as the routes see it, independent of the
// HTTP stack underneath (HttpServer fills a request and sends the response back).
//
// A request arrives complete: headers, the decoded path and query, and the whole body (its
// size already capped). Header names compare case-insensitively. `remote_addr` is the client
// as far as the server can tell: the socket's peer, or the address a trusted proxy reported
// in X-Forwarded-For (see ClientAddressResolver).
//
// The accessor names (get_header_value, set_content, ...) keep the ones the route handlers
// were first written against, so the routes did not change when the stack did.
//
// Thread-safety: plain values; one thread handles a request at a time. `client_gone` may be
// called from the handler's thread while the server's event thread updates it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // as sent, e.g. "GET"
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded, without the query
  HeaderList headers;
  std::vector<std::pair<std::string, std::string>> params;  // decoded query, in order
  std::string body;
  // Upload routes only (HttpLimits::upload_limit): the body, in a temporary file the server
  // deletes after the handler; `body` is then empty.
  std::string body_file;
  std::string remote_addr;           // the client's address (after trusted-proxy resolution)
  std::string peer_addr;             // the socket's peer
  std::vector<std::string> matches;  // the route's captures; [0] is the whole path
  // True once the client has disconnected or the server is shutting down: long handlers
  // (imports) check it and stop. Never null for requests from HttpServer.
  std::function<bool()> client_gone;

  // The first value of header `name`, or "" when absent.
  std::string get_header_value(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // The first value of query parameter `name`, or "" when absent.
  std::string get_param_value(std::string_view name) const;
  bool has_param(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;  // besides Content-Type and Content-Length, which the server sets
  std::string body;
  std::string content_type;
  bool close_connection = false;  // answer with Connection: close and close afterwards

  // Replaces header `name` (case-insensitive); "Set-Cookie" may repeat and is appended.
  void set_header(std::string_view name, std::string value);
  void set_content(std::string content, std::string type);
  std::string get_header_value(std::string_view name) const;
};

// ASCII case-insensitive equality, for header names.
bool HeaderNameEquals(std::string_view a, std::string_view b);

// Decodes %XX escapes (and '+' as space when `plus_is_space`). False for a malformed escape
// or a decoded NUL byte.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);

// Splits a request target into its decoded path and query parameters. False when the target
// is not an origin-form path ("/...") or its escapes are malformed.
bool ParseTarget(std::string_view target, std::string* path,
                 std::vector<std::pair<std::string, std::string>>* params);

}  // namespace chorus::server
