#include "store/sqlite_incidents_store.h"

#include "store/sqlite_rows.h"

namespace chorus::store {
namespace {

constexpr std::string_view kIncidentColumns =
    "id, post_id, author_id, platform, url, published, verdict, categories, severity, state,"
    " outcome, owner_id, summary, opened_at, closed_at, updated_at";
constexpr std::string_view kEventColumns =
    "id, incident_id, at, author_id, kind, text, detail_json";

IncidentRecord ReadIncident(const SqliteStatement& st) {
  IncidentRecord r;
  r.id = st.ColumnInt(0);
  r.post_id = st.ColumnOptionalInt(1);
  r.author_id = st.ColumnInt(2);
  r.platform = st.ColumnText(3);
  r.url = st.ColumnText(4);
  r.published = st.ColumnText(5);
  r.verdict = st.ColumnText(6);
  r.categories = st.ColumnText(7);
  r.severity = st.ColumnText(8);
  r.state = st.ColumnText(9);
  r.outcome = st.ColumnText(10);
  r.owner_id = st.ColumnOptionalInt(11);
  r.summary = st.ColumnText(12);
  r.opened_at = st.ColumnInt(13);
  r.closed_at = st.ColumnOptionalInt(14);
  r.updated_at = st.ColumnInt(15);
  return r;
}

IncidentEventRecord ReadEvent(const SqliteStatement& st) {
  IncidentEventRecord e;
  e.id = st.ColumnInt(0);
  e.incident_id = st.ColumnInt(1);
  e.at = st.ColumnInt(2);
  e.author_id = st.ColumnOptionalInt(3);
  e.kind = st.ColumnText(4);
  e.text = st.ColumnText(5);
  e.detail_json = st.ColumnText(6);
  return e;
}

// Only the fields an incident copies from its post.
MonitoredPostRecord ReadAwaitingPost(const SqliteStatement& st) {
  MonitoredPostRecord p;
  p.id = st.ColumnInt(0);
  p.user_id = st.ColumnInt(1);
  p.platform = st.ColumnText(2);
  p.url = st.ColumnText(3);
  p.published = st.ColumnText(4);
  p.verdict = st.ColumnText(5);
  p.findings_json = st.ColumnText(6);
  p.imported_at = st.ColumnInt(7);
  return p;
}

std::optional<std::string> OutcomeColumn(const std::string& outcome) {
  if (outcome.empty()) return std::nullopt;
  return outcome;
}

}  // namespace

Status SqliteIncidentsStore::ListPostsAwaitingIncident(int64_t review_visible_before, int64_t limit,
                                                       std::vector<MonitoredPostRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query(
            "SELECT p.id, p.user_id, p.platform, p.url, p.published, p.verdict, p.findings_json,"
            " p.imported_at FROM monitored_posts p"
            " WHERE (p.verdict = 'block' OR (p.verdict = 'review' AND p.imported_at <= ?1))"
            " AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.post_id = p.id)"
            " ORDER BY p.id LIMIT ?2",
            &st, review_visible_before, limit);
        !s.ok()) {
      return s;
    }
    return CollectRows(st, ReadAwaitingPost, out);
  });
}

Status SqliteIncidentsStore::CreateIncident(IncidentRecord* r, bool* created) {
  *created = false;
  return base_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s =
            db.Run("INSERT INTO incidents (post_id, author_id, platform, url, published, verdict,"
                   " categories, severity, state, outcome, owner_id, summary, opened_at, closed_at,"
                   " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                   " ON CONFLICT (post_id) DO NOTHING",
                   r->post_id, r->author_id, r->platform, r->url, r->published, r->verdict,
                   r->categories, r->severity, r->state, OutcomeColumn(r->outcome), r->owner_id,
                   r->summary, r->opened_at, r->closed_at, r->updated_at);
        !s.ok()) {
      return s;
    }
    *created = db.Changes() > 0;
    if (*created) r->id = db.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteIncidentsStore::FindIncident(int64_t id, std::optional<IncidentRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s =
            db.Query(Sql("SELECT", kIncidentColumns, "FROM incidents WHERE id = ?"), &st, id);
        !s.ok()) {
      return s;
    }
    return CollectOne(st, ReadIncident, out);
  });
}

Status SqliteIncidentsStore::ListIncidents(const std::string& state, const PageRequest& page,
                                           std::vector<IncidentRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query(Sql("SELECT", kIncidentColumns,
                                "FROM incidents WHERE (?1 = '' OR state = ?1)"
                                " ORDER BY opened_at DESC, id DESC LIMIT ?2 OFFSET ?3"),
                            &st, state, page.limit + 1, page.offset);
        !s.ok()) {
      return s;
    }
    return CollectRows(st, ReadIncident, out);
  });
}

Status SqliteIncidentsStore::ListIncidentsOfAuthor(int64_t author_id,
                                                   std::vector<IncidentRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s =
            db.Query(Sql("SELECT", kIncidentColumns,
                         "FROM incidents WHERE author_id = ? ORDER BY opened_at DESC, id DESC"),
                     &st, author_id);
        !s.ok()) {
      return s;
    }
    return CollectRows(st, ReadIncident, out);
  });
}

Status SqliteIncidentsStore::UpdateIncident(const IncidentRecord& r) {
  return base_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s = db.Run("UPDATE incidents SET severity = ?, state = ?, outcome = ?, owner_id = ?,"
                          " summary = ?, closed_at = ?, updated_at = ? WHERE id = ?",
                          r.severity, r.state, OutcomeColumn(r.outcome), r.owner_id, r.summary,
                          r.closed_at, r.updated_at, r.id);
        !s.ok()) {
      return s;
    }
    return db.Changes() > 0 ? Status::Ok() : Status::Error("no such incident");
  });
}

Status SqliteIncidentsStore::AddIncidentEvent(IncidentEventRecord* e) {
  return base_.WithDatabase([&](SqliteDatabase& db) {
    if (Status s = db.Run(
            "INSERT INTO incident_events (incident_id, at, author_id, kind, text, detail_json)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            e->incident_id, e->at, e->author_id, e->kind, e->text, e->detail_json);
        !s.ok()) {
      return s;
    }
    e->id = db.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteIncidentsStore::ListIncidentEvents(int64_t incident_id,
                                                std::vector<IncidentEventRecord>* out) {
  return base_.ReadWith([&](SqliteDatabase& db) {
    SqliteStatement st;
    if (Status s = db.Query(
            Sql("SELECT", kEventColumns, "FROM incident_events WHERE incident_id = ? ORDER BY id"),
            &st, incident_id);
        !s.ok()) {
      return s;
    }
    return CollectRows(st, ReadEvent, out);
  });
}

}  // namespace chorus::store
