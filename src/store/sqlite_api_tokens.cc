// SqliteStore: API tokens (table api_tokens), kept apart from sqlite_store.cc for size.
#include "store/sqlite_store.h"

namespace chorus::store {
namespace {

constexpr std::string_view kTokenColumns =
    "SELECT id, token_hash, user_id, name, created_at, revoked, expires_at, last_used_at,"
    " revoked_at FROM api_tokens ";

ApiTokenRecord ReadToken(const SqliteStatement& st) {
  ApiTokenRecord t;
  t.id = st.ColumnInt(0);
  t.token_hash = st.ColumnText(1);
  t.user_id = st.ColumnInt(2);
  t.name = st.ColumnText(3);
  t.created_at = st.ColumnInt(4);
  t.revoked = st.ColumnInt(5) != 0;
  t.expires_at = st.ColumnInt(6);
  t.last_used_at = st.ColumnOptionalInt(7);
  t.revoked_at = st.ColumnOptionalInt(8);
  return t;
}

}  // namespace

Status SqliteStore::CreateApiToken(ApiTokenRecord* token) {
  return Write([&] {
    if (Status s = db_.Run("INSERT INTO api_tokens (token_hash, user_id, name, created_at, revoked,"
                           " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                           token->token_hash, token->user_id, token->name, token->created_at,
                           static_cast<int64_t>(token->revoked), token->expires_at);
        !s.ok())
      return s;
    token->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::FindApiToken(std::string_view token_hash, std::optional<ApiTokenRecord>* out) {
  std::lock_guard lock(mutex_);
  out->reset();
  SqliteStatement st;
  if (Status s = db_.Query(std::string(kTokenColumns) + "WHERE token_hash = ?", &st, token_hash);
      !s.ok())
    return s;
  Status s;
  if (st.Step(&s)) *out = ReadToken(st);
  return s;
}

Status SqliteStore::FindApiTokenById(int64_t id, std::optional<ApiTokenRecord>* out) {
  std::lock_guard lock(mutex_);
  out->reset();
  SqliteStatement st;
  if (Status s = db_.Query(std::string(kTokenColumns) + "WHERE id = ?", &st, id); !s.ok()) return s;
  Status s;
  if (st.Step(&s)) *out = ReadToken(st);
  return s;
}

Status SqliteStore::ListApiTokensOfUser(int64_t user_id, std::vector<ApiTokenRecord>* out) {
  std::lock_guard lock(mutex_);
  out->clear();
  SqliteStatement st;
  if (Status s = db_.Query(std::string(kTokenColumns) + "WHERE user_id = ? ORDER BY id DESC", &st,
                           user_id);
      !s.ok())
    return s;
  Status s;
  while (st.Step(&s)) out->push_back(ReadToken(st));
  return s;
}

Status SqliteStore::RevokeApiToken(int64_t id, int64_t at) {
  return Write([&] {
    if (Status s = db_.Run("UPDATE api_tokens SET revoked = 1, revoked_at = COALESCE(revoked_at, ?)"
                           " WHERE id = ?",
                           at, id);
        !s.ok())
      return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error("no such token");
  });
}

Status SqliteStore::RevokeApiTokensOfUser(int64_t user_id, int64_t at, int64_t* revoked) {
  return Write([&] {
    if (Status s = db_.Run("UPDATE api_tokens SET revoked = 1, revoked_at = ?"
                           " WHERE user_id = ? AND revoked = 0",
                           at, user_id);
        !s.ok())
      return s;
    if (revoked) *revoked = db_.Changes();
    return Status::Ok();
  });
}

Status SqliteStore::TouchApiToken(int64_t id, int64_t at, int64_t min_gap) {
  return Write([&] {
    return db_.Run(
        "UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2"
        " AND (last_used_at IS NULL OR last_used_at <= ?1 - ?3)",
        at, id, min_gap);
  });
}

}  // namespace chorus::store
