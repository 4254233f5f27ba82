// HttpServer: HTTP/1.1 on Boost.Beast and Asio, built so that slow, hostile or careless
// clients cannot stall or exhaust the server.
//
// - One event thread does all socket I/O. A connection costs a socket and a small buffer, not
//   a thread, so clients that trickle bytes hold nothing anybody else needs.
// - A complete request (head and body) is handed to a pool of worker threads, which run the
//   handler (handlers may block on the database or Argon2); the answer goes back to the event
//   thread to be written.
// - Deadlines: the whole request head must arrive within `header_timeout` of the connection
//   (or, on a kept-alive connection, within `keep_alive_timeout` of the previous answer); the
//   body within `header_timeout` plus its announced size at `min_body_rate`, never more than
//   `body_timeout`; an answer must be taken within `write_timeout`. A client that
//   misses one is disconnected; trickling does not extend a deadline.
// - Upload routes (HttpLimits::upload_limit) stream their body to a temporary file, so a
//   large archive never sits in memory.
// - Limits: head size (431) and header count (431), body size checked while it streams in,
//   chunked or not (413, before reading when Content-Length says so), connections in all and
//   per client address (refused with 503 and closed), requests waiting for a worker (503 with
//   Retry-After), requests per kept-alive connection.
// - The listening socket does not share its port: a second server on a busy port fails to
//   bind (no SO_REUSEPORT); the backlog is `backlog`.
// - Stop() closes the listener and idle connections at once, lets requests in progress answer
//   (with Connection: close) for up to `shutdown_grace`, and tells long handlers to stop
//   through HttpRequest::client_gone. Serve() returns when every worker is done.
//
// Errors the server answers itself are JSON: {"error": {"code", "message"}}, with
// `common_headers` added to every answer.
//
// Thread-safety: Bind and Serve from one thread; Stop from any thread (e.g. a signal watcher).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/client_address.h"
#include "server/http_message.h"

namespace chorus::server {

struct HttpLimits {
  size_t max_body_bytes = 12 << 20;
  size_t max_header_bytes = 16 << 10;
  size_t max_header_count = 100;
  std::chrono::milliseconds header_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds body_timeout{std::chrono::seconds(120)};
  size_t min_body_rate = 100'000;  // bytes/s a body may not fall below (see ReadBody)
  std::chrono::milliseconds write_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds keep_alive_timeout{std::chrono::seconds(5)};
  std::chrono::milliseconds shutdown_grace{std::chrono::seconds(5)};
  int max_requests_per_connection = 1000;
  int max_connections = 2000;
  int max_connections_per_client = 128;  // not applied to trusted proxies
  int backlog = 1024;
  int worker_threads = 16;
  int max_waiting_requests = 512;
  HeaderList common_headers;  // added to every answer, the server's own errors included
  // Upload routes (archive imports): for a POST to `path`, the largest body allowed, or 0 for
  // an ordinary route. Such a body is streamed to a temporary file (in $TMPDIR, else /tmp)
  // instead of memory, within `upload_timeout` (and `min_body_rate`); the handler finds it in
  // HttpRequest::body_file, and the server deletes it once the handler has returned (or the
  // upload failed).
  std::function<size_t(std::string_view path)> upload_limit;
  std::chrono::milliseconds upload_timeout{std::chrono::minutes(30)};
};

// Fills `response` for `request`. Exceptions are answered with a JSON 500.
using HttpHandler = std::function<void(HttpRequest& request, HttpResponse& response)>;

class HttpServer {
 public:
  HttpServer(HttpLimits limits, ClientAddressResolver clients, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on host:port (port 0: any free port). Fails when the port is in use.
  Status Bind(const std::string& host, int port);
  int port() const;
  // Runs the event loop on the calling thread until Stop(); returns once workers are done.
  Status Serve();
  void Stop();

  struct Impl;  // the event loop and connections, in http_server.cc

 private:
  std::unique_ptr<Impl> impl_;
};

// The JSON error body the server uses: {"error":{"code":...,"message":...}} (ASCII input).
std::string HttpErrorBody(std::string_view code, std::string_view message);

}  // namespace chorus::server
