// ChorusServer: the HTTP server of `chorus serve` — the JSON API under /api/v1, GET /healthz,
// and the built web app as static files. It applies the request limits of ServerOptions
// (413 for large bodies, read/write timeouts, a bounded thread pool), answers every error
// with JSON, and adds security headers (CSP without inline scripts, no framing, no sniffing).
//
//   ChorusServer server(services, options);
//   Status s = server.Bind();          // then server.port() is known
//   server.Serve();                    // blocks until Stop()
//
// Thread-safety: Bind/Serve from one thread; Stop() from any thread (e.g. a signal watcher).
#pragma once

#include <memory>

#include "base/status.h"
#include "server/server_options.h"
#include "server/services.h"

namespace httplib {
class Server;
}

namespace chorus::server {

class RouteTable;

class ChorusServer {
 public:
  ChorusServer(Services services, ServerOptions options);
  ~ChorusServer();

  Status Bind();
  int port() const { return port_; }
  // Serves until Stop(); returns an error if the listener failed.
  Status Serve();
  void Stop();

 private:
  void Configure();

  Services services_;
  const ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<RouteTable> routes_;  // its handlers run for the server's lifetime
  int port_ = 0;
};

}  // namespace chorus::server
