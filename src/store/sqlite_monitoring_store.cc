#include "store/sqlite_monitoring_store.h"

#include "store/sqlite_rows.h"

namespace chorus::store {
namespace {

constexpr std::string_view kAccountColumns = "id, user_id, platform, handle, linked_at, linked_by";
constexpr std::string_view kPostColumns =
    "id, account_id, user_id, platform, platform_id, url, published, text, language, verdict, "
    "findings_json, policy_version_id, imported_at";

LinkedAccountRecord ReadAccount(const SqliteStatement& st) {
  LinkedAccountRecord a;
  a.id = st.ColumnInt(0);
  a.user_id = st.ColumnInt(1);
  a.platform = st.ColumnText(2);
  a.handle = st.ColumnText(3);
  a.linked_at = st.ColumnInt(4);
  a.linked_by = st.ColumnOptionalInt(5);
  return a;
}

MonitoredPostRecord ReadMonitoredPost(const SqliteStatement& st) {
  MonitoredPostRecord p;
  p.id = st.ColumnInt(0);
  p.account_id = st.ColumnInt(1);
  p.user_id = st.ColumnInt(2);
  p.platform = st.ColumnText(3);
  p.platform_id = st.ColumnText(4);
  p.url = st.ColumnText(5);
  p.published = st.ColumnText(6);
  p.text = st.ColumnText(7);
  p.language = st.ColumnText(8);
  p.verdict = st.ColumnText(9);
  p.findings_json = st.ColumnText(10);
  p.policy_version_id = st.ColumnOptionalInt(11);
  p.imported_at = st.ColumnInt(12);
  return p;
}

}  // namespace

Status SqliteMonitoringStore::LinkAccount(LinkedAccountRecord* account, bool* created) {
  return base_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s =
            db.Run("INSERT INTO linked_accounts (user_id, platform, handle, linked_at, linked_by)"
                   " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, platform, handle) DO NOTHING",
                   account->user_id, account->platform, account->handle, account->linked_at,
                   account->linked_by);
        !s.ok()) {
      return s;
    }
    *created = db.Changes() > 0;
    SqliteStatement st;
    if (Status s = db.Query(Sql("SELECT", kAccountColumns,
                                "FROM linked_accounts WHERE user_id = ? AND platform = ? AND "
                                "handle = ?"),
                            &st, account->user_id, account->platform, account->handle);
        !s.ok()) {
      return s;
    }
    std::optional<LinkedAccountRecord> found;
    if (Status s = CollectOne(st, ReadAccount, &found); !s.ok()) return s;
    if (!found) return Status::Error("the linked account vanished");
    *account = *found;
    return Status::Ok();
  });
}

Status SqliteMonitoringStore::FindLinkedAccount(int64_t id,
                                                std::optional<LinkedAccountRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s =
            db.Query(Sql("SELECT", kAccountColumns, "FROM linked_accounts WHERE id = ?"), &st, id);
        !s.ok()) {
      return s;
    }
    return CollectOne(st, ReadAccount, out);
  });
}

Status SqliteMonitoringStore::ListLinkedAccounts(int64_t user_id,
                                                 std::vector<LinkedAccountRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query(
            Sql("SELECT", kAccountColumns, "FROM linked_accounts WHERE user_id = ? ORDER BY id"),
            &st, user_id);
        !s.ok()) {
      return s;
    }
    return CollectRows(st, ReadAccount, out);
  });
}

Status SqliteMonitoringStore::UnlinkAccount(int64_t id, int64_t* posts) {
  return base_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s = db.Run("DELETE FROM monitored_posts WHERE account_id = ?", id); !s.ok()) {
      return s;
    }
    if (posts) *posts = db.Changes();
    if (Status s = db.Run("DELETE FROM linked_accounts WHERE id = ?", id); !s.ok()) return s;
    return db.Changes() > 0 ? Status::Ok() : Status::Error("no such linked account");
  });
}

Status SqliteMonitoringStore::CountPostsOfAccount(int64_t account_id, int64_t* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s =
            db.Query("SELECT COUNT(*) FROM monitored_posts WHERE account_id = ?", &st, account_id);
        !s.ok()) {
      return s;
    }
    Status s;
    *out = st.Step(&s) ? st.ColumnInt(0) : 0;
    return s;
  });
}

Status SqliteMonitoringStore::HasMonitoredPost(int64_t user_id, std::string_view platform,
                                               std::string_view platform_id, bool* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query("SELECT 1 FROM monitored_posts WHERE user_id = ? AND platform = ? "
                            "AND platform_id = ?",
                            &st, user_id, platform, platform_id);
        !s.ok()) {
      return s;
    }
    Status s;
    *out = st.Step(&s);
    return s;
  });
}

Status SqliteMonitoringStore::AddMonitoredPosts(std::vector<MonitoredPostRecord>* posts,
                                                int64_t* added) {
  *added = 0;
  return base_.WithDatabase([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Prepare(
            "INSERT INTO monitored_posts (account_id, user_id, platform, platform_id, url, "
            "published, text, language, verdict, findings_json, policy_version_id, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (user_id, platform, platform_id) DO NOTHING",
            &st);
        !s.ok()) {
      return s;
    }
    for (auto& p : *posts) {
      st.Reset();
      st.Bind(1, p.account_id);
      st.Bind(2, p.user_id);
      st.Bind(3, p.platform);
      st.Bind(4, p.platform_id);
      st.Bind(5, p.url);
      st.Bind(6, p.published);
      st.Bind(7, p.text);
      st.Bind(8, p.language);
      st.Bind(9, p.verdict);
      st.Bind(10, p.findings_json);
      st.Bind(11, p.policy_version_id);
      st.Bind(12, p.imported_at);
      if (Status s = st.Run(); !s.ok()) return s;
      if (db.Changes() > 0) {
        p.id = db.LastInsertId();
        ++*added;
      } else {
        p.id = 0;
      }
    }
    return Status::Ok();
  });
}

Status SqliteMonitoringStore::FindMonitoredPost(int64_t id,
                                                std::optional<MonitoredPostRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s =
            db.Query(Sql("SELECT", kPostColumns, "FROM monitored_posts WHERE id = ?"), &st, id);
        !s.ok()) {
      return s;
    }
    return CollectOne(st, ReadMonitoredPost, out);
  });
}

Status SqliteMonitoringStore::ListMonitoredPosts(const MonitoredPostQuery& query,
                                                 std::vector<MonitoredPostRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    const std::string sql =
        Sql("SELECT", kPostColumns,
            "FROM monitored_posts WHERE id > ?1 AND (?2 IS NULL OR user_id = ?2) AND"
            " (?3 = 0 OR verdict = 'block' OR (verdict = 'review' AND imported_at <= ?4))"
            " ORDER BY id LIMIT ?5");
    if (Status s = db.Query(sql, &st, query.after_id, query.user_id,
                            static_cast<int64_t>(query.team_view ? 1 : 0),
                            query.review_visible_before, query.limit);
        !s.ok()) {
      return s;
    }
    return CollectRows(st, ReadMonitoredPost, out);
  });
}

}  // namespace chorus::store
