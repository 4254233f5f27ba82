#include "detect/regex_set.h"

#include <hs/hs.h>

namespace chorus::detect {

Status RegexSet::Compile(const std::vector<HsPattern>& patterns, const std::string& cache_dir) {
  entries_.clear();
  std::vector<HsPattern> find, locate;
  find.reserve(patterns.size());
  for (const auto& p : patterns) {
    const bool tracks_start = (p.flags & HS_FLAG_SOM_LEFTMOST) != 0;
    unsigned flags = p.flags & ~static_cast<unsigned>(HS_FLAG_SOM_LEFTMOST);
    if (tracks_start) {
      flags |= HS_FLAG_SINGLEMATCH;
      locate.push_back(p);
    }
    find.push_back({p.expression, static_cast<unsigned>(entries_.size()), flags});
    entries_.push_back({p.id, tracks_start});
  }
  if (Status s = find_.CompileRegexes(find, cache_dir); !s.ok()) return s;
  return locate_.CompileRegexes(locate, cache_dir);
}

}  // namespace chorus::detect
