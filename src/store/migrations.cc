#include "store/migrations.h"

#include <ctime>
#include <string>

namespace chorus::store {

const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> migrations = {
      {1, "accounts, sessions, policy versions, posts, questions, audit", R"sql(
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'employee')),
  language TEXT NOT NULL DEFAULT 'en',
  team_id INTEGER REFERENCES teams(id),
  password_hash TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE policy_versions (
  id INTEGER PRIMARY KEY,
  number INTEGER UNIQUE,
  title TEXT NOT NULL,
  yaml TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  published_by INTEGER REFERENCES users(id),
  published_at INTEGER
);
CREATE TRIGGER policy_versions_published_immutable
BEFORE UPDATE ON policy_versions WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published policy version is immutable');
END;
CREATE TRIGGER policy_versions_published_undeletable
BEFORE DELETE ON policy_versions WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published policy version is immutable');
END;
CREATE TABLE policy_comments (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES policy_versions(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE acknowledgements (
  user_id INTEGER NOT NULL REFERENCES users(id),
  version_id INTEGER NOT NULL REFERENCES policy_versions(id),
  acknowledged_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, version_id)
);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  verdict TEXT NOT NULL,
  result_json TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('draft', 'in_review', 'approved', 'rejected', 'changes_requested')),
  policy_version_id INTEGER REFERENCES policy_versions(id),
  author_note TEXT NOT NULL DEFAULT '',
  reviewer_id INTEGER REFERENCES users(id),
  review_comment TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  submitted_at INTEGER,
  decided_at INTEGER
);
CREATE INDEX posts_author ON posts(author_id, id);
CREATE INDEX posts_status ON posts(status, submitted_at);
CREATE TABLE post_events (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts(id),
  actor_id INTEGER NOT NULL REFERENCES users(id),
  action TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE INDEX post_events_post ON post_events(post_id, id);
CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  answer TEXT,
  answered_by INTEGER REFERENCES users(id),
  answered_at INTEGER
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql"},
      {2, "notification marks; questions by author", R"sql(
CREATE TABLE notification_marks (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  seen_at INTEGER NOT NULL
);
CREATE INDEX questions_author ON questions(author_id, answered_at);
)sql"},
      // Tokens made before expiry existed get 90 days from the upgrade, so integrations
      // keep working while admins replace them.
      {3, "API token expiry, last use and revocation time", R"sql(
ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER;
ALTER TABLE api_tokens ADD COLUMN revoked_at INTEGER;
UPDATE api_tokens SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) + 90 * 86400;
UPDATE api_tokens SET revoked_at = created_at WHERE revoked = 1;
CREATE INDEX api_tokens_user ON api_tokens(user_id, id);
)sql"},
      // Uniqueness under Unicode case folding (chorus_fold, registered by SqliteStore::Open).
      // Rows that already collide keep their data: the later row's key gets "#<id>", so both
      // stay reachable by id and an admin can rename one; lookups by name find the earliest.
      {4, "folded keys for team names and e-mail addresses", R"sql(
ALTER TABLE teams ADD COLUMN name_key TEXT;
UPDATE teams SET name_key = chorus_fold(name);
UPDATE teams SET name_key = name_key || '#' || id WHERE EXISTS
  (SELECT 1 FROM teams AS t WHERE t.name_key = teams.name_key AND t.id < teams.id);
CREATE UNIQUE INDEX teams_name_key ON teams(name_key);
ALTER TABLE users ADD COLUMN email_key TEXT;
UPDATE users SET email_key = chorus_fold(email);
UPDATE users SET email_key = email_key || '#' || id WHERE EXISTS
  (SELECT 1 FROM users AS u WHERE u.email_key = users.email_key AND u.id < users.id);
CREATE UNIQUE INDEX users_email_key ON users(email_key);
)sql"},
      {5, "posts: the author's unsent edit kept apart from the text sent for review", R"sql(
ALTER TABLE posts ADD COLUMN unsent_text TEXT;
ALTER TABLE posts ADD COLUMN unsent_language TEXT;
ALTER TABLE posts ADD COLUMN unsent_verdict TEXT;
ALTER TABLE posts ADD COLUMN unsent_result_json TEXT;
ALTER TABLE posts ADD COLUMN unsent_policy_version_id INTEGER;
)sql"},
      // Monitoring after publication: accounts employees link and their imported posts, with
      // the check result of each (src/store/monitoring_store.h).
      {6, "monitoring: linked accounts and monitored posts", R"sql(
CREATE TABLE linked_accounts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  platform TEXT NOT NULL CHECK (platform IN ('x', 'mastodon', 'linkedin', 'facebook', 'feed')),
  handle TEXT NOT NULL,
  linked_at INTEGER NOT NULL,
  linked_by INTEGER REFERENCES users(id),
  UNIQUE (user_id, platform, handle)
);
CREATE TABLE monitored_posts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES linked_accounts(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  platform TEXT NOT NULL,
  platform_id TEXT NOT NULL,
  url TEXT NOT NULL,
  published TEXT NOT NULL,
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('ok', 'caution', 'review', 'block')),
  findings_json TEXT NOT NULL,
  policy_version_id INTEGER REFERENCES policy_versions(id),
  imported_at INTEGER NOT NULL,
  UNIQUE (user_id, platform, platform_id)
);
CREATE INDEX monitored_posts_account ON monitored_posts(account_id);
CREATE INDEX monitored_posts_verdict ON monitored_posts(verdict, id);
)sql"},
      // Time on social media (store/usage_store.h): only aggregates per team, platform and ISO
      // week. usage_week_people holds salted hashes of who was counted in an open week, so
      // that a second log of the same week does not count a person twice; they and the
      // week's salt are deleted when the week closes.
      // The registry of official accounts (store/official_accounts_store.h) shares the number.
      {7, "usage summaries per team, platform and week; imported log files; official accounts",
       R"sql(
CREATE TABLE usage_time (
  week TEXT NOT NULL, team TEXT NOT NULL, platform TEXT NOT NULL,
  milliseconds INTEGER NOT NULL,
  PRIMARY KEY (week, team, platform));
CREATE TABLE usage_people (
  week TEXT NOT NULL, team TEXT NOT NULL, people INTEGER NOT NULL,
  PRIMARY KEY (week, team));
CREATE TABLE usage_week_salts (week TEXT PRIMARY KEY, salt TEXT NOT NULL);
CREATE TABLE usage_week_people (
  week TEXT NOT NULL, team TEXT NOT NULL, person TEXT NOT NULL,
  PRIMARY KEY (week, team, person));
CREATE TABLE usage_imports (
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, imported_at INTEGER NOT NULL,
  lines INTEGER NOT NULL);
CREATE TABLE official_accounts (
  id INTEGER PRIMARY KEY, platform TEXT NOT NULL, handle TEXT NOT NULL,
  handle_key TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id), owner_team_id INTEGER,
  backup_owner_id INTEGER REFERENCES users(id),
  credentials_ref TEXT NOT NULL DEFAULT '', two_factor TEXT NOT NULL DEFAULT 'unknown',
  last_review_at INTEGER, created_at INTEGER NOT NULL,
  UNIQUE (platform, handle_key));
)sql"},
      {8, "the photo checked with a post; invitations to set a first password", R"sql(
CREATE TABLE post_photos (
  post_id INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
  media_type TEXT NOT NULL,
  bytes BLOB NOT NULL
);
CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
)sql"},
      // Incidents (store/incidents_store.h): one per flagged monitored post the team came to
      // see; the post's reference is cleared when the post is deleted (its account unlinked).
      {9, "incidents of flagged monitored posts and their timelines", R"sql(
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  post_id INTEGER UNIQUE REFERENCES monitored_posts(id) ON DELETE SET NULL,
  author_id INTEGER NOT NULL REFERENCES users(id),
  platform TEXT NOT NULL, url TEXT NOT NULL, published TEXT NOT NULL,
  verdict TEXT NOT NULL, categories TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  state TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'remediating', 'closed')),
  outcome TEXT CHECK (outcome IN ('corrected', 'deleted', 'apologised', 'no_action')),
  owner_id INTEGER REFERENCES users(id),
  summary TEXT NOT NULL DEFAULT '',
  opened_at INTEGER NOT NULL, closed_at INTEGER, updated_at INTEGER NOT NULL
);
CREATE INDEX incidents_state ON incidents(state, opened_at);
CREATE TABLE incident_events (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id),
  kind TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, id);
)sql"},
  };
  return migrations;
}

Status SchemaVersion(SqliteDatabase& db, int* version) {
  if (Status s = db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                         " applied_at INTEGER NOT NULL)");
      !s.ok()) {
    return s;
  }
  SqliteStatement st;
  if (Status s = db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &st);
      !s.ok()) {
    return s;
  }
  Status s;
  *version = st.Step(&s) ? static_cast<int>(st.ColumnInt(0)) : 0;
  return s;
}

Status Migrate(SqliteDatabase& db, const std::vector<Migration>& migrations, int* applied) {
  int current = 0;
  if (Status s = SchemaVersion(db, &current); !s.ok()) return s;
  int count = 0;
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = db.Exec(m.sql);
    if (s.ok()) {
      SqliteStatement record;
      s = db.Prepare(
          "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
          &record);
      if (s.ok()) {
        record.Bind(1, static_cast<int64_t>(m.version));
        record.Bind(2, m.description);
        record.Bind(3, static_cast<int64_t>(std::time(nullptr)));
        s = record.Run();
      }
    }
    if (!s.ok()) {
      if (Status r = db.Exec("ROLLBACK"); !r.ok())
        s = Status::Error(s.message() + "; the rollback failed too: " + r.message());
      return Status::Error("migration " + std::to_string(m.version) + " failed: " + s.message());
    }
    if (Status c = db.Exec("COMMIT"); !c.ok()) return c;
    current = m.version;
    ++count;
  }
  if (applied) *applied = count;
  return Status::Ok();
}

}  // namespace chorus::store
