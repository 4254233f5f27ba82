// ZipArchive: reading members of a platform's export zip as streams (libzip), with the limits
// that keep a hostile archive harmless:
// - a member that says it unpacks to more than `max_member_bytes`, or whose unpacked size is
//   more than `max_ratio` times its packed size (beyond the first `ratio_floor` bytes), is
//   refused before a byte is unpacked ("zip bomb");
// - the bytes actually unpacked are counted: a member that yields more than it declared, or
//   more than `max_total_bytes` over all members read, stops with an error; a damaged member
//   (CRC mismatch, truncated data) is an error too;
// - an archive with more than `max_members` entries is refused.
//
//   std::unique_ptr<ZipArchive> zip;
//   Status s = ZipArchive::Open("twitter.zip", {}, &zip);
//   for (const auto& name : zip->names()) ...
//   std::unique_ptr<ByteSource> member;
//   s = zip->OpenMember("data/tweets.js", &member);
//
// Thread-safety: none; an archive and its member streams belong to one thread, and only one
// member stream is read at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/byte_source.h"

struct zip;

namespace chorus::ingest {

struct ZipLimits {
  uint64_t max_member_bytes = uint64_t{4} << 30;
  uint64_t max_total_bytes = uint64_t{8} << 30;
  uint64_t max_ratio = 200;
  uint64_t ratio_floor = uint64_t{1} << 20;
  uint64_t max_members = 1'000'000;
};

// True when `head` (the first bytes of a file) starts like a zip archive.
bool LooksLikeZip(std::string_view head);

class ZipArchive {
 public:
  static Status Open(const std::string& path, const ZipLimits& limits,
                     std::unique_ptr<ZipArchive>* out);
  // From bytes in memory (tests, fuzz targets); `bytes` must outlive the archive.
  static Status OpenBytes(std::string_view bytes, const ZipLimits& limits,
                          std::unique_ptr<ZipArchive>* out);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Member names in archive order (directories included, as the archive lists them).
  const std::vector<std::string>& names() const { return names_; }
  Status OpenMember(const std::string& name, std::unique_ptr<ByteSource>* out);

 private:
  class Member;
  ZipArchive(zip* archive, const ZipLimits& limits) : archive_(archive), limits_(limits) {}
  Status ReadNames();

  zip* archive_;
  const ZipLimits limits_;
  std::vector<std::string> names_;
  uint64_t total_read_ = 0;
};

}  // namespace chorus::ingest
