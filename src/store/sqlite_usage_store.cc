#include "store/sqlite_usage_store.h"

namespace chorus::store {

Status SqliteUsageStore::Transaction(const std::function<Status(UsageStore&)>& body) {
  return store_.WithDatabase([&](SqliteDatabase&) { return body(*this); });
}

Status SqliteUsageStore::IsFileImported(std::string_view sha256, bool* out) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query("SELECT 1 FROM usage_imports WHERE sha256 = ?", &st, sha256); !s.ok())
      return s;
    Status s;
    *out = st.Step(&s);
    return s;
  });
}

Status SqliteUsageStore::RecordImportedFile(std::string_view sha256, int64_t at, int64_t lines) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    return db.Run("INSERT INTO usage_imports (sha256, imported_at, lines) VALUES (?, ?, ?)", sha256,
                  at, lines);
  });
}

Status SqliteUsageStore::WeekSalt(std::string_view week, std::string_view candidate,
                                  std::string* out) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s = db.Run("INSERT OR IGNORE INTO usage_week_salts (week, salt) VALUES (?, ?)", week,
                          candidate);
        !s.ok())
      return s;
    SqliteStatement st;
    if (Status s = db.Query("SELECT salt FROM usage_week_salts WHERE week = ?", &st, week); !s.ok())
      return s;
    Status s;
    if (st.Step(&s)) *out = st.ColumnText(0);
    return s;
  });
}

Status SqliteUsageStore::AddTime(std::string_view week, std::string_view team,
                                 std::string_view platform, int64_t milliseconds) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    return db.Run(
        "INSERT INTO usage_time (week, team, platform, milliseconds) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (week, team, platform) DO UPDATE SET"
        " milliseconds = milliseconds + excluded.milliseconds",
        week, team, platform, milliseconds);
  });
}

Status SqliteUsageStore::AddPeople(std::string_view week, std::string_view team,
                                   const std::vector<std::string>& person_hashes) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    for (const auto& hash : person_hashes) {
      if (Status s = db.Run(
              "INSERT OR IGNORE INTO usage_week_people (week, team, person) VALUES (?, ?, ?)", week,
              team, hash);
          !s.ok())
        return s;
    }
    return db.Run(
        "INSERT INTO usage_people (week, team, people) VALUES (?1, ?2,"
        " (SELECT COUNT(*) FROM usage_week_people WHERE week = ?1 AND team = ?2))"
        " ON CONFLICT (week, team) DO UPDATE SET people = excluded.people",
        week, team);
  });
}

Status SqliteUsageStore::ForgetPeopleBefore(std::string_view week, int64_t* forgotten) {
  return store_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s = db.Run("DELETE FROM usage_week_people WHERE week < ?", week); !s.ok()) return s;
    if (Status s = db.Run("DELETE FROM usage_week_salts WHERE week < ?", week); !s.ok()) return s;
    if (forgotten) *forgotten = db.Changes();
    return Status::Ok();
  });
}

Status SqliteUsageStore::ListWeeks(std::string_view from_week, std::string_view to_week,
                                   std::vector<UsageWeekTeam>* out) {
  out->clear();
  return store_.WithDatabase([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query(
            "SELECT p.week, p.team, p.people, t.platform, t.milliseconds FROM usage_people p"
            " LEFT JOIN usage_time t ON t.week = p.week AND t.team = p.team"
            " WHERE p.week >= ? AND p.week <= ? ORDER BY p.week, p.team, t.platform",
            &st, from_week, to_week);
        !s.ok())
      return s;
    Status s;
    while (st.Step(&s)) {
      const std::string week = st.ColumnText(0), team = st.ColumnText(1);
      if (out->empty() || out->back().week != week || out->back().team != team)
        out->push_back({week, team, st.ColumnInt(2), {}});
      if (!st.ColumnIsNull(3)) out->back().milliseconds[st.ColumnText(3)] = st.ColumnInt(4);
    }
    return s;
  });
}

}  // namespace chorus::store
