// HsDatabase: a compiled Hyperscan database with its scratch management and an optional
// on-disk cache. Compiling thousands of patterns takes seconds; a database whose exact
// pattern list was compiled before is loaded from the cache directory in milliseconds.
//
// Thread-safety: an HsDatabase is immutable after Compile*(); Scan() may be called from any
// number of threads at once (each thread keeps its own scratch space).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/status.h"

struct hs_database;

namespace chorus::detect {

struct HsPattern {
  std::string expression;  // a literal (for CompileLiterals) or a Hyperscan regex
  unsigned id = 0;
  unsigned flags = 0;  // HS_FLAG_* (CompileRegexes only)
};

class HsDatabase {
 public:
  HsDatabase();
  ~HsDatabase();
  HsDatabase(const HsDatabase&) = delete;
  HsDatabase& operator=(const HsDatabase&) = delete;

  // Compiles exact byte literals (matched case-sensitively; callers fold text first).
  // An empty list gives a database that never matches. `cache_dir` may be empty (no cache).
  Status CompileLiterals(const std::vector<HsPattern>& literals, const std::string& cache_dir);

  // Compiles regular expressions; each pattern's flags are used as given.
  Status CompileRegexes(const std::vector<HsPattern>& patterns, const std::string& cache_dir);

  // Reports every match as on_match(id, from, to); `from` is only meaningful for patterns
  // compiled with HS_FLAG_SOM_LEFTMOST (literals: compute it from the literal's length).
  // `on_match` is called directly (no std::function, no allocation).
  template <typename F>
  Status Scan(std::string_view data, F&& on_match) const {
    using Fn = std::remove_reference_t<F>;
    return ScanRaw(
        data,
        [](unsigned id, unsigned long long from, unsigned long long to, unsigned,
           void* ctx) -> int {
          (*static_cast<Fn*>(ctx))(id, from, to);
          return 0;
        },
        const_cast<void*>(static_cast<const void*>(&on_match)));
  }

  // The callback type of Hyperscan (hs_scan's match_event_handler).
  using RawCallback = int (*)(unsigned id, unsigned long long from, unsigned long long to,
                              unsigned flags, void* ctx);
  Status ScanRaw(std::string_view data, RawCallback on_match, void* ctx) const;

  bool empty() const { return db_ == nullptr; }
  // True if the last Compile*() call was answered from the cache.
  bool loaded_from_cache() const { return loaded_from_cache_; }

 private:
  Status Compile(const std::vector<HsPattern>& patterns, bool literals,
                 const std::string& cache_dir);

  hs_database* db_ = nullptr;
  uint64_t serial_ = 0;  // unique per compiled database, keys the per-thread scratch
  bool loaded_from_cache_ = false;
};

}  // namespace chorus::detect
