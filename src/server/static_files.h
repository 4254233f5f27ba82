// StaticFiles: serves the built web app (web/dist) for GET and HEAD requests.
//
// "/" is index.html; other paths map to files under the root. A path with a ".." or "."
// segment, a backslash, or that leads outside the root through a link is not served; neither
// are directories or files over 32 MiB. Vite's hashed assets (/assets/...) may be cached for a
// year; everything else is revalidated (no-cache), so a new build shows at once.
//
// Thread-safety: immutable after construction; Serve may run on many threads at once.
#pragma once

#include <string>

#include "server/http_message.h"

namespace chorus::server {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root);

  // Fills the response and returns true when the request names a file under the root.
  bool Serve(const HttpRequest& request, HttpResponse& response) const;

 private:
  std::string root_;  // canonical path
};

// The Content-Type for a file name, by extension ("application/octet-stream" if unknown).
std::string ContentTypeFor(const std::string& file_name);

}  // namespace chorus::server
