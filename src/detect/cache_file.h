// CacheFile: the on-disk format of compiled structures cached beside the Hyperscan databases
// (the term index, the parsed policy). A file is a header (magic, format version, kind, the
// 128-bit key it was written for, payload length, XXH3 checksum of the payload) followed by
// the payload written with ByteWriter. ReadCacheFile returns the payload only if every header
// field matches and the checksum agrees, so a truncated, corrupt or stale file is reported as
// absent (the caller rebuilds), never misread. ByteReader is bounds-checked: a payload that
// does not parse sets failed() instead of reading past its end.
//
// Keys: CacheKey hashes the caller's inputs together with BinaryIdentity() (size and mtime of
// the running executable), so a rebuilt binary never reads a cache written by another build.
//
// Thread-safety: free functions are thread-safe; writers and readers are per-use objects.
// Concurrent writers of one key each write a private temporary file and rename it into place.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace chorus::detect {

// Appends values to a byte string (native byte order: caches never leave the machine).
class ByteWriter {
 public:
  template <typename T>
  void Pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  void U32(uint64_t v) { Pod(static_cast<uint32_t>(v)); }
  void Str(std::string_view s) {
    U32(s.size());
    out_.append(s.data(), s.size());
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote; after any out-of-bounds read, failed() is true and every
// further read returns zero values.
class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  template <typename T>
  T Pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v{};
    if (failed_ || data_.size() - pos_ < sizeof(T)) {
      failed_ = true;
      return v;
    }
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  uint32_t U32() { return Pod<uint32_t>(); }
  // A count of items that each take at least `min_item_bytes`: fails if the rest cannot hold
  // them, so a corrupt count never makes the caller reserve gigabytes.
  uint32_t Count(size_t min_item_bytes = 1) {
    const uint32_t n = U32();
    if (!failed_ && static_cast<uint64_t>(n) * min_item_bytes > data_.size() - pos_) {
      failed_ = true;
      return 0;
    }
    return n;
  }
  std::string Str() {
    const uint32_t n = Count();
    if (failed_) return {};
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  bool failed() const { return failed_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  bool failed_ = false;
};

// Size and modification time of the running executable, as bytes to hash into keys; empty
// if unknown (then keys still differ by the format versions of their callers).
const std::string& BinaryIdentity();

// A hex key of `input` plus BinaryIdentity().
std::string CacheKey(std::string_view input);

// The path of the cache file for `key` of `kind` (e.g. "terms") in `dir`.
std::string CacheFilePath(const std::string& dir, const std::string& key, std::string_view kind);

// Writes `payload` with its header to `path` atomically (temporary file, then rename).
// Failures are ignored: a cache that cannot be written is simply not used.
void WriteCacheFile(const std::string& path, std::string_view kind, uint32_t format_version,
                    const std::string& key, std::string_view payload);

// The whole content of the file at `path`; false if it cannot be read.
bool ReadFileBytes(const std::string& path, std::string* out);

// The payload of `path`, if the file exists and its header (kind, version, key, length,
// checksum) is valid; false otherwise.
bool ReadCacheFile(const std::string& path, std::string_view kind, uint32_t format_version,
                   const std::string& key, std::string* payload);

}  // namespace chorus::detect
