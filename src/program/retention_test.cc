#include "program/retention.h"

#include <gtest/gtest.h>

#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kNow = 1'800'000'000;

class RetentionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    store::UserRecord u;
    u.email = "author@example.com";
    u.name = "Author";
    u.role = "employee";
    u.language = "en";
    u.created_at = 1;
    ASSERT_TRUE(store_->CreateUser(&u).ok());
    author_ = u.id;
  }

  // A post in `status` last changed `age_days` before kNow, with one history event.
  int64_t AddPost(const std::string& status, int64_t age_days) {
    store::PostRecord post;
    post.author_id = author_;
    post.text = status + " post";
    post.language = "en";
    post.verdict = "ok";
    post.result_json = "{}";
    post.status = status;
    post.created_at = post.updated_at = kNow - age_days * kDay;
    EXPECT_TRUE(store_->CreatePost(&post).ok());
    store::PostEventRecord event;
    event.post_id = post.id;
    event.actor_id = author_;
    event.action = "checked";
    event.at = post.updated_at;
    EXPECT_TRUE(store_->AddPostEvent(&event).ok());
    return post.id;
  }

  bool Exists(int64_t id) {
    std::optional<store::PostRecord> post;
    EXPECT_TRUE(store_->FindPost(id, &post).ok());
    return post.has_value();
  }

  std::unique_ptr<store::SqliteStore> store_;
  int64_t author_ = 0;
};

TEST_F(RetentionTest, DeletesOldDraftsAndOldDecisionsButNeverTheQueue) {
  const int64_t old_draft = AddPost("draft", 31);
  const int64_t new_draft = AddPost("draft", 29);
  const int64_t old_approved = AddPost("approved", 366);
  const int64_t young_rejected = AddPost("rejected", 200);
  const int64_t old_changes = AddPost("changes_requested", 400);
  const int64_t waiting = AddPost("in_review", 1000);

  PurgeReport report;
  ASSERT_TRUE(
      PurgeExpiredPosts(*store_, {.draft_days = 30, .decided_days = 365}, kNow, &report).ok());
  EXPECT_EQ(report.drafts, 1);
  EXPECT_EQ(report.decided, 2);
  EXPECT_FALSE(Exists(old_draft));
  EXPECT_TRUE(Exists(new_draft));
  EXPECT_FALSE(Exists(old_approved));
  EXPECT_TRUE(Exists(young_rejected));
  EXPECT_FALSE(Exists(old_changes));
  EXPECT_TRUE(Exists(waiting));

  std::vector<store::PostEventRecord> events;
  ASSERT_TRUE(store_->ListPostEvents(old_draft, &events).ok());
  EXPECT_TRUE(events.empty()) << "the history goes with the post";
  ASSERT_TRUE(store_->ListPostEvents(new_draft, &events).ok());
  EXPECT_EQ(events.size(), 1u);

  std::vector<store::AuditRecord> audit;
  ASSERT_TRUE(store_->ListAudit(10, &audit).ok());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "retention.purge");
  EXPECT_EQ(audit[0].detail.find("post"), std::string::npos) << "counts only, never texts";
}

TEST_F(RetentionTest, ZeroDaysKeepsForEverAndAnEmptyPurgeWritesNoAudit) {
  const int64_t ancient_draft = AddPost("draft", 5000);
  const int64_t ancient_decision = AddPost("approved", 5000);
  PurgeReport report;
  ASSERT_TRUE(PurgeExpiredPosts(*store_, {.draft_days = 0, .decided_days = 0}, kNow, &report).ok());
  EXPECT_EQ(report.drafts + report.decided, 0);
  EXPECT_TRUE(Exists(ancient_draft));
  EXPECT_TRUE(Exists(ancient_decision));
  std::vector<store::AuditRecord> audit;
  ASSERT_TRUE(store_->ListAudit(10, &audit).ok());
  EXPECT_TRUE(audit.empty());
}

}  // namespace
}  // namespace chorus::program
