// SqliteStore: the Store on one SQLite database file in WAL mode (the embedded default).
// Open() creates the file if needed and applies pending migrations. Every write runs in a
// transaction (BEGIN IMMEDIATE, or a savepoint inside Transaction()), committed with
// synchronous=FULL, so killing the process at any moment loses no committed change.
//
// Thread-safety: all methods are safe from any thread; one connection is shared and calls
// are serialised by a recursive mutex (a Transaction body may call back into the store).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/invitations.h"
#include "store/post_photos.h"
#include "store/sqlite_database.h"
#include "store/store.h"

namespace chorus::store {

class SqliteStore final : public Store, public PostPhotos, public Invitations {
 public:
  // `path` is a file name or ":memory:".
  static Status Open(const std::string& path, std::unique_ptr<SqliteStore>* out);

  Status Transaction(const std::function<Status(Store&)>& body) override;

  Status CreateTeam(TeamRecord* team) override;
  Status FindTeamByName(std::string_view name, std::optional<TeamRecord>* out) override;
  Status ListTeams(std::vector<TeamRecord>* out) override;
  Status FindTeamById(int64_t id, std::optional<TeamRecord>* out) override;
  Status RenameTeam(int64_t id, std::string_view name) override;
  Status DeleteTeam(int64_t id) override;
  Status CountTeamMembers(std::map<int64_t, int64_t>* out) override;
  Status CreateUser(UserRecord* user) override;
  Status UpdateUser(const UserRecord& user) override;
  Status FindUserById(int64_t id, std::optional<UserRecord>* out) override;
  Status FindUserByEmail(std::string_view email, std::optional<UserRecord>* out) override;
  Status ListUsers(std::vector<UserRecord>* out) override;
  Status CountUsers(int64_t* out) override;

  Status CreateSession(const SessionRecord& session) override;
  Status FindSession(std::string_view token_hash, std::optional<SessionRecord>* out) override;
  Status RenewSession(std::string_view token_hash, int64_t expires_at) override;
  Status DeleteSession(std::string_view token_hash) override;
  Status DeleteSessionsOfUser(int64_t user_id) override;
  Status DeleteExpiredSessions(int64_t now) override;
  Status CreateApiToken(ApiTokenRecord* token) override;
  Status FindApiToken(std::string_view token_hash, std::optional<ApiTokenRecord>* out) override;
  // API token methods are defined in sqlite_api_tokens.cc.
  Status FindApiTokenById(int64_t id, std::optional<ApiTokenRecord>* out) override;
  Status ListApiTokensOfUser(int64_t user_id, std::vector<ApiTokenRecord>* out) override;
  Status RevokeApiToken(int64_t id, int64_t at) override;
  Status RevokeApiTokensOfUser(int64_t user_id, int64_t at, int64_t* revoked) override;
  Status TouchApiToken(int64_t id, int64_t at, int64_t min_gap) override;

  Status CreatePolicyVersion(PolicyVersionRecord* version) override;
  Status UpdatePolicyDraft(int64_t id, std::string_view title, std::string_view yaml) override;
  Status PublishPolicyVersion(int64_t id, int64_t by, int64_t at) override;
  Status DeletePolicyDraft(int64_t id) override;
  Status FindPolicyVersion(int64_t id, std::optional<PolicyVersionRecord>* out) override;
  Status FindCurrentPolicyVersion(std::optional<PolicyVersionRecord>* out) override;
  Status ListPolicyVersions(std::vector<PolicyVersionRecord>* out) override;
  Status AddPolicyComment(PolicyCommentRecord* comment) override;
  Status ListPolicyComments(int64_t version_id, std::vector<PolicyCommentRecord>* out) override;
  Status Acknowledge(const AcknowledgementRecord& ack) override;
  Status FindAcknowledgement(int64_t user_id, int64_t version_id,
                             std::optional<AcknowledgementRecord>* out) override;
  Status ListAcknowledgements(int64_t version_id, std::vector<AcknowledgementRecord>* out) override;

  Status CreatePost(PostRecord* post) override;
  Status UpdatePost(const PostRecord& post, std::string_view expected_status) override;
  Status FindPost(int64_t id, std::optional<PostRecord>* out) override;
  Status ListPostsByAuthor(int64_t author_id, const PageRequest& page,
                           std::vector<PostRecord>* out) override;
  Status ListPostsByStatus(std::string_view status, const PageRequest& page,
                           std::vector<PostRecord>* out) override;
  Status AddPostEvent(PostEventRecord* event) override;
  Status ListPostEvents(int64_t post_id, std::vector<PostEventRecord>* out) override;
  Status DeletePost(int64_t id, std::string_view expected_status) override;
  Status SavePostPhoto(const PostPhotoRecord& photo) override;
  Status FindPostPhoto(int64_t post_id, std::optional<PostPhotoRecord>* out) override;
  Status HasPostPhoto(int64_t post_id, bool* out) override;
  Status CreateInvitation(InvitationRecord* invitation) override;
  Status FindInvitation(std::string_view token_hash, std::optional<InvitationRecord>* out) override;
  Status UseInvitation(int64_t id, int64_t at) override;
  Status DeletePostsChangedBefore(const std::vector<std::string>& statuses, int64_t updated_before,
                                  int64_t* deleted) override;

  Status CreateQuestion(QuestionRecord* question) override;
  Status AnswerQuestion(int64_t id, std::string_view answer, int64_t by, int64_t at) override;
  Status FindQuestion(int64_t id, std::optional<QuestionRecord>* out) override;
  Status ListQuestionsByAuthor(int64_t author_id, const PageRequest& page,
                               std::vector<QuestionRecord>* out) override;
  Status ListAllQuestions(const PageRequest& page, std::vector<QuestionRecord>* out) override;

  Status FindNotificationsSeenAt(int64_t user_id, std::optional<int64_t>* out) override;
  Status MarkNotificationsSeen(int64_t user_id, int64_t at) override;
  Status ListDecidedPostsOfAuthor(int64_t author_id, int64_t since, int64_t limit,
                                  std::vector<PostRecord>* out) override;
  Status ListAnsweredQuestionsOfAuthor(int64_t author_id, int64_t since, int64_t limit,
                                       std::vector<QuestionRecord>* out) override;
  Status CountWaitingWork(WaitingWork* out) override;

  Status AppendAudit(AuditRecord* entry) override;
  Status ListAudit(const AuditQuery& query, std::vector<AuditRecord>* out) override;
  using Store::ListAudit;
  Status ListAcknowledgementsOfUser(int64_t user_id,
                                    std::vector<AcknowledgementRecord>* out) override;
  Status ListPolicyCommentsOfAuthor(int64_t author_id,
                                    std::vector<PolicyCommentRecord>* out) override;
  Status ListAuditAboutPerson(int64_t user_id, int64_t limit,
                              std::vector<AuditRecord>* out) override;

  // For the stores of other record types on this connection (store/sqlite_usage_store.cc …):
  // runs `body` with the database under the lock, inside a transaction (a savepoint when
  // nested), as every write here runs.
  Status WithDatabase(const std::function<Status(SqliteDatabase&)>& body);
  // The same for reads (store/sqlite_monitoring_store.cc): under the lock, no transaction of
  // its own (so a read never waits for another process's write to finish).
  Status ReadWith(const std::function<Status(SqliteDatabase&)>& body);

  // For diagnostics and tests: "wal" when the database is in WAL mode.
  std::string JournalMode();

 private:
  SqliteStore() = default;
  // Runs `body` under the lock inside a transaction (or a savepoint when nested).
  Status Write(const std::function<Status()>& body);
  // Under the lock: runs the query `sql` with `params` and reads every row (or the first)
  // with `read`.
  template <typename Record, typename Reader, typename... Params>
  Status SelectAll(std::string_view sql, Reader read, std::vector<Record>* out,
                   const Params&... params);
  template <typename Record, typename Reader, typename... Params>
  Status SelectOne(std::string_view sql, Reader read, std::optional<Record>* out,
                   const Params&... params);

  std::recursive_mutex mutex_;
  SqliteDatabase db_;
  int depth_ = 0;  // open transactions and savepoints, guarded by mutex_
};

}  // namespace chorus::store
