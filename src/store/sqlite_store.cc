#include "store/sqlite_store.h"

#include <limits>
#include <utility>

#include "store/folded_key.h"
#include "store/migrations.h"
#include "store/sqlite_rows.h"

namespace chorus::store {
namespace {

constexpr std::string_view kUserColumns =
    "id, email, name, role, language, team_id, password_hash, active, created_at";
constexpr std::string_view kPostColumns =
    "id, author_id, text, language, verdict, result_json, status, policy_version_id, "
    "author_note, reviewer_id, review_comment, created_at, updated_at, submitted_at, decided_at, "
    "unsent_text, unsent_language, unsent_verdict, unsent_result_json, unsent_policy_version_id";
constexpr std::string_view kQuestionColumns =
    "id, author_id, text, created_at, answer, answered_by, answered_at";

UserRecord ReadUser(const SqliteStatement& st) {
  UserRecord u;
  u.id = st.ColumnInt(0);
  u.email = st.ColumnText(1);
  u.name = st.ColumnText(2);
  u.role = st.ColumnText(3);
  u.language = st.ColumnText(4);
  u.team_id = st.ColumnOptionalInt(5);
  u.password_hash = st.ColumnText(6);
  u.active = st.ColumnInt(7) != 0;
  u.created_at = st.ColumnInt(8);
  return u;
}

PostRecord ReadPost(const SqliteStatement& st) {
  PostRecord p;
  p.id = st.ColumnInt(0);
  p.author_id = st.ColumnInt(1);
  p.text = st.ColumnText(2);
  p.language = st.ColumnText(3);
  p.verdict = st.ColumnText(4);
  p.result_json = st.ColumnText(5);
  p.status = st.ColumnText(6);
  p.policy_version_id = st.ColumnOptionalInt(7);
  p.author_note = st.ColumnText(8);
  p.reviewer_id = st.ColumnOptionalInt(9);
  p.review_comment = st.ColumnText(10);
  p.created_at = st.ColumnInt(11);
  p.updated_at = st.ColumnInt(12);
  p.submitted_at = st.ColumnOptionalInt(13);
  p.decided_at = st.ColumnOptionalInt(14);
  if (!st.ColumnIsNull(15)) {
    p.unsent = PostRecord::Unsent{st.ColumnText(15), st.ColumnText(16), st.ColumnText(17),
                                  st.ColumnText(18), st.ColumnOptionalInt(19)};
  }
  return p;
}

QuestionRecord ReadQuestion(const SqliteStatement& st) {
  QuestionRecord q;
  q.id = st.ColumnInt(0);
  q.author_id = st.ColumnInt(1);
  q.text = st.ColumnText(2);
  q.created_at = st.ColumnInt(3);
  if (!st.ColumnIsNull(4)) q.answer = st.ColumnText(4);
  q.answered_by = st.ColumnOptionalInt(5);
  q.answered_at = st.ColumnOptionalInt(6);
  return q;
}

}  // namespace

Status SqliteStore::Open(const std::string& path, std::unique_ptr<SqliteStore>* out) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  if (Status s = SqliteDatabase::Open(path, &store->db_); !s.ok()) return s;
  if (Status s = store->db_.RegisterTextFunction("chorus_fold", &FoldedKey); !s.ok()) return s;
  if (Status s = Migrate(store->db_, SqliteMigrations(), nullptr); !s.ok()) return s;
  *out = std::move(store);
  return Status::Ok();
}

std::string SqliteStore::JournalMode() {
  std::lock_guard lock(mutex_);
  return db_.JournalMode();
}

Status SqliteStore::Write(const std::function<Status()>& body) {
  std::lock_guard lock(mutex_);
  const std::string savepoint = "sp" + std::to_string(depth_);
  if (Status s = db_.Exec(depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint); !s.ok()) {
    return s;
  }
  ++depth_;
  Status result = body();
  --depth_;
  // `first` with a failure of the clean-up step `next` added to its message (the first error
  // is the one to report, the second must not go unnoticed).
  const auto also = [](Status first, const Status& next) {
    if (next.ok()) return first;
    if (first.ok()) return next;
    return Status::Error(first.message() + "; then: " + next.message());
  };
  if (depth_ == 0) {
    if (result.ok()) {
      if (Status s = db_.Exec("COMMIT"); !s.ok()) return also(s, db_.Exec("ROLLBACK"));
      return result;
    }
    return also(result, db_.Exec("ROLLBACK"));
  }
  if (result.ok()) return db_.Exec("RELEASE " + savepoint);
  result = also(result, db_.Exec("ROLLBACK TO " + savepoint));
  return also(result, db_.Exec("RELEASE " + savepoint));
}

Status SqliteStore::Transaction(const std::function<Status(Store&)>& body) {
  return Write([&] { return body(*this); });
}

Status SqliteStore::WithDatabase(const std::function<Status(SqliteDatabase&)>& body) {
  return Write([&] { return body(db_); });
}

Status SqliteStore::ReadWith(const std::function<Status(SqliteDatabase&)>& body) {
  std::lock_guard lock(mutex_);
  return body(db_);
}

// ---- teams and users ----

Status SqliteStore::CreateTeam(TeamRecord* team) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query("INSERT INTO teams (name, name_key) VALUES (?1, chorus_fold(?1))", &st,
                             team->name);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    team->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::FindTeamByName(std::string_view name, std::optional<TeamRecord>* out) {
  return SelectOne(
      "SELECT id, name FROM teams WHERE name_key = chorus_fold(?)",
      [](const SqliteStatement& r) {
        return TeamRecord{r.ColumnInt(0), r.ColumnText(1)};
      },
      out, name);
}

Status SqliteStore::ListTeams(std::vector<TeamRecord>* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s = db_.Prepare("SELECT id, name FROM teams ORDER BY name", &st); !s.ok()) return s;
  return CollectRows(
      st,
      [](const SqliteStatement& r) {
        return TeamRecord{r.ColumnInt(0), r.ColumnText(1)};
      },
      out);
}

Status SqliteStore::FindTeamById(int64_t id, std::optional<TeamRecord>* out) {
  return SelectOne(
      "SELECT id, name FROM teams WHERE id = ?",
      [](const SqliteStatement& r) {
        return TeamRecord{r.ColumnInt(0), r.ColumnText(1)};
      },
      out, id);
}

Status SqliteStore::RenameTeam(int64_t id, std::string_view name) {
  return Write([&] {
    if (Status s = db_.Run("UPDATE teams SET name = ?1, name_key = chorus_fold(?1) WHERE id = ?2",
                           name, id);
        !s.ok())
      return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error("no such team");
  });
}

Status SqliteStore::DeleteTeam(int64_t id) {
  return Write([&] {
    if (Status s = db_.Run("UPDATE users SET team_id = NULL WHERE team_id = ?", id); !s.ok()) {
      return s;
    }
    if (Status s = db_.Run("DELETE FROM teams WHERE id = ?", id); !s.ok()) return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error("no such team");
  });
}

Status SqliteStore::CountTeamMembers(std::map<int64_t, int64_t>* out) {
  std::lock_guard lock(mutex_);
  out->clear();
  SqliteStatement st;
  if (Status s = db_.Prepare(
          "SELECT team_id, COUNT(*) FROM users WHERE team_id IS NOT NULL GROUP BY team_id", &st);
      !s.ok()) {
    return s;
  }
  Status s;
  while (st.Step(&s)) (*out)[st.ColumnInt(0)] = st.ColumnInt(1);
  return s;
}

Status SqliteStore::CreateUser(UserRecord* user) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query(
            "INSERT INTO users (email, name, role, language, team_id, password_hash, active,"
            " created_at, email_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, chorus_fold(?1))",
            &st, user->email, user->name, user->role, user->language, user->team_id,
            user->password_hash, static_cast<int64_t>(user->active), user->created_at);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    user->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::UpdateUser(const UserRecord& user) {
  return Write([&] {
    if (Status s =
            db_.Run("UPDATE users SET email = ?1, email_key = chorus_fold(?1), name = ?2,"
                    " role = ?3, language = ?4, team_id = ?5, password_hash = ?6, active = ?7"
                    " WHERE id = ?8",
                    user.email, user.name, user.role, user.language, user.team_id,
                    user.password_hash, static_cast<int64_t>(user.active), user.id);
        !s.ok())
      return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error("no such user");
  });
}

Status SqliteStore::FindUserById(int64_t id, std::optional<UserRecord>* out) {
  return SelectOne(Sql("SELECT", kUserColumns, "FROM users WHERE id = ?"), ReadUser, out, id);
}

Status SqliteStore::FindUserByEmail(std::string_view email, std::optional<UserRecord>* out) {
  return SelectOne(Sql("SELECT", kUserColumns, "FROM users WHERE email_key = chorus_fold(?)"),
                   ReadUser, out, email);
}

Status SqliteStore::ListUsers(std::vector<UserRecord>* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s = db_.Prepare(Sql("SELECT", kUserColumns, "FROM users ORDER BY name, id"), &st);
      !s.ok()) {
    return s;
  }
  return CollectRows(st, ReadUser, out);
}

Status SqliteStore::CountUsers(int64_t* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s = db_.Prepare("SELECT COUNT(*) FROM users", &st); !s.ok()) return s;
  Status s;
  *out = st.Step(&s) ? st.ColumnInt(0) : 0;
  return s;
}

// ---- sessions and tokens ----

Status SqliteStore::CreateSession(const SessionRecord& session) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            &st, session.token_hash, session.user_id, session.csrf_token, session.created_at,
            session.expires_at);
        !s.ok())
      return s;
    return st.Run();
  });
}

Status SqliteStore::FindSession(std::string_view token_hash, std::optional<SessionRecord>* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  if (Status s =
          db_.Query("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions"
                    " WHERE token_hash = ?",
                    &st, token_hash);
      !s.ok())
    return s;
  return CollectOne(
      st,
      [](const SqliteStatement& r) {
        return SessionRecord{r.ColumnText(0), r.ColumnInt(1), r.ColumnText(2), r.ColumnInt(3),
                             r.ColumnInt(4)};
      },
      out);
}

Status SqliteStore::RenewSession(std::string_view token_hash, int64_t expires_at) {
  return Write([&] {
    return db_.Run("UPDATE sessions SET expires_at = ? WHERE token_hash = ? AND expires_at < ?",
                   expires_at, token_hash, expires_at);
  });
}

Status SqliteStore::DeleteSession(std::string_view token_hash) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query("DELETE FROM sessions WHERE token_hash = ?", &st, token_hash); !s.ok())
      return s;
    return st.Run();
  });
}

Status SqliteStore::DeleteSessionsOfUser(int64_t user_id) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query("DELETE FROM sessions WHERE user_id = ?", &st, user_id); !s.ok())
      return s;
    return st.Run();
  });
}

Status SqliteStore::DeleteExpiredSessions(int64_t now) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query("DELETE FROM sessions WHERE expires_at <= ?", &st, now); !s.ok())
      return s;
    return st.Run();
  });
}

// ---- posts ----

Status SqliteStore::CreatePost(PostRecord* post) {
  return Write([&] {
    SqliteStatement st;
    if (Status s =
            db_.Query("INSERT INTO posts (author_id, text, language, verdict, result_json, status,"
                      " policy_version_id, author_note, reviewer_id, review_comment, created_at,"
                      " updated_at, submitted_at, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      &st, post->author_id, post->text, post->language, post->verdict,
                      post->result_json, post->status, post->policy_version_id, post->author_note,
                      post->reviewer_id, post->review_comment, post->created_at, post->updated_at,
                      post->submitted_at, post->decided_at);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    post->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::UpdatePost(const PostRecord& post, std::string_view expected_status) {
  const auto unsent = [&post](std::string PostRecord::Unsent::*field) {
    return post.unsent ? std::optional<std::string>((*post.unsent).*field)
                       : std::optional<std::string>();
  };
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query(
            "UPDATE posts SET text = ?, language = ?, verdict = ?, result_json = ?, status = ?,"
            " policy_version_id = ?, author_note = ?, reviewer_id = ?, review_comment = ?,"
            " updated_at = ?, submitted_at = ?, decided_at = ?, unsent_text = ?,"
            " unsent_language = ?, unsent_verdict = ?, unsent_result_json = ?,"
            " unsent_policy_version_id = ? WHERE id = ? AND status = ?",
            &st, post.text, post.language, post.verdict, post.result_json, post.status,
            post.policy_version_id, post.author_note, post.reviewer_id, post.review_comment,
            post.updated_at, post.submitted_at, post.decided_at, unsent(&PostRecord::Unsent::text),
            unsent(&PostRecord::Unsent::language), unsent(&PostRecord::Unsent::verdict),
            unsent(&PostRecord::Unsent::result_json),
            post.unsent ? post.unsent->policy_version_id : std::optional<int64_t>(), post.id,
            expected_status);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error(std::string(kConflict));
  });
}

Status SqliteStore::FindPost(int64_t id, std::optional<PostRecord>* out) {
  return SelectOne(Sql("SELECT", kPostColumns, "FROM posts WHERE id = ?"), ReadPost, out, id);
}

Status SqliteStore::ListPostsByAuthor(int64_t author_id, const PageRequest& page,
                                      std::vector<PostRecord>* out) {
  return SelectAll(Sql("SELECT", kPostColumns,
                       "FROM posts WHERE author_id = ? ORDER BY id DESC LIMIT ? OFFSET ?"),
                   ReadPost, out, author_id, page.limit + 1, page.offset);
}

Status SqliteStore::ListPostsByStatus(std::string_view status, const PageRequest& page,
                                      std::vector<PostRecord>* out) {
  return SelectAll(Sql("SELECT", kPostColumns,
                       "FROM posts WHERE status = ?"
                       " ORDER BY submitted_at, id LIMIT ? OFFSET ?"),
                   ReadPost, out, status, page.limit + 1, page.offset);
}

Status SqliteStore::AddPostEvent(PostEventRecord* event) {
  return Write([&] {
    if (Status s =
            db_.Run("INSERT INTO post_events (post_id, actor_id, action, comment, at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    event->post_id, event->actor_id, event->action, event->comment, event->at);
        !s.ok())
      return s;
    event->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::ListPostEvents(int64_t post_id, std::vector<PostEventRecord>* out) {
  return SelectAll(
      "SELECT id, post_id, actor_id, action, comment, at FROM post_events"
      " WHERE post_id = ? ORDER BY id",
      [](const SqliteStatement& r) {
        return PostEventRecord{r.ColumnInt(0),  r.ColumnInt(1),  r.ColumnInt(2),
                               r.ColumnText(3), r.ColumnText(4), r.ColumnInt(5)};
      },
      out, post_id);
}

// ---- questions ----

Status SqliteStore::DeletePost(int64_t id, std::string_view expected_status) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query("DELETE FROM post_events WHERE post_id IN"
                             " (SELECT id FROM posts WHERE id = ? AND status = ?)",
                             &st, id, expected_status);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    SqliteStatement del;
    if (Status s =
            db_.Query("DELETE FROM posts WHERE id = ? AND status = ?", &del, id, expected_status);
        !s.ok())
      return s;
    if (Status s = del.Run(); !s.ok()) return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error(std::string(kConflict));
  });
}

Status SqliteStore::DeletePostsChangedBefore(const std::vector<std::string>& statuses,
                                             int64_t updated_before, int64_t* deleted) {
  *deleted = 0;
  if (statuses.empty()) return Status::Ok();
  std::string placeholders;
  for (size_t i = 0; i < statuses.size(); ++i) placeholders += i ? ", ?" : "?";
  const std::string which =
      "SELECT id FROM posts WHERE status IN (" + placeholders + ") AND updated_at < ?";
  return Write([&] {
    for (const std::string& sql : {"DELETE FROM post_events WHERE post_id IN (" + which + ")",
                                   "DELETE FROM posts WHERE id IN (" + which + ")"}) {
      SqliteStatement st;
      if (Status s = db_.Prepare(sql, &st); !s.ok()) return s;
      int index = 1;
      for (const auto& status : statuses) st.Bind(index++, status);
      st.Bind(index, updated_before);
      if (Status s = st.Run(); !s.ok()) return s;
    }
    *deleted = db_.Changes();
    return Status::Ok();
  });
}

Status SqliteStore::CreateQuestion(QuestionRecord* question) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query("INSERT INTO questions (author_id, text, created_at) VALUES (?, ?, ?)",
                             &st, question->author_id, question->text, question->created_at);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    question->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::AnswerQuestion(int64_t id, std::string_view answer, int64_t by, int64_t at) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query("UPDATE questions SET answer = ?, answered_by = ?, answered_at = ?"
                             " WHERE id = ? AND answered_at IS NULL",
                             &st, answer, by, at, id);
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    return db_.Changes() == 1 ? Status::Ok() : Status::Error(std::string(kConflict));
  });
}

Status SqliteStore::FindQuestion(int64_t id, std::optional<QuestionRecord>* out) {
  return SelectOne(Sql("SELECT", kQuestionColumns, "FROM questions WHERE id = ?"), ReadQuestion,
                   out, id);
}

Status SqliteStore::ListQuestionsByAuthor(int64_t author_id, const PageRequest& page,
                                          std::vector<QuestionRecord>* out) {
  return SelectAll(Sql("SELECT", kQuestionColumns,
                       "FROM questions WHERE author_id = ? ORDER BY id DESC LIMIT ? OFFSET ?"),
                   ReadQuestion, out, author_id, page.limit + 1, page.offset);
}

Status SqliteStore::ListAllQuestions(const PageRequest& page, std::vector<QuestionRecord>* out) {
  return SelectAll(Sql("SELECT", kQuestionColumns,
                       "FROM questions ORDER BY answer IS NOT NULL, id LIMIT ? OFFSET ?"),
                   ReadQuestion, out, page.limit + 1, page.offset);
}

// ---- notifications ----

Status SqliteStore::FindNotificationsSeenAt(int64_t user_id, std::optional<int64_t>* out) {
  std::lock_guard lock(mutex_);
  out->reset();
  SqliteStatement st;
  if (Status s =
          db_.Query("SELECT seen_at FROM notification_marks WHERE user_id = ?", &st, user_id);
      !s.ok())
    return s;
  Status s;
  if (st.Step(&s)) *out = st.ColumnInt(0);
  return s;
}

Status SqliteStore::MarkNotificationsSeen(int64_t user_id, int64_t at) {
  return Write([&] {
    return db_.Run(
        "INSERT INTO notification_marks (user_id, seen_at) VALUES (?, ?)"
        " ON CONFLICT (user_id) DO UPDATE SET seen_at = MAX(seen_at, excluded.seen_at)",
        user_id, at);
  });
}

Status SqliteStore::ListDecidedPostsOfAuthor(int64_t author_id, int64_t since, int64_t limit,
                                             std::vector<PostRecord>* out) {
  return SelectAll(Sql("SELECT", kPostColumns,
                       "FROM posts WHERE author_id = ? AND decided_at >= ?"
                       " AND status IN ('approved', 'rejected', 'changes_requested')"
                       " ORDER BY decided_at DESC, id DESC LIMIT ?"),
                   ReadPost, out, author_id, since, limit);
}

Status SqliteStore::ListAnsweredQuestionsOfAuthor(int64_t author_id, int64_t since, int64_t limit,
                                                  std::vector<QuestionRecord>* out) {
  return SelectAll(Sql("SELECT", kQuestionColumns,
                       "FROM questions WHERE author_id = ? AND answered_at >= ?"
                       " ORDER BY answered_at DESC, id DESC LIMIT ?"),
                   ReadQuestion, out, author_id, since, limit);
}

Status SqliteStore::CountWaitingWork(WaitingWork* out) {
  std::lock_guard lock(mutex_);
  *out = WaitingWork{};
  SqliteStatement st;
  if (Status s = db_.Prepare("SELECT (SELECT COUNT(*) FROM posts WHERE status = 'in_review'),"
                             " (SELECT MAX(submitted_at) FROM posts WHERE status = 'in_review'),"
                             " (SELECT COUNT(*) FROM questions WHERE answer IS NULL),"
                             " (SELECT MAX(created_at) FROM questions WHERE answer IS NULL)",
                             &st);
      !s.ok()) {
    return s;
  }
  Status s;
  if (st.Step(&s)) {
    out->posts_in_review = st.ColumnInt(0);
    out->newest_submitted_at = st.ColumnOptionalInt(1);
    out->unanswered_questions = st.ColumnInt(2);
    out->newest_question_at = st.ColumnOptionalInt(3);
  }
  return s;
}

// ---- audit ----

Status SqliteStore::AppendAudit(AuditRecord* entry) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Query(
            "INSERT INTO audit_log (at, actor_id, action, object, detail) VALUES (?, ?, ?, ?, ?)",
            &st, entry->at, entry->actor_id, entry->action, entry->object,
            entry->detail.empty() ? std::string_view("{}") : std::string_view(entry->detail));
        !s.ok())
      return s;
    if (Status s = st.Run(); !s.ok()) return s;
    entry->id = db_.LastInsertId();
    return Status::Ok();
  });
}

Status SqliteStore::ListAudit(const AuditQuery& query, std::vector<AuditRecord>* out) {
  std::lock_guard lock(mutex_);
  SqliteStatement st;
  // LIKE with an escaped prefix; ESCAPE keeps "_" and "%" in action names literal.
  std::string pattern;
  for (const char c : query.action_prefix) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  if (Status s = db_.Query(
          std::string("SELECT id, at, actor_id, action, object, detail FROM audit_log"
                      " WHERE id < ? AND (action ") +
              (query.exclude_prefix ? "NOT " : "") + "LIKE ? ESCAPE '\\') ORDER BY id DESC LIMIT ?",
          &st, query.before_id.value_or(std::numeric_limits<int64_t>::max()), pattern, query.limit);
      !s.ok())
    return s;
  return CollectRows(
      st,
      [](const SqliteStatement& r) {
        return AuditRecord{r.ColumnInt(0),  r.ColumnInt(1),  r.ColumnOptionalInt(2),
                           r.ColumnText(3), r.ColumnText(4), r.ColumnText(5)};
      },
      out);
}

}  // namespace chorus::store
