#include "server/api_call.h"

#include <spdlog/spdlog.h>

#include <charconv>

namespace chorus::server {

int HttpStatusFor(program::Failure failure) {
  switch (failure) {
    case program::Failure::kNone:
      return 200;
    case program::Failure::kInvalid:
      return 400;
    case program::Failure::kUnauthenticated:
      return 401;
    case program::Failure::kForbidden:
      return 403;
    case program::Failure::kNotFound:
      return 404;
    case program::Failure::kConflict:
      return 409;
    case program::Failure::kThrottled:
      return 429;
    case program::Failure::kInternal:
      return 500;
  }
  return 500;
}

void WriteJson(httplib::Response& response, int status, const nlohmann::json& value) {
  response.status = status;
  response.set_content(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void WriteError(httplib::Response& response, int status, std::string_view code,
                std::string_view message) {
  WriteJson(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

int64_t ApiCall::PathId(int index) const {
  if (static_cast<size_t>(index) >= request.matches.size()) return 0;
  const std::string text = request.matches[index];
  int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return 0;
  return id;
}

bool ApiCall::String(std::string_view name, std::string* out, bool required) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (!required) return true;
    Error(400, "missing_field", "the field \"" + std::string(name) + "\" is required");
    return false;
  }
  if (!it->is_string()) {
    Error(400, "invalid_field", "the field \"" + std::string(name) + "\" must be a string");
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool ApiCall::Int(std::string_view name, std::optional<int64_t>* out) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_number_integer()) {
    Error(400, "invalid_field", "the field \"" + std::string(name) + "\" must be an integer");
    return false;
  }
  *out = it->get<int64_t>();
  return true;
}

bool ApiCall::Bool(std::string_view name, std::optional<bool>* out) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_boolean()) {
    Error(400, "invalid_field", "the field \"" + std::string(name) + "\" must be true or false");
    return false;
  }
  *out = it->get<bool>();
  return true;
}

void ApiCall::Json(int status, const nlohmann::json& value) {
  WriteJson(response, status, value);
}

void ApiCall::Error(int status, std::string_view code, std::string_view message) {
  WriteError(response, status, code, message);
}

void ApiCall::Fail(const program::Outcome& outcome) {
  if (outcome.failure == program::Failure::kInternal) {
    spdlog::error("{} {}: {}", request.method, request.path, outcome.internal_detail);
  }
  if (outcome.retry_after_seconds > 0) {
    response.set_header("Retry-After", std::to_string(outcome.retry_after_seconds));
  }
  Error(HttpStatusFor(outcome.failure), outcome.code, outcome.message);
}

// Replaced by the HTTP stack: true once the client has disconnected.
bool ApiCall::ClientGone() const {
  return false;
}

}  // namespace chorus::server
