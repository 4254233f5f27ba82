#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "store/migrations.h"

namespace chorus::store {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("chorus_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ASSERT_TRUE(SqliteStore::Open(Path(), &store_).ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string Path() const { return (dir_ / "chorus.db").string(); }

  int64_t AddUser(const std::string& email) {
    UserRecord u;
    u.email = email;
    u.name = email;
    u.role = "employee";
    u.language = "en";
    u.created_at = 1;
    EXPECT_TRUE(store_->CreateUser(&u).ok());
    return u.id;
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, OpensInWalModeWithEveryMigrationApplied) {
  EXPECT_EQ(store_->JournalMode(), "wal");
  SqliteDatabase db;
  ASSERT_TRUE(SqliteDatabase::Open(Path(), &db).ok());
  int version = 0;
  ASSERT_TRUE(SchemaVersion(db, &version).ok());
  EXPECT_EQ(version, SqliteMigrations().back().version);
  // Migrating again applies nothing.
  int applied = -1;
  ASSERT_TRUE(Migrate(db, SqliteMigrations(), &applied).ok());
  EXPECT_EQ(applied, 0);
}

TEST_F(SqliteStoreTest, CommittedDataSurvivesReopening) {
  const int64_t id = AddUser("a@example.com");
  store_.reset();
  ASSERT_TRUE(SqliteStore::Open(Path(), &store_).ok());
  std::optional<UserRecord> user;
  ASSERT_TRUE(store_->FindUserByEmail("A@EXAMPLE.COM", &user).ok());  // case-insensitive
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->id, id);
}

TEST_F(SqliteStoreTest, FailedTransactionLeavesNothingBehind) {
  Status s = store_->Transaction([&](Store& tx) {
    UserRecord u{0, "b@example.com", "B", "employee", "en", std::nullopt, "", true, 1};
    if (Status c = tx.CreateUser(&u); !c.ok()) return c;
    return Status::Error("abort");
  });
  EXPECT_FALSE(s.ok());
  std::optional<UserRecord> user;
  ASSERT_TRUE(store_->FindUserByEmail("b@example.com", &user).ok());
  EXPECT_FALSE(user.has_value());
}

TEST_F(SqliteStoreTest, NestedFailureRollsBackOnlyTheInnerPart) {
  Status s = store_->Transaction([&](Store& tx) {
    UserRecord outer{0, "outer@example.com", "O", "employee", "en", std::nullopt, "", true, 1};
    if (Status c = tx.CreateUser(&outer); !c.ok()) return c;
    Status inner = tx.Transaction([&](Store& inner_tx) {
      UserRecord u{0, "inner@example.com", "I", "employee", "en", std::nullopt, "", true, 1};
      EXPECT_TRUE(inner_tx.CreateUser(&u).ok());
      return Status::Error("inner fails");
    });
    EXPECT_FALSE(inner.ok());
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok());
  std::optional<UserRecord> user;
  ASSERT_TRUE(store_->FindUserByEmail("outer@example.com", &user).ok());
  EXPECT_TRUE(user.has_value());
  ASSERT_TRUE(store_->FindUserByEmail("inner@example.com", &user).ok());
  EXPECT_FALSE(user.has_value());
}

TEST_F(SqliteStoreTest, DuplicateEmailIsRefused) {
  AddUser("c@example.com");
  UserRecord dup{0, "C@example.com", "C", "employee", "en", std::nullopt, "", true, 1};
  EXPECT_FALSE(store_->CreateUser(&dup).ok());
}

TEST_F(SqliteStoreTest, PublishedVersionsAreNumberedAndImmutable) {
  const int64_t admin = AddUser("admin@example.com");
  PolicyVersionRecord v1{0, std::nullopt, "v1", "organization: {name: A}\n", "", admin, 1};
  ASSERT_TRUE(store_->CreatePolicyVersion(&v1).ok());
  ASSERT_TRUE(store_->UpdatePolicyDraft(v1.id, "v1", "organization: {name: B}\n").ok());
  ASSERT_TRUE(store_->PublishPolicyVersion(v1.id, admin, 2).ok());
  EXPECT_FALSE(store_->PublishPolicyVersion(v1.id, admin, 3).ok());  // already published
  EXPECT_FALSE(store_->UpdatePolicyDraft(v1.id, "x", "changed").ok());

  PolicyVersionRecord v2{0, std::nullopt, "v2", "organization: {name: C}\n", "", admin, 4};
  ASSERT_TRUE(store_->CreatePolicyVersion(&v2).ok());
  ASSERT_TRUE(store_->PublishPolicyVersion(v2.id, admin, 5).ok());
  std::optional<PolicyVersionRecord> current;
  ASSERT_TRUE(store_->FindCurrentPolicyVersion(&current).ok());
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->id, v2.id);
  EXPECT_EQ(current->number, 2);
  std::optional<PolicyVersionRecord> first;
  ASSERT_TRUE(store_->FindPolicyVersion(v1.id, &first).ok());
  EXPECT_EQ(first->yaml, "organization: {name: B}\n");
  EXPECT_EQ(first->number, 1);

  // Even raw SQL cannot change a published version: a trigger refuses it.
  SqliteDatabase db;
  ASSERT_TRUE(SqliteDatabase::Open(Path(), &db).ok());
  EXPECT_FALSE(db.Exec("UPDATE policy_versions SET yaml = 'x' WHERE id = 1").ok());
  EXPECT_FALSE(db.Exec("DELETE FROM policy_versions WHERE id = 1").ok());
}

TEST_F(SqliteStoreTest, AuditLogIsAppendOnly) {
  AuditRecord entry{0, 10, std::nullopt, "user.create", "user:1", "{\"a\":1}"};
  ASSERT_TRUE(store_->AppendAudit(&entry).ok());
  std::vector<AuditRecord> entries;
  ASSERT_TRUE(store_->ListAudit(10, &entries).ok());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "user.create");
  SqliteDatabase db;
  ASSERT_TRUE(SqliteDatabase::Open(Path(), &db).ok());
  EXPECT_FALSE(db.Exec("UPDATE audit_log SET action = 'x'").ok());
  EXPECT_FALSE(db.Exec("DELETE FROM audit_log").ok());
}

TEST_F(SqliteStoreTest, UpdatePostIsCompareAndSetOnStatus) {
  const int64_t author = AddUser("d@example.com");
  PostRecord post;
  post.author_id = author;
  post.text = "hello";
  post.language = "en";
  post.verdict = "ok";
  post.result_json = "{}";
  post.status = "draft";
  ASSERT_TRUE(store_->CreatePost(&post).ok());
  post.status = "in_review";
  post.submitted_at = 5;
  ASSERT_TRUE(store_->UpdatePost(post, "draft").ok());
  post.status = "approved";
  Status stale = store_->UpdatePost(post, "draft");  // someone else already moved it
  EXPECT_FALSE(stale.ok());
  EXPECT_EQ(stale.message(), kConflict);
  std::vector<PostRecord> queue;
  ASSERT_TRUE(store_->ListPostsByStatus("in_review", {}, &queue).ok());
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].id, post.id);
}

TEST_F(SqliteStoreTest, PostListsArePagedWithOneRowMoreThanAsked) {
  const int64_t author = AddUser("p@example.com");
  for (int i = 0; i < 120; ++i) {
    PostRecord post;
    post.author_id = author;
    post.text = "post " + std::to_string(i);
    post.language = "en";
    post.verdict = "ok";
    post.result_json = "{}";
    post.status = "draft";
    ASSERT_TRUE(store_->CreatePost(&post).ok());
  }
  std::vector<PostRecord> page;
  ASSERT_TRUE(store_->ListPostsByAuthor(author, {.limit = 50, .offset = 0}, &page).ok());
  ASSERT_EQ(page.size(), 51u);  // the extra row says that more follow
  EXPECT_EQ(page[0].text, "post 119");
  ASSERT_TRUE(store_->ListPostsByAuthor(author, {.limit = 50, .offset = 100}, &page).ok());
  ASSERT_EQ(page.size(), 20u);
  EXPECT_EQ(page[0].text, "post 19");
  EXPECT_EQ(page[19].text, "post 0");
}

TEST_F(SqliteStoreTest, TeamsAreRenamedUniquelyAndDeletedWithoutTheirMembers) {
  TeamRecord sales{0, "Sales"}, legal{0, "Legal"};
  ASSERT_TRUE(store_->CreateTeam(&sales).ok());
  ASSERT_TRUE(store_->CreateTeam(&legal).ok());
  UserRecord u{0, "m@example.com", "M", "employee", "en", sales.id, "", true, 1};
  ASSERT_TRUE(store_->CreateUser(&u).ok());
  std::map<int64_t, int64_t> members;
  ASSERT_TRUE(store_->CountTeamMembers(&members).ok());
  EXPECT_EQ(members, (std::map<int64_t, int64_t>{{sales.id, 1}}));

  EXPECT_FALSE(store_->RenameTeam(sales.id, "legal").ok());  // unique, ignoring case
  EXPECT_FALSE(store_->RenameTeam(9999, "Nobody").ok());
  ASSERT_TRUE(store_->RenameTeam(sales.id, "Sales and Marketing").ok());
  std::optional<TeamRecord> found;
  ASSERT_TRUE(store_->FindTeamById(sales.id, &found).ok());
  EXPECT_EQ(found->name, "Sales and Marketing");

  ASSERT_TRUE(store_->DeleteTeam(sales.id).ok());  // foreign keys are on: members let go first
  ASSERT_TRUE(store_->FindTeamById(sales.id, &found).ok());
  EXPECT_FALSE(found.has_value());
  std::optional<UserRecord> member;
  ASSERT_TRUE(store_->FindUserById(u.id, &member).ok());
  ASSERT_TRUE(member.has_value());
  EXPECT_FALSE(member->team_id.has_value());
  EXPECT_FALSE(store_->DeleteTeam(sales.id).ok());
}

TEST_F(SqliteStoreTest, SessionRenewalAndNotificationMarksNeverGoBackwards) {
  const int64_t user = AddUser("s@example.com");
  ASSERT_TRUE(store_->CreateSession({"hash", user, "csrf", 100, 200}).ok());
  ASSERT_TRUE(store_->RenewSession("hash", 150).ok());
  std::optional<SessionRecord> session;
  ASSERT_TRUE(store_->FindSession("hash", &session).ok());
  EXPECT_EQ(session->expires_at, 200);
  ASSERT_TRUE(store_->RenewSession("hash", 300).ok());
  ASSERT_TRUE(store_->FindSession("hash", &session).ok());
  EXPECT_EQ(session->expires_at, 300);

  std::optional<int64_t> seen;
  ASSERT_TRUE(store_->FindNotificationsSeenAt(user, &seen).ok());
  EXPECT_FALSE(seen.has_value());
  ASSERT_TRUE(store_->MarkNotificationsSeen(user, 50).ok());
  ASSERT_TRUE(store_->MarkNotificationsSeen(user, 40).ok());
  ASSERT_TRUE(store_->FindNotificationsSeenAt(user, &seen).ok());
  EXPECT_EQ(seen, 50);
  ASSERT_TRUE(store_->MarkNotificationsSeen(user, 60).ok());
  ASSERT_TRUE(store_->FindNotificationsSeenAt(user, &seen).ok());
  EXPECT_EQ(seen, 60);
}

}  // namespace
}  // namespace chorus::store
