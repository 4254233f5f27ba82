// RouteTable: registers the JSON API's routes on the HTTP server and does, before any
// handler runs, what every route needs:
// - authentication for signed-in routes: "Authorization: Bearer <API token>" or the session
//   cookie (HttpOnly, SameSite=Strict); otherwise 401;
// - CSRF protection for every state-changing request (POST, PUT, PATCH, DELETE) made with a
//   session cookie: the X-CSRF-Token header must equal the session's token (403 otherwise),
//   and a cross-origin Origin header is refused; bearer-token calls carry no ambient
//   credential and need no CSRF token;
// - JSON bodies: Content-Type application/json (415), well-formed UTF-8 (400 invalid_utf8),
//   well-formed JSON (400 invalid_json), an object (400);
// - a last-resort guard turning any exception into a JSON 500 without details.
// Handlers then only do their work (calling the program layer).
//
// Thread-safety: routes are registered before the server starts; handlers run concurrently.
// The RouteTable must outlive the router: the registered handlers call back into it.
#pragma once

#include <functional>
#include <string>

#include "program/accounts.h"
#include "server/api_call.h"
#include "server/http_router.h"

namespace chorus::server {

enum class Access { kPublic, kSignedIn };
enum class BodyKind { kNone, kJson };
using ApiHandler = std::function<void(ApiCall&)>;

inline constexpr const char* kSessionCookie = "chorus_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

class RouteTable {
 public:
  RouteTable(HttpRouter& router, program::Accounts& accounts)
      : router_(router), accounts_(accounts) {}

  void Get(const std::string& pattern, Access access, ApiHandler handler);
  void Post(const std::string& pattern, Access access, BodyKind body, ApiHandler handler);
  void Put(const std::string& pattern, Access access, BodyKind body, ApiHandler handler);
  void Patch(const std::string& pattern, Access access, BodyKind body, ApiHandler handler);
  void Delete(const std::string& pattern, Access access, ApiHandler handler);

 private:
  void Add(std::string_view method, const std::string& pattern, bool changes_state, Access access,
           BodyKind body, ApiHandler handler);
  void Handle(const HttpRequest& request, HttpResponse& response, bool changes_state, Access access,
              BodyKind body, const ApiHandler& handler);
  // Sets call.actor (and csrf_token for sessions); false after answering 401/403.
  bool Authenticate(ApiCall& call, bool changes_state);

  HttpRouter& router_;
  program::Accounts& accounts_;
};

// The value of cookie `name` in the request, or "".
std::string RequestCookie(const HttpRequest& request, std::string_view name);

}  // namespace chorus::server
