#include "program/review_desk.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class ReviewDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    cache_ = std::filesystem::temp_directory_path() /
             ("chorus-review-desk-test-" + std::to_string(::getpid()));
    policy_ = std::make_unique<PolicyProgram>(*store_, cache_.string(),
                                              "organization: Acme\nconfidential_terms: [Falcon]\n");
    ASSERT_TRUE(policy_->Start().ok());
    desk_ = std::make_unique<ReviewDesk>(*store_, *policy_);
    anna_ = AddUser("anna@x.lv", "employee");
    rita_ = AddUser("rita@x.lv", "reviewer");
    adam_ = AddUser("adam@x.lv", "admin");
  }
  void TearDown() override { std::filesystem::remove_all(cache_); }

  Actor AddUser(const std::string& email, const std::string& role) {
    store::UserRecord u{0, email, email, role, "en", std::nullopt, "", true, 1};
    EXPECT_TRUE(store_->CreateUser(&u).ok());
    Actor a;
    a.user_id = u.id;
    ParseRole(role, &a.role);
    return a;
  }

  // A post of Anna's that Rita sent back with "changes requested".
  int64_t SentBack(const std::string& text) {
    store::PostRecord post;
    EXPECT_TRUE(desk_->CheckDraft(anna_, text, "en", "", &post).ok());
    EXPECT_TRUE(desk_->Submit(anna_, post.id, "", nullptr).ok());
    EXPECT_TRUE(
        desk_->Decide(rita_, post.id, ReviewDecision::kRequestChanges, "shorter", nullptr).ok());
    return post.id;
  }

  std::string TextSeenBy(const Actor& who, int64_t id) {
    store::PostRecord post;
    EXPECT_TRUE(desk_->Get(who, id, &post, nullptr).ok());
    return post.text;
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::filesystem::path cache_;
  std::unique_ptr<PolicyProgram> policy_;
  std::unique_ptr<ReviewDesk> desk_;
  Actor anna_, rita_, adam_;
};

TEST_F(ReviewDeskTest, EditsAfterChangesRequestedArePrivateUntilSentAgain) {
  const int64_t id = SentBack("Falcon ships in May, the whole story");
  store::PostRecord edited;
  ASSERT_TRUE(
      desk_->EditDraft(anna_, id, "Falcon ships soon (my unsent thoughts)", "en", &edited).ok());
  EXPECT_EQ(edited.text, "Falcon ships soon (my unsent thoughts)");
  EXPECT_EQ(TextSeenBy(anna_, id), "Falcon ships soon (my unsent thoughts)");
  EXPECT_EQ(TextSeenBy(rita_, id), "Falcon ships in May, the whole story");
  EXPECT_EQ(TextSeenBy(adam_, id), "Falcon ships in May, the whole story");
  std::vector<store::PostRecord> mine;
  ASSERT_TRUE(desk_->ListMine(anna_, {}, &mine).ok());
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].text, "Falcon ships soon (my unsent thoughts)");

  ASSERT_TRUE(desk_->Submit(anna_, id, "shorter now", nullptr).ok());
  EXPECT_EQ(TextSeenBy(rita_, id), "Falcon ships soon (my unsent thoughts)");
  std::vector<store::PostRecord> queue;
  ASSERT_TRUE(desk_->Queue(rita_, {}, &queue).ok());
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].text, "Falcon ships soon (my unsent thoughts)");
}

TEST_F(ReviewDeskTest, ADraftNeverSentIsTheAuthorsAlone) {
  store::PostRecord post;
  ASSERT_TRUE(desk_->CheckDraft(anna_, "Falcon is late", "en", "", &post).ok());
  store::PostRecord seen;
  EXPECT_EQ(desk_->Get(rita_, post.id, &seen, nullptr).failure, Failure::kNotFound);
  ASSERT_TRUE(desk_->EditDraft(anna_, post.id, "Falcon is very late", "en", &seen).ok());
  EXPECT_EQ(TextSeenBy(anna_, post.id), "Falcon is very late");
}

TEST_F(ReviewDeskTest, OnlyTheAuthorEditsOrSendsAPost) {
  // A reviewer can see a post sent back for changes; they still may not change or send it.
  const int64_t id = SentBack("Falcon ships in May");
  store::PostRecord out;
  EXPECT_FALSE(desk_->EditDraft(rita_, id, "rewritten by the reviewer", "en", &out).ok());
  EXPECT_FALSE(desk_->EditDraft(adam_, id, "rewritten by the admin", "en", &out).ok());
  EXPECT_FALSE(desk_->Submit(rita_, id, "", &out).ok());
  EXPECT_FALSE(desk_->Submit(adam_, id, "", &out).ok());
  ASSERT_TRUE(desk_->Get(anna_, id, &out, nullptr).ok());
  EXPECT_EQ(out.text, "Falcon ships in May");
  EXPECT_EQ(out.status, "changes_requested");
}

TEST(IsBlankTest, OnlyWhitespaceAndInvisibleMarksAreBlank) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" \t\r\n "));
  EXPECT_TRUE(
      IsBlank("\xC2\xA0\xE2\x80\x8B\xE3\x80\x80\xEF\xBB\xBF"));  // NBSP, ZWSP, ideographic, BOM
  EXPECT_TRUE(IsBlank("\xE2\x80\x8F\xE2\x80\x8E"));              // RLM, LRM
  EXPECT_FALSE(IsBlank(" a "));
  EXPECT_FALSE(IsBlank("\xD7\xA9"));  // a Hebrew letter
  EXPECT_FALSE(IsBlank("."));
  EXPECT_FALSE(IsBlank("\xFF"));  // an invalid byte is not whitespace
}

}  // namespace
}  // namespace chorus::program
