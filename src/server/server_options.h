// ServerOptions: how `chorus serve` listens and what it serves. Limits protect the server
// from oversized, slow or too many clients (see HttpServer for what each one does).
// Thread-safety: a plain value, read-only once the server starts.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace chorus::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0: pick a free port (see ChorusServer::port())
  std::string web_root;              // the built web app (web/dist); empty: none
  size_t max_body_bytes = 12 << 20;  // larger request bodies get 413 (photos are base64)
  // Archive uploads (monitoring imports) are streamed to a temporary file, not memory: an X
  // or Facebook export with its photos runs to gigabytes.
  size_t max_upload_bytes = size_t{2} << 30;
  int read_timeout_seconds = 10;   // the whole request head must arrive within this
  int body_timeout_seconds = 120;  // the longest any body may take (see HttpLimits)
  int write_timeout_seconds = 10;  // an answer must be taken within this
  int keep_alive_seconds = 5;      // an idle kept-alive connection is closed after this
  int threads = 16;                // workers that run request handlers
  int max_connections = 2000;
  int max_connections_per_client = 128;  // per client address (trusted proxies exempt)
  int backlog = 1024;
  // Addresses or CIDR blocks of reverse proxies whose X-Forwarded-For is believed.
  std::vector<std::string> trusted_proxies;
  bool secure_cookies = false;  // add "Secure" to the session cookie (serving behind HTTPS)
};

}  // namespace chorus::server
