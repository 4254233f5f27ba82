// SqliteStore: policy versions, their comments and acknowledgements.
#include "store/sqlite_rows.h"
#include "store/sqlite_store.h"

namespace chorus::store {
namespace {

constexpr std::string_view kPolicyColumns =
    "id, number, title, yaml, status, created_by, created_at, published_by, published_at";

PolicyVersionRecord ReadPolicyVersion(const SqliteStatement& st) {
  PolicyVersionRecord v;
  v.id = st.ColumnInt(0);
  v.number = st.ColumnOptionalInt(1);
  v.title = st.ColumnText(2);
  v.yaml = st.ColumnText(3);
  v.status = st.ColumnText(4);
  v.created_by = st.ColumnInt(5);
  v.created_at = st.ColumnInt(6);
  v.published_by = st.ColumnOptionalInt(7);
  v.published_at = st.ColumnOptionalInt(8);
  return v;
}

}  // namespace

Status SqliteStore::CreatePolicyVersion(PolicyVersionRecord* version) {
  return Write([&] {
    if (Status s =
            db_.Run("INSERT INTO policy_versions (title, yaml, status, created_by, created_at)"
                    " VALUES (?, ?, 'draft', ?, ?)",
                    version->title, version->yaml, version->created_by, version->created_at);
        !s.ok())
      return s;
    version->id = db_.LastInsertId();
    version->status = "draft";
    version->number.reset();
    return Status::Ok();
  });
}

Status SqliteStore::UpdatePolicyDraft(int64_t id, std::string_view title, std::string_view yaml) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query(
            "UPDATE policy_versions SET title = ?, yaml = ? WHERE id = ? AND status = 'draft'", &st,
            title, yaml, id);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error(std::string(kConflict));
  });
}

Status SqliteStore::PublishPolicyVersion(int64_t id, int64_t by, int64_t at) {
  return Write([&] {
    if (Status s = db_.Run("UPDATE policy_versions SET status = 'published', published_by = ?,"
                           " published_at = ?,"
                           " number = (SELECT COALESCE(MAX(number), 0) + 1 FROM policy_versions)"
                           " WHERE id = ? AND status = 'draft'",
                           by, at, id);
        !s.ok())
      return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error(std::string(kConflict));
  });
}

Status SqliteStore::DeletePolicyDraft(int64_t id) {
  return Write([&] {
    std::optional<PolicyVersionRecord> version;
    if (Status s = FindPolicyVersion(id, &version); !s.ok()) return s;
    if (!version || version->status != "draft") return Status::Error(std::string(kConflict));
    if (Status s = db_.Run("DELETE FROM policy_comments WHERE version_id = ?", id); !s.ok())
      return s;
    if (Status s = db_.Run("DELETE FROM policy_versions WHERE id = ? AND status = 'draft'", id);
        !s.ok())
      return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error(std::string(kConflict));
  });
}

Status SqliteStore::FindPolicyVersion(int64_t id, std::optional<PolicyVersionRecord>* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s =
          db_.Query(Sql("SELECT", kPolicyColumns, "FROM policy_versions WHERE id = ?"), &st, id);
      !s.ok())
    return s;
  return CollectOne(st, ReadPolicyVersion, out);
}

Status SqliteStore::FindCurrentPolicyVersion(std::optional<PolicyVersionRecord>* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s = db_.Prepare(Sql("SELECT", kPolicyColumns,
                                 "FROM policy_versions WHERE status = 'published'"
                                 " ORDER BY number DESC LIMIT 1"),
                             &st);
      !s.ok()) {
    return s;
  }
  return CollectOne(st, ReadPolicyVersion, out);
}

Status SqliteStore::ListPolicyVersions(std::vector<PolicyVersionRecord>* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s =
          db_.Prepare(Sql("SELECT", kPolicyColumns, "FROM policy_versions ORDER BY id DESC"), &st);
      !s.ok()) {
    return s;
  }
  return CollectRows(st, ReadPolicyVersion, out);
}

Status SqliteStore::AddPolicyComment(PolicyCommentRecord* comment) {
  return Write([&] {
    if (Status s =
            db_.Run("INSERT INTO policy_comments (version_id, author_id, text, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    comment->version_id, comment->author_id, comment->text, comment->created_at);
        !s.ok())
      return s;
    comment->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::ListPolicyComments(int64_t version_id, std::vector<PolicyCommentRecord>* out) {
  return SelectAll(
      "SELECT id, version_id, author_id, text, created_at FROM policy_comments"
      " WHERE version_id = ? ORDER BY id",
      [](const SqliteStatement& r) {
        return PolicyCommentRecord{r.ColumnInt(0), r.ColumnInt(1), r.ColumnInt(2), r.ColumnText(3),
                                   r.ColumnInt(4)};
      },
      out, version_id);
}

Status SqliteStore::Acknowledge(const AcknowledgementRecord& ack) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query(
            "INSERT OR IGNORE INTO acknowledgements (user_id, version_id, acknowledged_at)"
            " VALUES (?, ?, ?)",
            &st, ack.user_id, ack.version_id, ack.acknowledged_at);
        !s.ok())
      return s;
    return st.Run();
  });
}

Status SqliteStore::FindAcknowledgement(int64_t user_id, int64_t version_id,
                                        std::optional<AcknowledgementRecord>* out) {
  return SelectOne(
      "SELECT user_id, version_id, acknowledged_at FROM acknowledgements"
      " WHERE user_id = ? AND version_id = ?",
      [](const SqliteStatement& r) {
        return AcknowledgementRecord{r.ColumnInt(0), r.ColumnInt(1), r.ColumnInt(2)};
      },
      out, user_id, version_id);
}

Status SqliteStore::ListAcknowledgements(int64_t version_id,
                                         std::vector<AcknowledgementRecord>* out) {
  return SelectAll(
      "SELECT user_id, version_id, acknowledged_at FROM acknowledgements"
      " WHERE version_id = ? ORDER BY acknowledged_at",
      [](const SqliteStatement& r) {
        return AcknowledgementRecord{r.ColumnInt(0), r.ColumnInt(1), r.ColumnInt(2)};
      },
      out, version_id);
}

}  // namespace chorus::store
