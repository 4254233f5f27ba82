// SqliteDatabase: one SQLite connection opened in WAL mode with foreign keys on, and the
// prepared statements that run on it. A thin layer that turns SQLite's result codes into
// chorus::Status values; it knows nothing about Chorus's tables (see sqlite_store.h).
//
//   SqliteDatabase db;
//   Status s = SqliteDatabase::Open("data/chorus.db", &db);
//   SqliteStatement st;
//   s = db.Prepare("SELECT id FROM users WHERE email = ?", &st);
//   st.Bind(1, "a@example.com");
//   while (st.Step(&s)) { int64_t id = st.ColumnInt(0); }
//
// Thread-safety: none. A connection and its statements belong to one thread at a time; the
// caller (SqliteStore) serialises access with a mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace chorus::store {

class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Parameters are 1-based, as in SQLite.
  void Bind(int index, int64_t value);
  void Bind(int index, std::string_view value);
  void Bind(int index, const char* value) { Bind(index, std::string_view(value)); }
  void Bind(int index, const std::string& value) { Bind(index, std::string_view(value)); }
  void Bind(int index, const std::optional<int64_t>& value);
  void Bind(int index, const std::optional<std::string>& value);
  void BindNull(int index);
  // Binds bytes as a BLOB (read back with ColumnText, which keeps every byte).
  void BindBlob(int index, std::string_view bytes);

  // Advances to the next row: true while a row is available. On an error returns false and
  // sets *status; at the end returns false and leaves *status OK.
  bool Step(Status* status);
  // Runs a statement that returns no rows.
  Status Run();
  // Makes the statement ready to be bound and run again (bindings are replaced by the next
  // Bind calls).
  void Reset();

  int64_t ColumnInt(int column) const;
  std::optional<int64_t> ColumnOptionalInt(int column) const;
  std::string ColumnText(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  friend class SqliteDatabase;
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

class SqliteDatabase {
 public:
  SqliteDatabase() = default;
  SqliteDatabase(SqliteDatabase&& other) noexcept;
  SqliteDatabase& operator=(SqliteDatabase&& other) noexcept;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;
  ~SqliteDatabase();

  // Opens (creating if needed) the database file; ":memory:" opens a private in-memory one.
  // Sets WAL journal mode, synchronous=FULL, foreign_keys=ON and a busy timeout.
  static Status Open(const std::string& path, SqliteDatabase* out);

  // Runs one or more statements without parameters.
  Status Exec(std::string_view sql);
  Status Prepare(std::string_view sql, SqliteStatement* out);

  // Prepares `sql`, binds `params` to ?1, ?2 … in order and runs it (no rows expected).
  template <typename... Params>
  Status Run(std::string_view sql, const Params&... params) {
    SqliteStatement st;
    if (Status s = Prepare(sql, &st); !s.ok()) return s;
    int index = 0;
    (st.Bind(++index, params), ...);
    return st.Run();
  }

  // Prepares `sql` into `st` and binds `params` to ?1, ?2 … in order, ready to Step.
  template <typename... Params>
  Status Query(std::string_view sql, SqliteStatement* st, const Params&... params) {
    if (Status s = Prepare(sql, st); !s.ok()) return s;
    int index = 0;
    (st->Bind(++index, params), ...);
    return Status::Ok();
  }

  // Makes `fn` callable from SQL as name(text) on this connection (deterministic; NULL in,
  // NULL out). Used for chorus_fold (folded_key.h).
  using TextFunction = std::string (*)(std::string_view);
  Status RegisterTextFunction(const char* name, TextFunction fn);

  int64_t LastInsertId() const;
  int Changes() const;
  std::string JournalMode();

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace chorus::store
