// ChorusServer: the HTTP server of `chorus serve` — the JSON API under /api/v1, GET /healthz,
// and the built web app as static files — on HttpServer (Boost.Beast), with the limits of
// ServerOptions. Every error is answered with JSON, and every answer carries the security
// headers (CSP without inline scripts, no framing, no sniffing, no referrer).
//
//   ChorusServer server(services, options);
//   Status s = server.Bind();          // then server.port() is known; fails on a busy port
//   server.Serve();                    // blocks until Stop()
//
// Thread-safety: Bind/Serve from one thread; Stop() from any thread (e.g. a signal watcher).
#pragma once

#include <memory>
#include <optional>

#include "base/status.h"
#include "server/http_router.h"
#include "server/http_server.h"
#include "server/server_options.h"
#include "server/services.h"
#include "server/static_files.h"

namespace chorus::server {

class RouteTable;

class ChorusServer {
 public:
  ChorusServer(Services services, ServerOptions options);
  ~ChorusServer();

  Status Bind();
  int port() const { return http_ ? http_->port() : 0; }
  // Serves until Stop(); returns an error if the listener failed.
  Status Serve();
  void Stop();

 private:
  void AddRoutes();
  void Handle(HttpRequest& request, HttpResponse& response) const;

  Services services_;
  const ServerOptions options_;
  HttpRouter router_;
  std::unique_ptr<RouteTable> routes_;  // its handlers run for the server's lifetime
  std::optional<StaticFiles> web_;
  std::unique_ptr<HttpServer> http_;
};

}  // namespace chorus::server
