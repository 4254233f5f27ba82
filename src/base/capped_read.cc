#include "base/capped_read.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

namespace chorus {

std::string DescribeBytes(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

Status ReadStreamCapped(std::istream& in, const std::string& name, size_t max_bytes,
                        std::string* out) {
  out->clear();
  constexpr size_t kChunk = 64 * 1024;
  while (true) {
    // Never more than one byte over the cap: enough to know the input is too large.
    const size_t want = std::min(kChunk, max_bytes + 1 - out->size());
    const size_t old_size = out->size();
    out->resize(old_size + want);
    in.read(out->data() + old_size, static_cast<std::streamsize>(want));
    out->resize(old_size + static_cast<size_t>(in.gcount()));
    if (out->size() > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return Status::Error(name + " is larger than the limit of " + DescribeBytes(max_bytes));
    }
    if (in.eof()) return Status::Ok();
    if (!in) {
      out->clear();
      return Status::Error("cannot read " + name);
    }
  }
}

Status ReadFileCapped(const std::string& path, size_t max_bytes, std::string* out) {
  out->clear();
  if (path == "-") return ReadStreamCapped(std::cin, "standard input", max_bytes, out);
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return Status::Error(path + " is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int saved = errno;
    return Status::Error("cannot read " + path +
                         (saved ? std::string(": ") + std::strerror(saved) : ""));
  }
  return ReadStreamCapped(in, path, max_bytes, out);
}

}  // namespace chorus
