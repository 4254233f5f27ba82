#include "server/route_table.h"

#include <spdlog/spdlog.h>

#include "program/secrets.h"
#include "text/utf8.h"

namespace chorus::server {
namespace {

// The host[:port] of an Origin header value ("http://127.0.0.1:8080" -> "127.0.0.1:8080").
std::string_view OriginHost(std::string_view origin) {
  const auto scheme = origin.find("://");
  return scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
}

}  // namespace

std::string RequestCookie(const HttpRequest& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

void RouteTable::Add(std::string_view method, const std::string& pattern, bool changes_state,
                     Access access, BodyKind body, ApiHandler handler) {
  router_.Add(method, pattern,
              [this, changes_state, access, body, handler = std::move(handler)](
                  HttpRequest& request, HttpResponse& response) {
                Handle(request, response, changes_state, access, body, handler);
              });
}

void RouteTable::Get(const std::string& pattern, Access access, ApiHandler handler) {
  Add("GET", pattern, false, access, BodyKind::kNone, std::move(handler));
}

void RouteTable::Post(const std::string& pattern, Access access, BodyKind body,
                      ApiHandler handler) {
  Add("POST", pattern, true, access, body, std::move(handler));
}

void RouteTable::Put(const std::string& pattern, Access access, BodyKind body, ApiHandler handler) {
  Add("PUT", pattern, true, access, body, std::move(handler));
}

void RouteTable::Patch(const std::string& pattern, Access access, BodyKind body,
                       ApiHandler handler) {
  Add("PATCH", pattern, true, access, body, std::move(handler));
}

void RouteTable::Delete(const std::string& pattern, Access access, ApiHandler handler) {
  Add("DELETE", pattern, true, access, BodyKind::kNone, std::move(handler));
}

bool RouteTable::Authenticate(ApiCall& call, bool changes_state) {
  const std::string authorization = call.request.get_header_value("Authorization");
  program::Actor actor;
  if (authorization.rfind("Bearer ", 0) == 0) {
    const program::Outcome o = accounts_.ResolveApiToken(authorization.substr(7), &actor);
    if (!o.ok()) {
      call.response.set_header("WWW-Authenticate", "Bearer");
      call.Fail(o);
      return false;
    }
    call.actor = std::move(actor);
    return true;
  }
  const std::string cookie = RequestCookie(call.request, kSessionCookie);
  std::string csrf;
  const program::Outcome o = accounts_.ResolveSession(cookie, &actor, &csrf);
  if (!o.ok()) {
    call.Fail(o);
    return false;
  }
  if (changes_state &&
      !program::ConstantTimeEquals(call.request.get_header_value(kCsrfHeader), csrf)) {
    call.Error(403, "csrf", "the request lacks a valid CSRF token; reload the page");
    return false;
  }
  call.actor = std::move(actor);
  call.csrf_token = std::move(csrf);
  return true;
}

void RouteTable::Handle(const HttpRequest& request, HttpResponse& response, bool changes_state,
                        Access access, BodyKind body, const ApiHandler& handler) {
  ApiCall call(request, response);
  response.set_header("Cache-Control", "no-store");
  try {
    if (changes_state && request.has_header("Origin")) {
      const std::string origin = request.get_header_value("Origin");
      if (origin == "null" || OriginHost(origin) != request.get_header_value("Host")) {
        call.Error(403, "cross_origin", "cross-origin requests are not accepted");
        return;
      }
    }
    if (access == Access::kSignedIn && !Authenticate(call, changes_state)) return;
    if (body == BodyKind::kJson) {
      const std::string type = request.get_header_value("Content-Type");
      if (type.rfind("application/json", 0) != 0) {
        call.Error(415, "unsupported_media_type", "send the body as application/json");
        return;
      }
      if (!text::IsValidUtf8(request.body)) {
        call.Error(400, "invalid_utf8", "the body is not valid UTF-8");
        return;
      }
      call.body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
      if (call.body.is_discarded()) {
        call.Error(400, "invalid_json", "the body is not valid JSON");
        return;
      }
      if (!call.body.is_object()) {
        call.Error(400, "invalid_json", "the body must be a JSON object");
        return;
      }
    }
    handler(call);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unexpected exception: {}", request.method, request.path, e.what());
    WriteError(response, 500, "internal", "internal error");
  }
}

}  // namespace chorus::server
