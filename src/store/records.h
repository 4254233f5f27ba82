// The records Chorus keeps: plain values exchanged between the program layer and a Store.
// Times are Unix seconds (UTC); ids are assigned by the store. Strings are UTF-8.
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace chorus::store {

struct TeamRecord {
  int64_t id = 0;
  std::string name;
};

struct UserRecord {
  int64_t id = 0;
  std::string email;
  std::string name;
  std::string role;      // "admin", "reviewer" or "employee"
  std::string language;  // interface language, e.g. "lv"
  std::optional<int64_t> team_id;
  std::string password_hash;  // Argon2id encoded hash; empty: cannot sign in with a password
  bool active = true;
  int64_t created_at = 0;
};

struct SessionRecord {
  std::string token_hash;  // SHA-256 of the cookie value, hex
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

struct ApiTokenRecord {
  int64_t id = 0;
  std::string token_hash;  // SHA-256 of the token, hex
  int64_t user_id = 0;
  std::string name;
  int64_t created_at = 0;
  bool revoked = false;
  int64_t expires_at = 0;  // the token stops working at this time
  std::optional<int64_t> last_used_at;
  std::optional<int64_t> revoked_at;
};

struct PolicyVersionRecord {
  int64_t id = 0;
  std::optional<int64_t> number;  // 1, 2, ... once published
  std::string title;
  std::string yaml;
  std::string status;  // "draft" or "published"
  int64_t created_by = 0;
  int64_t created_at = 0;
  std::optional<int64_t> published_by;
  std::optional<int64_t> published_at;
};

struct PolicyCommentRecord {
  int64_t id = 0;
  int64_t version_id = 0;
  int64_t author_id = 0;
  std::string text;
  int64_t created_at = 0;
};

struct AcknowledgementRecord {
  int64_t user_id = 0;
  int64_t version_id = 0;
  int64_t acknowledged_at = 0;
};

struct PostRecord {
  int64_t id = 0;
  int64_t author_id = 0;
  std::string text;
  std::string language;
  std::string verdict;      // "ok", "caution", "review", "block"
  std::string result_json;  // the check result as returned by the check endpoint
  std::string status;       // "draft", "in_review", "approved", "rejected", "changes_requested"
  std::optional<int64_t> policy_version_id;
  std::string author_note;
  std::optional<int64_t> reviewer_id;
  std::string review_comment;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> submitted_at;
  std::optional<int64_t> decided_at;
  // The author's edit made after "changes requested" and not sent yet: private to the author
  // (text, language, verdict and result_json above stay what reviewers were sent).
  struct Unsent {
    std::string text, language, verdict, result_json;
    std::optional<int64_t> policy_version_id;
  };
  std::optional<Unsent> unsent;
};

struct PostEventRecord {
  int64_t id = 0;
  int64_t post_id = 0;
  int64_t actor_id = 0;
  std::string action;  // "created", "edited", "submitted", "approved", ...
  std::string comment;
  int64_t at = 0;
};

struct QuestionRecord {
  int64_t id = 0;
  int64_t author_id = 0;
  std::string text;
  int64_t created_at = 0;
  std::optional<std::string> answer;
  std::optional<int64_t> answered_by;
  std::optional<int64_t> answered_at;
};

// What waits for reviewers: posts in review and unanswered questions, with the time the
// newest of each arrived (none when there is none).
struct WaitingWork {
  int64_t posts_in_review = 0;
  std::optional<int64_t> newest_submitted_at;
  int64_t unanswered_questions = 0;
  std::optional<int64_t> newest_question_at;
};

struct AuditRecord {
  int64_t id = 0;
  int64_t at = 0;
  std::optional<int64_t> actor_id;  // none: the command line or the system
  std::string action;               // e.g. "user.create", "policy.publish"
  std::string object;               // e.g. "user:12"
  std::string detail;               // a JSON object
};

}  // namespace chorus::store
