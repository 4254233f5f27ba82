// HttpRouter: finds the handler of a request by method and path.
//
// A pattern is a path whose segments are literal text or `(\d+)`, a run of ASCII digits that
// is captured (request.matches[1], [2] ...; [0] is the whole path):
//
//   router.Add("GET", R"(/api/v1/posts/(\d+))", handler);
//
// No other regular-expression syntax is accepted (Add throws std::invalid_argument at
// registration, so a mistake shows at start-up, not on a request). HEAD requests use the GET
// handler. Find tells a path that exists with another method (405) from one that does not
// exist at all (404).
//
// Thread-safety: Add before serving; Find is const and may run on many threads at once.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_message.h"

namespace chorus::server {

using RouteHandler = std::function<void(HttpRequest& request, HttpResponse& response)>;

class HttpRouter {
 public:
  void Add(std::string_view method, std::string_view pattern, RouteHandler handler);

  enum class Match { kFound, kNoSuchPath, kWrongMethod };
  // The handler for the request, with request.matches filled; nullptr otherwise, with
  // *match saying why and *allowed listing the methods of the path ("GET, POST").
  const RouteHandler* Find(HttpRequest& request, Match* match, std::string* allowed) const;

 private:
  struct Route {
    std::string method;
    struct Segment {
      std::string literal;
      bool number = false;  // `(\d+)`: any run of digits, captured
    };
    std::vector<Segment> segments;
    RouteHandler handler;
  };
  static bool Matches(const Route& route, std::string_view path,
                      std::vector<std::string>* captures);

  std::vector<Route> routes_;
};

}  // namespace chorus::server
