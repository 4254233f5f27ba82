// RegexSet: regular expressions matched in two passes, so that the cost of finding where a
// match starts is paid only by the posts that hold one. Hyperscan's HS_FLAG_SOM_LEFTMOST
// makes every pattern track possible starts on every byte (the credential and host patterns
// cost ten times their plain scan); most posts match none of them.
//
// Pass one scans every pattern without start-of-match tracking (patterns that asked for it
// report once, HS_FLAG_SINGLEMATCH: only whether they match is needed). Only when one of
// those matched does pass two scan the start-tracking patterns as given. The matches reported
// are the same as one database of the patterns as given: the same (id, from, to) triples,
// with `from` meaningful for start-tracking patterns only; their order is not kept (callers
// sort them).
//
// Thread-safety: immutable after Compile(); Scan() may run on any number of threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "detect/hs_database.h"

namespace chorus::detect {

class RegexSet {
 public:
  // Compiles both passes (each cached in `cache_dir` as HsDatabase caches; may be empty).
  Status Compile(const std::vector<HsPattern>& patterns, const std::string& cache_dir);

  // Calls on_match(id, from, to) for every match, as HsDatabase::Scan does.
  template <typename F>
  Status Scan(std::string_view data, F&& on_match) const {
    bool locate = false;
    Status s =
        find_.Scan(data, [&](unsigned index, unsigned long long from, unsigned long long to) {
          const Entry& e = entries_[index];
          if (e.tracks_start)
            locate = true;
          else
            on_match(e.id, from, to);
        });
    if (!s.ok() || !locate) return s;
    return locate_.Scan(data, on_match);
  }

  bool loaded_from_cache() const { return find_.loaded_from_cache(); }

 private:
  struct Entry {
    unsigned id = 0;
    bool tracks_start = false;
  };
  std::vector<Entry> entries_;  // by index in pass one
  HsDatabase find_;             // every pattern, without start tracking
  HsDatabase locate_;           // the start-tracking patterns, as given
};

}  // namespace chorus::detect
