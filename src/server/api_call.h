// ApiCall: one request to the JSON API as the handlers see it — who is calling (the Actor,
// already authenticated and, for state-changing requests, CSRF-checked by RouteTable), the
// parsed JSON body, and helpers to read typed fields and to answer with JSON.
//
// Every error answer is JSON: {"error": {"code", "message"}} with a 4xx status for bad input
// and 500 only for internal failures (whose details go to the log, never to the client).
//
// Thread-safety: an ApiCall belongs to the thread handling its request.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "program/actor.h"
#include "program/outcome.h"

namespace chorus::server {

class ApiCall {
 public:
  ApiCall(const httplib::Request& http_request, httplib::Response& http_response)
      : request(http_request), response(http_response) {}

  const httplib::Request& request;
  httplib::Response& response;
  std::optional<program::Actor> actor;  // set for routes that require sign-in
  std::string csrf_token;               // of the session, when signed in with a cookie
  nlohmann::json body;                  // parsed JSON body (an object) for routes with one

  const program::Actor& Who() const { return *actor; }

  // The regex capture `index` of the route as an id; 0 when it is not a positive number.
  int64_t PathId(int index = 1) const;

  // Typed fields of the body. A missing optional field gives the default; a field of the
  // wrong type sets an error answer and returns false.
  bool String(std::string_view name, std::string* out, bool required);
  bool Int(std::string_view name, std::optional<int64_t>* out);
  // True once the client has disconnected (long handlers such as CSV import stop then).
  bool ClientGone() const;
  bool Bool(std::string_view name, std::optional<bool>* out);

  void Json(int status, const nlohmann::json& value);
  void Error(int status, std::string_view code, std::string_view message);
  // Answers a failed Outcome with the matching status (logs internal details).
  void Fail(const program::Outcome& outcome);
};

// Status code for a failure kind.
int HttpStatusFor(program::Failure failure);

// Writes a JSON body (invalid UTF-8 replaced, never throwing).
void WriteJson(httplib::Response& response, int status, const nlohmann::json& value);
void WriteError(httplib::Response& response, int status, std::string_view code,
                std::string_view message);

}  // namespace chorus::server
