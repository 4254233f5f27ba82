// Reading the rows of a prepared SQLite statement into records: the helpers every
// SqliteStore file shares. Internal to src/store (included by sqlite_*.cc only).
// Thread-safety: as the statement (one thread at a time, under SqliteStore's lock).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/sqlite_database.h"
#include "store/sqlite_store.h"

namespace chorus::store {

// Collects every row of a prepared statement through `read`.
template <typename Record, typename Reader>
Status CollectRows(SqliteStatement& st, Reader read, std::vector<Record>* out) {
  out->clear();
  Status s;
  while (st.Step(&s)) out->push_back(read(st));
  return s;
}

// The first row of a prepared statement through `read`; empty when there is none.
template <typename Record, typename Reader>
Status CollectOne(SqliteStatement& st, Reader read, std::optional<Record>* out) {
  out->reset();
  Status s;
  if (st.Step(&s)) *out = read(st);
  return s;
}

// "SELECT columns rest".
inline std::string Sql(std::string_view select, std::string_view columns, std::string_view rest) {
  return std::string(select) + " " + std::string(columns) + " " + std::string(rest);
}

template <typename Record, typename Reader, typename... Params>
Status SqliteStore::SelectAll(std::string_view sql, Reader read, std::vector<Record>* out,
                              const Params&... params) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s = db_.Query(sql, &st, params...); !s.ok()) return s;
  return CollectRows(st, read, out);
}

template <typename Record, typename Reader, typename... Params>
Status SqliteStore::SelectOne(std::string_view sql, Reader read, std::optional<Record>* out,
                              const Params&... params) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s = db_.Query(sql, &st, params...); !s.ok()) return s;
  return CollectOne(st, read, out);
}

}  // namespace chorus::store
