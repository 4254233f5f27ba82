// HsDatabase: a compiled Hyperscan database with its scratch management and an optional
// on-disk cache. Compiling thousands of patterns takes seconds; a database whose exact
// pattern list was compiled before is loaded from the cache directory in milliseconds.
//
// Thread-safety: an HsDatabase is immutable after Compile*(); Scan() may be called from any
// number of threads at once (each thread keeps its own scratch space).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
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

  // Reports every match as (id, from, to); `from` is only meaningful for patterns compiled
  // with HS_FLAG_SOM_LEFTMOST (literals: compute it from the literal's length).
  using MatchFn = std::function<void(unsigned id, unsigned long long from, unsigned long long to)>;
  Status Scan(std::string_view data, const MatchFn& on_match) const;

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
