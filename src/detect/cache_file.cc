#include "detect/cache_file.h"

#include "detect/cache_trim.h"

#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace chorus::detect {
namespace {

constexpr char kMagic[8] = {'C', 'H', 'O', 'R', 'U', 'S', 'C', '1'};
constexpr size_t kKindBytes = 16;

std::string Hex128(const XXH128_hash_t& h) {
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

std::string Header(std::string_view kind, uint32_t format_version, const std::string& key,
                   std::string_view payload) {
  ByteWriter w;
  w.bytes().append(kMagic, sizeof(kMagic));
  char kind_field[kKindBytes] = {};
  std::memcpy(kind_field, kind.data(), std::min(kind.size(), kKindBytes));
  w.bytes().append(kind_field, kKindBytes);
  w.Pod(format_version);
  w.Str(key);
  w.Pod(static_cast<uint64_t>(payload.size()));
  w.Pod(static_cast<uint64_t>(XXH3_64bits(payload.data(), payload.size())));
  return std::move(w.bytes());
}

}  // namespace

const std::string& BinaryIdentity() {
  static const std::string identity = [] {
    struct stat st {};
    if (::stat("/proc/self/exe", &st) != 0) return std::string();
    ByteWriter w;
    w.Pod(static_cast<uint64_t>(st.st_size));
    w.Pod(static_cast<int64_t>(st.st_mtim.tv_sec));
    w.Pod(static_cast<int64_t>(st.st_mtim.tv_nsec));
    w.Pod(static_cast<uint64_t>(st.st_ino));
    return std::move(w.bytes());
  }();
  return identity;
}

std::string CacheKey(std::string_view input) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, input.data(), input.size());
  const std::string& id = BinaryIdentity();
  XXH3_128bits_update(state, id.data(), id.size());
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return Hex128(h);
}

std::string CacheFilePath(const std::string& dir, const std::string& key, std::string_view kind) {
  return (std::filesystem::path(dir) / (key + "." + std::string(kind))).string();
}

void WriteCacheFile(const std::string& path, std::string_view kind, uint32_t format_version,
                    const std::string& key, std::string_view payload) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    const std::string header = Header(kind, format_version, key, payload);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    if (!out.flush()) {
      out.close();
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return;
  }
  TrimCacheDirectory(std::filesystem::path(path).parent_path().string(), CacheLimitBytes(), path);
}

bool ReadFileBytes(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  out->resize(static_cast<size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(out->data(), size));
}

bool ReadCacheFile(const std::string& path, std::string_view kind, uint32_t format_version,
                   const std::string& key, std::string* payload) {
  std::string& bytes = *payload;
  if (!ReadFileBytes(path, &bytes)) return false;
  // The header is as long as the one this key and kind would get.
  const std::string expected = Header(kind, format_version, key, {});
  const size_t header_size = expected.size();
  if (bytes.size() < header_size) return false;
  // Magic, kind, version and key must equal ours; then length and checksum the payload's.
  const size_t fixed = header_size - 2 * sizeof(uint64_t);
  if (bytes.compare(0, fixed, expected, 0, fixed) != 0) return false;
  ByteReader r(std::string_view(bytes).substr(fixed, 2 * sizeof(uint64_t)));
  const uint64_t length = r.Pod<uint64_t>();
  const uint64_t checksum = r.Pod<uint64_t>();
  if (r.failed() || length != bytes.size() - header_size) return false;
  if (XXH3_64bits(bytes.data() + header_size, length) != checksum) return false;
  bytes.erase(0, header_size);
  TouchCacheFile(path);
  return true;
}

}  // namespace chorus::detect
