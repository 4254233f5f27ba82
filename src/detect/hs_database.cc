#include "detect/hs_database.h"

#include "detect/cache_file.h"
#include "detect/cache_trim.h"

#include <hs/hs.h>
#include <unistd.h>
#include <xxhash.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace chorus::detect {
namespace {

std::atomic<uint64_t> next_serial{1};

// One scratch per thread, grown to fit every database this thread has scanned with.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  uint64_t last_serial = 0;  // the database scanned last (most scans repeat it)
  std::unordered_map<uint64_t, bool> fitted;
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
};

hs_scratch_t* ScratchFor(hs_database_t* db, uint64_t serial) {
  thread_local ThreadScratch ts;
  if (ts.last_serial == serial) return ts.scratch;
  ts.last_serial = serial;
  if (ts.fitted.count(serial)) return ts.scratch;
  if (hs_alloc_scratch(db, &ts.scratch) != HS_SUCCESS) {
    ts.last_serial = 0;
    return nullptr;
  }
  if (ts.fitted.size() > 4096) ts.fitted.clear();
  ts.fitted[serial] = true;
  return ts.scratch;
}

std::string CacheKey(const std::vector<HsPattern>& patterns, bool literals) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  const char* version = hs_version();
  XXH3_128bits_update(state, version, std::strlen(version));
  const char kind = literals ? 'L' : 'R';
  XXH3_128bits_update(state, &kind, 1);
  for (const auto& p : patterns) {
    const uint64_t header[3] = {p.id, p.flags, p.expression.size()};
    XXH3_128bits_update(state, header, sizeof(header));
    XXH3_128bits_update(state, p.expression.data(), p.expression.size());
  }
  XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace

HsDatabase::HsDatabase() = default;

HsDatabase::~HsDatabase() {
  if (db_) hs_free_database(db_);
}

Status HsDatabase::CompileLiterals(const std::vector<HsPattern>& literals,
                                   const std::string& cache_dir) {
  return Compile(literals, true, cache_dir);
}

Status HsDatabase::CompileRegexes(const std::vector<HsPattern>& patterns,
                                  const std::string& cache_dir) {
  return Compile(patterns, false, cache_dir);
}

Status HsDatabase::Compile(const std::vector<HsPattern>& patterns, bool literals,
                           const std::string& cache_dir) {
  if (db_) {
    hs_free_database(db_);
    db_ = nullptr;
  }
  loaded_from_cache_ = false;
  serial_ = next_serial.fetch_add(1);
  if (patterns.empty()) return Status::Ok();

  std::filesystem::path cache_file;
  if (!cache_dir.empty()) {
    cache_file = std::filesystem::path(cache_dir) / (CacheKey(patterns, literals) + ".hsdb");
    std::string bytes;
    if (ReadFileBytes(cache_file.string(), &bytes)) {
      if (hs_deserialize_database(bytes.data(), bytes.size(), &db_) == HS_SUCCESS) {
        loaded_from_cache_ = true;
        TouchCacheFile(cache_file.string());
        return Status::Ok();
      }
      db_ = nullptr;  // a damaged cache entry is simply rebuilt
    }
  }

  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  expressions.reserve(patterns.size());
  for (const auto& p : patterns) {
    expressions.push_back(p.expression.c_str());
    lengths.push_back(p.expression.size());
    flags.push_back(p.flags);
    ids.push_back(p.id);
  }
  hs_compile_error_t* error = nullptr;
  hs_error_t rc;
  if (literals) {
    rc = hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                              static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &db_,
                              &error);
  } else {
    rc = hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                          static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &db_,
                          &error);
  }
  if (rc != HS_SUCCESS) {
    std::string message = "pattern compilation failed";
    if (error) {
      if (error->expression >= 0 && static_cast<size_t>(error->expression) < patterns.size())
        message += " for \"" + patterns[static_cast<size_t>(error->expression)].expression + "\"";
      message += std::string(": ") + error->message;
      hs_free_compile_error(error);
    }
    db_ = nullptr;
    return Status::Error(message);
  }

  if (!cache_file.empty()) {
    char* bytes = nullptr;
    size_t length = 0;
    if (hs_serialize_database(db_, &bytes, &length) == HS_SUCCESS) {
      std::error_code ec;
      std::filesystem::create_directories(cache_file.parent_path(), ec);
      // Write to a private temporary name, then rename: readers never see half a file.
      const auto tmp = cache_file.string() + ".tmp" + std::to_string(::getpid());
      {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes, static_cast<std::streamsize>(length));
      }
      std::filesystem::rename(tmp, cache_file, ec);
      if (ec)
        std::filesystem::remove(tmp, ec);
      else
        TrimCacheDirectory(cache_file.parent_path().string(), CacheLimitBytes(),
                           cache_file.string());
      std::free(bytes);
    }
  }
  return Status::Ok();
}

Status HsDatabase::ScanRaw(std::string_view data, RawCallback on_match, void* ctx) const {
  if (!db_) return Status::Ok();
  hs_scratch_t* scratch = ScratchFor(db_, serial_);
  if (!scratch) return Status::Error("could not allocate pattern-matching scratch space");
  const hs_error_t rc =
      hs_scan(db_, data.data(), static_cast<unsigned>(data.size()), 0, scratch, on_match, ctx);
  if (rc != HS_SUCCESS)
    return Status::Error("pattern matching failed (code " + std::to_string(rc) + ")");
  return Status::Ok();
}

}  // namespace chorus::detect
