#include "server/http_router.h"

#include <stdexcept>

namespace chorus::server {
namespace {

constexpr std::string_view kNumber = R"((\d+))";

// Splits "/a/b/c" into {"a", "b", "c"}; "/" into {""}.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    const size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool IsNumber(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

void HttpRouter::Add(std::string_view method, std::string_view pattern, RouteHandler handler) {
  Route route{std::string(method), {}, std::move(handler)};
  const auto segments = Segments(pattern);
  if (segments.empty()) throw std::invalid_argument("route pattern must start with /");
  for (std::string_view segment : segments) {
    if (segment == kNumber) {
      route.segments.push_back({"", true});
      continue;
    }
    if (segment.find_first_of("()[]{}\\*+?|^$") != std::string_view::npos) {
      throw std::invalid_argument("unsupported route pattern: " + std::string(pattern));
    }
    route.segments.push_back({std::string(segment), false});
  }
  routes_.push_back(std::move(route));
}

bool HttpRouter::Matches(const Route& route, std::string_view path,
                         std::vector<std::string>* captures) {
  const auto segments = Segments(path);
  if (segments.size() != route.segments.size()) return false;
  captures->assign(1, std::string(path));
  for (size_t i = 0; i < segments.size(); ++i) {
    if (route.segments[i].number) {
      if (!IsNumber(segments[i])) return false;
      captures->emplace_back(segments[i]);
    } else if (route.segments[i].literal != segments[i]) {
      return false;
    }
  }
  return true;
}

const RouteHandler* HttpRouter::Find(HttpRequest& request, Match* match,
                                     std::string* allowed) const {
  std::string_view method = request.method;
  if (method == "HEAD") method = "GET";
  std::vector<std::string> captures;
  allowed->clear();
  *match = Match::kNoSuchPath;
  for (const Route& route : routes_) {
    if (!Matches(route, request.path, &captures)) continue;
    if (route.method == method) {
      request.matches = std::move(captures);
      *match = Match::kFound;
      return &route.handler;
    }
    *match = Match::kWrongMethod;
    if (!allowed->empty()) *allowed += ", ";
    *allowed += route.method;
  }
  return nullptr;
}

}  // namespace chorus::server
