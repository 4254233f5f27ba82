// Fuzz target: bytes from the network as HttpServer reads them — Beast's request parser with
// the server's head and body limits, then the target, header and X-Forwarded-For handling,
// and routing. Nothing may crash, hang or grow without bound.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>

#include "server/client_address.h"
#include "server/http_message.h"
#include "server/http_router.h"

namespace {

const chorus::server::HttpRouter& Router() {
  static const auto* router = [] {
    auto* r = new chorus::server::HttpRouter;
    r->Add("GET", "/healthz", [](auto&, auto&) {});
    r->Add("POST", R"(/api/v1/posts/(\d+)/submit)", [](auto&, auto&) {});
    r->Add("GET", R"(/api/v1/policy/versions/(\d+)/diff)", [](auto&, auto&) {});
    return r;
  }();
  return *router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = boost::beast::http;
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 << 10);
  parser.body_limit(1 << 20);
  parser.eager(true);
  boost::beast::error_code ec;
  size_t offset = 0;
  while (offset < size && !parser.is_done()) {
    const size_t used = parser.put(boost::asio::buffer(data + offset, size - offset), ec);
    if (ec == http::error::need_more) break;
    if (ec || used == 0) return 0;
    offset += used;
  }
  if (!parser.is_header_done()) return 0;
  const auto& message = parser.get();
  chorus::server::HttpRequest request;
  request.method = std::string(message.method_string());
  if (!chorus::server::ParseTarget(std::string(message.target()), &request.path, &request.params)) {
    return 0;
  }
  chorus::server::ClientAddressResolver clients;
  (void)clients.AddTrustedProxy("127.0.0.0/8");
  std::string forwarded;
  for (const auto& field : message) {
    request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    if (field.name_string() == "X-Forwarded-For") forwarded = std::string(field.value());
  }
  request.remote_addr = clients.Resolve("127.0.0.1", forwarded);
  chorus::server::HttpRouter::Match match;
  std::string allowed;
  Router().Find(request, &match, &allowed);
  (void)request.get_header_value("Cookie");
  return 0;
}
