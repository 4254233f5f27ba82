// Store: everything Chorus keeps, behind one interface, so that another database
// (PostgreSQL) can follow SQLite without touching the program layer. Each method is atomic on
// its own; Transaction() groups several calls into one atomic unit (nested calls join it).
// Lookups that find nothing return OK with an empty optional; a Status error means the
// operation failed (storage error, constraint violated) and nothing was changed.
//
// Thread-safety: every method may be called from any thread; implementations serialise as
// they need. A Transaction body runs on the calling thread and must only use the Store it is
// given.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/records.h"

namespace chorus::store {

// One page of a list: at most `limit` rows after skipping `offset` rows, in the list's own
// order. Lists fetch one row more than asked so the caller can tell whether more follow.
struct PageRequest {
  int64_t limit = 50;
  int64_t offset = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `body` atomically: its changes are all committed if it returns OK, else none.
  virtual Status Transaction(const std::function<Status(Store&)>& body) = 0;

  // Teams and users.
  virtual Status CreateTeam(TeamRecord* team) = 0;  // sets team->id
  virtual Status FindTeamByName(std::string_view name, std::optional<TeamRecord>* out) = 0;
  virtual Status ListTeams(std::vector<TeamRecord>* out) = 0;
  virtual Status FindTeamById(int64_t id, std::optional<TeamRecord>* out) = 0;
  // Fails (storage error, nothing changed) when another team has the name (case-insensitive)
  // and with "no such team" when `id` does not exist.
  virtual Status RenameTeam(int64_t id, std::string_view name) = 0;
  // Removes the team; its members stay, without a team. Fails when `id` does not exist.
  virtual Status DeleteTeam(int64_t id) = 0;
  // team id -> number of users (active or not) in it; teams without members are absent.
  virtual Status CountTeamMembers(std::map<int64_t, int64_t>* out) = 0;
  virtual Status CreateUser(UserRecord* user) = 0;  // sets user->id
  virtual Status UpdateUser(const UserRecord& user) = 0;
  virtual Status FindUserById(int64_t id, std::optional<UserRecord>* out) = 0;
  virtual Status FindUserByEmail(std::string_view email, std::optional<UserRecord>* out) = 0;
  virtual Status ListUsers(std::vector<UserRecord>* out) = 0;
  virtual Status CountUsers(int64_t* out) = 0;

  // Sign-in sessions and API tokens (looked up by the hash of their secret).
  virtual Status CreateSession(const SessionRecord& session) = 0;
  virtual Status FindSession(std::string_view token_hash, std::optional<SessionRecord>* out) = 0;
  // Moves the session's expiry to `expires_at` when that is later than the stored one (a
  // session is never shortened this way, so concurrent renewals cannot undo each other).
  virtual Status RenewSession(std::string_view token_hash, int64_t expires_at) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  virtual Status DeleteSessionsOfUser(int64_t user_id) = 0;
  virtual Status DeleteExpiredSessions(int64_t now) = 0;
  virtual Status CreateApiToken(ApiTokenRecord* token) = 0;  // sets token->id
  virtual Status FindApiToken(std::string_view token_hash, std::optional<ApiTokenRecord>* out) = 0;
  virtual Status FindApiTokenById(int64_t id, std::optional<ApiTokenRecord>* out) = 0;
  // The user's tokens, revoked and expired ones included, newest first.
  virtual Status ListApiTokensOfUser(int64_t user_id, std::vector<ApiTokenRecord>* out) = 0;
  // Marks the token revoked at `at`; a token already revoked keeps its first time.
  virtual Status RevokeApiToken(int64_t id, int64_t at) = 0;
  // Revokes every live token of the user; `*revoked` (optional) is how many.
  virtual Status RevokeApiTokensOfUser(int64_t user_id, int64_t at, int64_t* revoked) = 0;
  // Records a use at `at`, but only when the stored last use is older than `at - min_gap`
  // (so a busy integration costs at most one write per gap).
  virtual Status TouchApiToken(int64_t id, int64_t at, int64_t min_gap) = 0;

  // Policy versions: drafts are editable; published versions are immutable and numbered.
  virtual Status CreatePolicyVersion(PolicyVersionRecord* version) = 0;  // a draft; sets id
  virtual Status UpdatePolicyDraft(int64_t id, std::string_view title, std::string_view yaml) = 0;
  // Publishes a draft as number max(number)+1; fails if it is not a draft.
  virtual Status PublishPolicyVersion(int64_t id, int64_t by, int64_t at) = 0;
  // Deletes a draft with its comments; kConflict if it is published (or gone).
  virtual Status DeletePolicyDraft(int64_t id) = 0;
  virtual Status FindPolicyVersion(int64_t id, std::optional<PolicyVersionRecord>* out) = 0;
  // The published version with the highest number.
  virtual Status FindCurrentPolicyVersion(std::optional<PolicyVersionRecord>* out) = 0;
  virtual Status ListPolicyVersions(std::vector<PolicyVersionRecord>* out) = 0;  // newest first
  virtual Status AddPolicyComment(PolicyCommentRecord* comment) = 0;
  virtual Status ListPolicyComments(int64_t version_id, std::vector<PolicyCommentRecord>* out) = 0;
  // Records an acknowledgement; acknowledging twice keeps the first time.
  virtual Status Acknowledge(const AcknowledgementRecord& ack) = 0;
  virtual Status FindAcknowledgement(int64_t user_id, int64_t version_id,
                                     std::optional<AcknowledgementRecord>* out) = 0;
  virtual Status ListAcknowledgements(int64_t version_id,
                                      std::vector<AcknowledgementRecord>* out) = 0;

  // Posts (checked drafts) and their review.
  virtual Status CreatePost(PostRecord* post) = 0;  // sets post->id
  // Replaces the post's mutable fields if its status is still `expected_status`; otherwise
  // fails with "conflict" and changes nothing.
  virtual Status UpdatePost(const PostRecord& post, std::string_view expected_status) = 0;
  virtual Status FindPost(int64_t id, std::optional<PostRecord>* out) = 0;
  // Newest first; one page (see PageRequest).
  virtual Status ListPostsByAuthor(int64_t author_id, const PageRequest& page,
                                   std::vector<PostRecord>* out) = 0;
  // Posts with `status`, longest waiting first.
  virtual Status ListPostsByStatus(std::string_view status, const PageRequest& page,
                                   std::vector<PostRecord>* out) = 0;
  virtual Status AddPostEvent(PostEventRecord* event) = 0;
  virtual Status ListPostEvents(int64_t post_id, std::vector<PostEventRecord>* out) = 0;
  // Deletes the post with its events if it is still `expected_status`; otherwise fails with
  // "conflict" and changes nothing (the author deleting a draft).
  virtual Status DeletePost(int64_t id, std::string_view expected_status) = 0;
  // Deletes the posts whose status is one of `statuses` and that last changed before
  // `updated_before`, with their events (retention); `*deleted` is how many posts went.
  virtual Status DeletePostsChangedBefore(const std::vector<std::string>& statuses,
                                          int64_t updated_before, int64_t* deleted) = 0;

  // Consultation: questions to the communications team and their answers.
  virtual Status CreateQuestion(QuestionRecord* question) = 0;
  // Answers a question that has no answer yet; kConflict when it has one (or does not exist).
  virtual Status AnswerQuestion(int64_t id, std::string_view answer, int64_t by, int64_t at) = 0;
  virtual Status FindQuestion(int64_t id, std::optional<QuestionRecord>* out) = 0;
  // Newest first; one page.
  virtual Status ListQuestionsByAuthor(int64_t author_id, const PageRequest& page,
                                       std::vector<QuestionRecord>* out) = 0;
  // Unanswered first, then oldest first; one page.
  virtual Status ListAllQuestions(const PageRequest& page, std::vector<QuestionRecord>* out) = 0;

  // Notifications are derived from the records above; the store keeps only, per user, the
  // time up to which they have seen them.
  virtual Status FindNotificationsSeenAt(int64_t user_id, std::optional<int64_t>* out) = 0;
  // Records that `user_id` has seen everything up to `at`; never moves the mark backwards.
  virtual Status MarkNotificationsSeen(int64_t user_id, int64_t at) = 0;
  // The author's posts decided (approved, rejected, changes requested) at or after `since`,
  // newest decision first, at most `limit`.
  virtual Status ListDecidedPostsOfAuthor(int64_t author_id, int64_t since, int64_t limit,
                                          std::vector<PostRecord>* out) = 0;
  // The author's questions answered at or after `since`, newest answer first, at most `limit`.
  virtual Status ListAnsweredQuestionsOfAuthor(int64_t author_id, int64_t since, int64_t limit,
                                               std::vector<QuestionRecord>* out) = 0;
  virtual Status CountWaitingWork(WaitingWork* out) = 0;

  // The append-only audit log of administrative actions.
  virtual Status AppendAudit(AuditRecord* entry) = 0;
  // Newest first: at most `limit` entries with an id below `before_id` (when set) whose action
  // starts with `action_prefix` (or, with `exclude_prefix`, does not).
  struct AuditQuery {
    int64_t limit = 100;
    std::optional<int64_t> before_id;
    std::string action_prefix;
    bool exclude_prefix = false;
  };
  virtual Status ListAudit(const AuditQuery& query, std::vector<AuditRecord>* out) = 0;

  // Personal data, for a person's own export (program/personal_data.h). Acknowledgements and
  // policy comments of one person, oldest first; audit entries the person made or that name
  // them, their posts, questions or linked accounts as the object, newest first, at most
  // `limit`.
  virtual Status ListAcknowledgementsOfUser(int64_t user_id,
                                            std::vector<AcknowledgementRecord>* out) = 0;
  virtual Status ListPolicyCommentsOfAuthor(int64_t author_id,
                                            std::vector<PolicyCommentRecord>* out) = 0;
  virtual Status ListAuditAboutPerson(int64_t user_id, int64_t limit,
                                      std::vector<AuditRecord>* out) = 0;
  Status ListAudit(int64_t limit, std::vector<AuditRecord>* out) {
    return ListAudit(AuditQuery{.limit = limit}, out);
  }
};

// The message of the Status UpdatePost returns when the post's status changed meanwhile.
inline constexpr std::string_view kConflict = "conflict";

}  // namespace chorus::store
