#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace chorus::server {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 32u << 20;

bool IsSafeRelativePath(const std::string& path) {
  if (path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) return false;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const std::string segment =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (segment == ".." || segment == ".") return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

}  // namespace

std::string ContentTypeFor(const std::string& file_name) {
  const std::string ext = std::filesystem::path(file_name).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".webp") return "image/webp";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(root, ec);
  root_ = ec ? root : canonical.string();
}

bool StaticFiles::Serve(const HttpRequest& request, HttpResponse& response) const {
  namespace fs = std::filesystem;
  if (request.method != "GET" && request.method != "HEAD") return false;
  std::string relative = request.path == "/" ? "index.html" : request.path.substr(1);
  if (relative.empty() || !IsSafeRelativePath(relative)) return false;
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(fs::path(root_) / relative, ec);
  if (ec) return false;
  // Links must not lead outside the root.
  const std::string file_string = file.string();
  if (file_string.compare(0, root_.size(), root_) != 0 || file_string.size() <= root_.size() ||
      file_string[root_.size()] != '/') {
    return false;
  }
  if (!fs::is_regular_file(file, ec) || ec) return false;
  const auto size = fs::file_size(file, ec);
  if (ec || size > kMaxFileBytes) return false;
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  response.status = 200;
  response.set_header("Cache-Control", relative.rfind("assets/", 0) == 0
                                           ? "public, max-age=31536000, immutable"
                                           : "no-cache");
  response.set_content(std::move(content), ContentTypeFor(file_string));
  return true;
}

}  // namespace chorus::server
