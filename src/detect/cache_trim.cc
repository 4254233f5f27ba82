#include "detect/cache_trim.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <vector>

namespace chorus::detect {
namespace {

namespace fs = std::filesystem;

bool IsCacheEntry(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".hsdb" || ext == ".terms" || ext == ".policy" || ext == ".packs";
}

bool IsLeftTemporary(const fs::path& p) {
  return p.filename().string().find(".tmp") != std::string::npos && IsCacheEntry(p.stem());
}

}  // namespace

uint64_t CacheLimitBytes() {
  const char* value = std::getenv("CHORUS_CACHE_MAX_MB");
  if (!value || !*value) return uint64_t{512} << 20;
  char* end = nullptr;
  const unsigned long long mb = std::strtoull(value, &end, 10);
  if (*end != '\0') return uint64_t{512} << 20;  // not a number: the default
  return static_cast<uint64_t>(mb) << 20;
}

void TrimCacheDirectory(const std::string& dir, uint64_t max_bytes, const std::string& keep) {
  if (max_bytes == 0 || dir.empty()) return;
  struct Entry {
    fs::path path;
    fs::file_time_type used;
    uint64_t size;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  const auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code e;
    if (!it->is_regular_file(e) || e) continue;
    const auto used = fs::last_write_time(p, e);
    if (e) continue;
    if (IsLeftTemporary(p)) {
      if (used < hour_ago) fs::remove(p, e);
      continue;
    }
    if (!IsCacheEntry(p)) continue;
    const uint64_t size = fs::file_size(p, e);
    if (e) continue;
    total += size;
    if (!keep.empty() && fs::equivalent(p, keep, e)) continue;
    entries.push_back({p, used, size});
  }
  if (total <= max_bytes) return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const auto& entry : entries) {
    if (total <= max_bytes) break;
    std::error_code e;
    if (fs::remove(entry.path, e) || !e) total -= std::min(total, entry.size);
  }
}

void TouchCacheFile(const std::string& path) {
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
}

}  // namespace chorus::detect
