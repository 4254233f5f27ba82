// ServerOptions: how `chorus serve` listens and what it serves. Limits protect the server
// from oversized or slow clients.
// Thread-safety: a plain value, read-only once the server starts.
#pragma once

#include <cstddef>
#include <string>

namespace chorus::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0: pick a free port (see ChorusServer::port())
  std::string web_root;              // the built web app (web/dist); empty: none
  size_t max_body_bytes = 12 << 20;  // larger request bodies get 413 (photos are base64)
  int read_timeout_seconds = 10;     // a client that sends nothing this long is dropped
  int write_timeout_seconds = 10;
  int keep_alive_seconds = 3;  // an idle kept-alive connection holds a thread this long
  int threads = 32;
  bool secure_cookies = false;  // add "Secure" to the session cookie (serving behind HTTPS)
};

}  // namespace chorus::server
