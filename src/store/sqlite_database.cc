#include "store/sqlite_database.h"

#include <sqlite3.h>

#include <utility>

namespace chorus::store {
namespace {

Status SqliteError(sqlite3* db, std::string_view what) {
  return Status::Error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(stmt_);
}

void SqliteStatement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void SqliteStatement::Bind(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void SqliteStatement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

void SqliteStatement::Bind(int index, const std::optional<std::string>& value) {
  if (value) {
    Bind(index, std::string_view(*value));
  } else {
    BindNull(index);
  }
}

void SqliteStatement::Bind(int index, const std::optional<int64_t>& value) {
  if (value) {
    Bind(index, *value);
  } else {
    BindNull(index);
  }
}

void SqliteStatement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
}

bool SqliteStatement::Step(Status* status) {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = SqliteError(db_, "database step failed");
  return false;
}

Status SqliteStatement::Run() {
  Status status;
  while (Step(&status)) {
  }
  return status;
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
}

int64_t SqliteStatement::ColumnInt(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::optional<int64_t> SqliteStatement::ColumnOptionalInt(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return ColumnInt(column);
}

std::string SqliteStatement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool SqliteStatement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

SqliteDatabase::SqliteDatabase(SqliteDatabase&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)) {}

SqliteDatabase& SqliteDatabase::operator=(SqliteDatabase&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

SqliteDatabase::~SqliteDatabase() {
  sqlite3_close_v2(db_);
}

Status SqliteDatabase::Open(const std::string& path, SqliteDatabase* out) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(db, "cannot open " + path);
    sqlite3_close_v2(db);
    return s;
  }
  SqliteDatabase opened;
  opened.db_ = db;
  sqlite3_busy_timeout(db, 5000);
  if (Status s = opened.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                             " PRAGMA foreign_keys=ON;");
      !s.ok()) {
    return s;
  }
  *out = std::move(opened);
  return Status::Ok();
}

namespace {

void CallTextFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto fn = reinterpret_cast<SqliteDatabase::TextFunction>(sqlite3_user_data(context));
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int size = sqlite3_value_bytes(argv[0]);
  const std::string result = fn(std::string_view(text ? text : "", text ? size : 0));
  sqlite3_result_text64(context, result.data(), result.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

Status SqliteDatabase::RegisterTextFunction(const char* name, TextFunction fn) {
  if (sqlite3_create_function_v2(db_, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                 reinterpret_cast<void*>(fn), &CallTextFunction, nullptr, nullptr,
                                 nullptr) != SQLITE_OK) {
    return Status::Error(std::string("cannot register SQL function ") + name);
  }
  return Status::Ok();
}

Status SqliteDatabase::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string statement(sql);
  if (sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    Status s = Status::Error(std::string("database error: ") + (error ? error : "unknown"));
    sqlite3_free(error);
    return s;
  }
  return Status::Ok();
}

Status SqliteDatabase::Prepare(std::string_view sql, SqliteStatement* out) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr) !=
      SQLITE_OK) {
    return SqliteError(db_, "cannot prepare statement");
  }
  SqliteStatement prepared;
  prepared.stmt_ = stmt;
  prepared.db_ = db_;
  *out = std::move(prepared);
  return Status::Ok();
}

int64_t SqliteDatabase::LastInsertId() const {
  return sqlite3_last_insert_rowid(db_);
}

int SqliteDatabase::Changes() const {
  return sqlite3_changes(db_);
}

std::string SqliteDatabase::JournalMode() {
  SqliteStatement st;
  if (!Prepare("PRAGMA journal_mode", &st).ok()) return {};
  Status s;
  return st.Step(&s) ? st.ColumnText(0) : std::string();
}

}  // namespace chorus::store
