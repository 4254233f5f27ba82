// SqliteStore: invitations (table invitations, migration 8).
#include "store/sqlite_rows.h"
#include "store/sqlite_store.h"

namespace chorus::store {

Status SqliteStore::CreateInvitation(InvitationRecord* invitation) {
  return Write([&] {
    if (Status s = db_.Run("INSERT INTO invitations (token_hash, user_id, created_by, created_at,"
                           " expires_at) VALUES (?, ?, ?, ?, ?)",
                           invitation->token_hash, invitation->user_id, invitation->created_by,
                           invitation->created_at, invitation->expires_at);
        !s.ok())
      return s;
    invitation->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::FindInvitation(std::string_view token_hash,
                                   std::optional<InvitationRecord>* out) {
  return SelectOne(
      "SELECT id, token_hash, user_id, created_by, created_at, expires_at, used_at"
      " FROM invitations WHERE token_hash = ?",
      [](const SqliteStatement& st) {
        return InvitationRecord{st.ColumnInt(0),        st.ColumnText(1), st.ColumnInt(2),
                                st.ColumnInt(3),        st.ColumnInt(4),  st.ColumnInt(5),
                                st.ColumnOptionalInt(6)};
      },
      out, token_hash);
}

Status SqliteStore::UseInvitation(int64_t id, int64_t at) {
  return Write([&] {
    if (Status s =
            db_.Run("UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL", at, id);
        !s.ok())
      return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error(std::string(kConflict));
  });
}

}  // namespace chorus::store
