// SqliteStore: the reads behind a person's own data export.
#include "store/sqlite_rows.h"
#include "store/sqlite_store.h"

namespace chorus::store {

Status SqliteStore::ListAcknowledgementsOfUser(int64_t user_id,
                                               std::vector<AcknowledgementRecord>* out) {
  return SelectAll(
      "SELECT user_id, version_id, acknowledged_at FROM acknowledgements"
      " WHERE user_id = ? ORDER BY acknowledged_at, version_id",
      [](const SqliteStatement& r) {
        return AcknowledgementRecord{r.ColumnInt(0), r.ColumnInt(1), r.ColumnInt(2)};
      },
      out, user_id);
}

Status SqliteStore::ListPolicyCommentsOfAuthor(int64_t author_id,
                                               std::vector<PolicyCommentRecord>* out) {
  return SelectAll(
      "SELECT id, version_id, author_id, text, created_at FROM policy_comments"
      " WHERE author_id = ? ORDER BY id",
      [](const SqliteStatement& r) {
        return PolicyCommentRecord{r.ColumnInt(0), r.ColumnInt(1), r.ColumnInt(2), r.ColumnText(3),
                                   r.ColumnInt(4)};
      },
      out, author_id);
}

Status SqliteStore::ListAuditAboutPerson(int64_t user_id, int64_t limit,
                                         std::vector<AuditRecord>* out) {
  // The objects are written as "kind:id" (program/audit.h).
  return SelectAll(
      "SELECT id, at, actor_id, action, object, detail FROM audit_log"
      " WHERE actor_id = ?1 OR object = 'user:' || ?1"
      " OR object IN (SELECT 'post:' || id FROM posts WHERE author_id = ?1)"
      " OR object IN (SELECT 'question:' || id FROM questions WHERE author_id = ?1)"
      " OR object IN (SELECT 'linked_account:' || id FROM linked_accounts WHERE user_id = ?1)"
      " OR object IN (SELECT 'incident:' || id FROM incidents WHERE author_id = ?1)"
      " ORDER BY id DESC LIMIT ?2",
      [](const SqliteStatement& r) {
        return AuditRecord{r.ColumnInt(0),  r.ColumnInt(1),  r.ColumnOptionalInt(2),
                           r.ColumnText(3), r.ColumnText(4), r.ColumnText(5)};
      },
      out, user_id, limit);
}

}  // namespace chorus::store
