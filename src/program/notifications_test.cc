#include "program/notifications.h"

#include <gtest/gtest.h>

#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class NotificationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    notifications_ = std::make_unique<Notifications>(*store_, [this] { return now_; });
    anna_ = AddUser("anna@x.lv", "employee");
    ben_ = AddUser("ben@x.lv", "employee");
    rita_ = AddUser("rita@x.lv", "reviewer");
  }

  Actor AddUser(const std::string& email, const std::string& role) {
    store::UserRecord u{0, email, email, role, "en", std::nullopt, "", true, 1};
    EXPECT_TRUE(store_->CreateUser(&u).ok());
    Actor a;
    a.user_id = u.id;
    ParseRole(role, &a.role);
    return a;
  }

  int64_t AddPost(const Actor& author, std::string status, std::optional<int64_t> submitted_at,
                  std::optional<int64_t> decided_at) {
    store::PostRecord p;
    p.author_id = author.user_id;
    p.text = "post of " + std::to_string(author.user_id);
    p.language = "en";
    p.verdict = "review";
    p.result_json = "{}";
    p.status = std::move(status);
    p.submitted_at = submitted_at;
    p.decided_at = decided_at;
    if (decided_at) p.reviewer_id = rita_.user_id;
    EXPECT_TRUE(store_->CreatePost(&p).ok());
    return p.id;
  }

  int64_t AddQuestion(const Actor& author, int64_t at) {
    store::QuestionRecord q;
    q.author_id = author.user_id;
    q.text = "May I?";
    q.created_at = at;
    EXPECT_TRUE(store_->CreateQuestion(&q).ok());
    return q.id;
  }

  NotificationList List(const Actor& who) {
    NotificationList list;
    EXPECT_TRUE(notifications_->List(who, &list).ok());
    return list;
  }

  int64_t now_ = 10'000;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Notifications> notifications_;
  Actor anna_, ben_, rita_;
};

std::vector<std::string_view> Kinds(const NotificationList& list) {
  std::vector<std::string_view> kinds;
  for (const auto& item : list.items) kinds.push_back(NotificationKindName(item.kind));
  return kinds;
}

TEST_F(NotificationsTest, EachPersonSeesTheirOwnItemsNewestFirstUntilMarkedSeen) {
  const int64_t approved = AddPost(anna_, "approved", 800, 1000);
  AddPost(anna_, "draft", std::nullopt, std::nullopt);  // never submitted: nothing
  AddPost(ben_, "rejected", 800, 1050);                 // Ben's, not Anna's
  const int64_t question = AddQuestion(anna_, 900);
  ASSERT_TRUE(store_->AnswerQuestion(question, "Yes.", rita_.user_id, 1100).ok());
  store::PolicyVersionRecord v{0,  std::nullopt,  "Policy", "organization: {name: A}\n",
                               "", rita_.user_id, 500};
  ASSERT_TRUE(store_->CreatePolicyVersion(&v).ok());
  ASSERT_TRUE(store_->PublishPolicyVersion(v.id, rita_.user_id, 700).ok());

  NotificationList anna = List(anna_);
  EXPECT_EQ(Kinds(anna), (std::vector<std::string_view>{"question_answered", "post_decided",
                                                        "policy_to_acknowledge"}));
  EXPECT_EQ(anna.unseen, 3);
  EXPECT_FALSE(anna.seen_at.has_value());
  EXPECT_EQ(anna.items[1].post->id, approved);
  EXPECT_EQ(anna.items[0].question->id, question);
  EXPECT_TRUE(anna.items[2].version->yaml.empty());

  // Looking marks them seen; they stay listed, no longer counted.
  ASSERT_TRUE(notifications_->MarkSeen(anna_, nullptr).ok());
  anna = List(anna_);
  EXPECT_EQ(anna.unseen, 0);
  EXPECT_EQ(anna.items.size(), 3u);
  EXPECT_EQ(anna.seen_at, now_);

  // A later decision is unseen again; acknowledging removes the policy item.
  now_ = 20'000;
  const int64_t later = AddPost(anna_, "changes_requested", 15'000, 19'000);
  ASSERT_TRUE(store_->Acknowledge({anna_.user_id, v.id, 19'500}).ok());
  anna = List(anna_);
  EXPECT_EQ(anna.unseen, 1);
  ASSERT_EQ(anna.items.size(), 3u);
  EXPECT_EQ(anna.items[0].post->id, later);
  EXPECT_TRUE(anna.items[0].unseen);
  for (const auto& item : anna.items) EXPECT_NE(item.kind, NotificationKind::kPolicyToAcknowledge);

  // Ben sees only his own decision (and the policy); employees get no counts of waiting work.
  AddPost(ben_, "in_review", 19'800, std::nullopt);
  AddQuestion(ben_, 19'900);
  const NotificationList ben = List(ben_);
  EXPECT_EQ(Kinds(ben), (std::vector<std::string_view>{"post_decided", "policy_to_acknowledge"}));
  EXPECT_NE(ben.items[0].post->author_id, anna_.user_id);
}

TEST_F(NotificationsTest, ReviewersAlsoSeeTheWaitingWork) {
  AddPost(anna_, "in_review", 1000, std::nullopt);
  AddPost(ben_, "in_review", 1200, std::nullopt);
  AddQuestion(ben_, 1300);
  NotificationList rita = List(rita_);
  ASSERT_EQ(Kinds(rita), (std::vector<std::string_view>{"questions_waiting", "review_queue"}));
  EXPECT_EQ(rita.items[0].count, 1);
  EXPECT_EQ(rita.items[1].count, 2);
  EXPECT_EQ(rita.items[1].at, 1200);
  EXPECT_EQ(rita.unseen, 2);

  ASSERT_TRUE(notifications_->MarkSeen(rita_, nullptr).ok());
  EXPECT_EQ(List(rita_).unseen, 0);
  // A new post in the queue makes the queue item unseen again.
  now_ = 20'000;
  AddPost(anna_, "in_review", 19'000, std::nullopt);
  rita = List(rita_);
  EXPECT_EQ(rita.unseen, 1);
  EXPECT_EQ(rita.items[0].count, 3);
  EXPECT_TRUE(rita.items[0].unseen);
}

}  // namespace
}  // namespace chorus::program
