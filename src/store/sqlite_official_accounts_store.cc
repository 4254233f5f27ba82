#include "store/sqlite_official_accounts_store.h"

namespace chorus::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, platform, handle, owner_id, owner_team_id, backup_owner_id, credentials_ref,"
    " two_factor, last_review_at, created_at FROM official_accounts ";

OfficialAccountRecord Read(const SqliteStatement& st) {
  OfficialAccountRecord a;
  a.id = st.ColumnInt(0);
  a.platform = st.ColumnText(1);
  a.handle = st.ColumnText(2);
  a.owner_id = st.ColumnOptionalInt(3);
  a.owner_team_id = st.ColumnOptionalInt(4);
  a.backup_owner_id = st.ColumnOptionalInt(5);
  a.credentials_ref = st.ColumnText(6);
  a.two_factor = st.ColumnText(7);
  a.last_review_at = st.ColumnOptionalInt(8);
  a.created_at = st.ColumnInt(9);
  return a;
}

std::string Key(const std::string& handle) {
  std::string key = handle;
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

}  // namespace

Status SqliteOfficialAccountsStore::CreateOfficialAccount(OfficialAccountRecord* a) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s = db.Run(
            "INSERT INTO official_accounts (platform, handle, handle_key, owner_id, owner_team_id,"
            " backup_owner_id, credentials_ref, two_factor, last_review_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            a->platform, a->handle, Key(a->handle), a->owner_id, a->owner_team_id,
            a->backup_owner_id, a->credentials_ref, a->two_factor, a->last_review_at,
            a->created_at);
        !s.ok())
      return s;
    a->id = db.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteOfficialAccountsStore::UpdateOfficialAccount(const OfficialAccountRecord& a) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    return db.Run(
        "UPDATE official_accounts SET platform = ?, handle = ?, handle_key = ?, owner_id = ?,"
        " owner_team_id = ?, backup_owner_id = ?, credentials_ref = ?, two_factor = ?,"
        " last_review_at = ? WHERE id = ?",
        a.platform, a.handle, Key(a.handle), a.owner_id, a.owner_team_id, a.backup_owner_id,
        a.credentials_ref, a.two_factor, a.last_review_at, a.id);
  });
}

Status SqliteOfficialAccountsStore::FindOfficialAccount(int64_t id,
                                                        std::optional<OfficialAccountRecord>* out) {
  out->reset();
  return store_.WithDatabase([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query(std::string(kColumns) + "WHERE id = ?", &st, id); !s.ok()) return s;
    Status s;
    if (st.Step(&s)) *out = Read(st);
    return s;
  });
}

Status SqliteOfficialAccountsStore::ListOfficialAccounts(std::vector<OfficialAccountRecord>* out) {
  out->clear();
  return store_.WithDatabase([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query(std::string(kColumns) + "ORDER BY id", &st); !s.ok()) return s;
    Status s;
    while (st.Step(&s)) out->push_back(Read(st));
    return s;
  });
}

Status SqliteOfficialAccountsStore::DeleteOfficialAccount(int64_t id) {
  return store_.WithDatabase(
      [&](SqliteDatabase& db) { return db.Run("DELETE FROM official_accounts WHERE id = ?", id); });
}

}  // namespace chorus::store
