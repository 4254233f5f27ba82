// The paging parameters every list route takes: `?page=N` (1-based, default 1) and
// `?limit=N` (1 to kMaxPageSize, default kDefaultPageSize), and the `page` object every list
// answer carries: {"number", "limit", "more"} — `more` says whether a next page exists.
// A bad value is answered with 400 invalid_field.
//
// Thread-safety: stateless functions.
#pragma once

#include <nlohmann/json.hpp>

#include "server/api_call.h"
#include "store/store.h"

namespace chorus::server {

constexpr int64_t kDefaultPageSize = 20;
constexpr int64_t kMaxPageSize = 50;

// Reads ?page= and ?limit= into `out`; on a bad value answers 400 and returns false.
bool ReadPageParams(ApiCall& call, store::PageRequest* out);

// Drops the extra row a store list fetched (see store::PageRequest) and describes the page.
template <typename Record>
nlohmann::json TrimPage(const store::PageRequest& page, std::vector<Record>* rows) {
  const bool more = static_cast<int64_t>(rows->size()) > page.limit;
  if (more) rows->resize(static_cast<size_t>(page.limit));
  return {{"number", page.offset / page.limit + 1}, {"limit", page.limit}, {"more", more}};
}

}  // namespace chorus::server
