#include "program/consultation.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class ConsultationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    consultation_ = std::make_unique<Consultation>(*store_);
    anna_ = AddUser("anna@x.lv", "employee");
    rita_ = AddUser("rita@x.lv", "reviewer");
    ron_ = AddUser("ron@x.lv", "reviewer");
  }

  Actor AddUser(const std::string& email, const std::string& role) {
    store::UserRecord u{0, email, email, role, "en", std::nullopt, "", true, 1};
    EXPECT_TRUE(store_->CreateUser(&u).ok());
    Actor a;
    a.user_id = u.id;
    ParseRole(role, &a.role);
    return a;
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<Consultation> consultation_;
  Actor anna_, rita_, ron_;
};

TEST_F(ConsultationTest, ASecondAnswerIsRefusedAndTheFirstKept) {
  store::QuestionRecord q;
  ASSERT_TRUE(consultation_->Ask(anna_, "May I mention Maple Street Bakery?", &q).ok());
  ASSERT_TRUE(consultation_->Answer(rita_, q.id, "Yes, they agreed in writing.", nullptr).ok());
  const Outcome second = consultation_->Answer(ron_, q.id, "No, never.", nullptr);
  EXPECT_EQ(second.failure, Failure::kConflict);
  EXPECT_EQ(second.code, "already_answered");
  store::QuestionRecord read;
  ASSERT_TRUE(consultation_->Get(anna_, q.id, &read).ok());
  EXPECT_EQ(read.answer, std::optional<std::string>("Yes, they agreed in writing."));
  EXPECT_EQ(read.answered_by, std::optional<int64_t>(rita_.user_id));
}

TEST_F(ConsultationTest, TheAuditEntryRecordsTheAnswerButNotTheQuestion) {
  store::QuestionRecord q;
  ASSERT_TRUE(consultation_->Ask(anna_, "My sister works at Harbor Freight; may I?", &q).ok());
  ASSERT_TRUE(consultation_->Answer(rita_, q.id, "Yes, without naming her.", nullptr).ok());
  std::vector<store::AuditRecord> entries;
  ASSERT_TRUE(store_->ListAudit(10, &entries).ok());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "question.answer");
  const auto detail = nlohmann::json::parse(entries[0].detail);
  EXPECT_EQ(detail.value("answer", ""), "Yes, without naming her.");
  EXPECT_EQ(detail.value("question_author", int64_t{0}), anna_.user_id);
  EXPECT_EQ(entries[0].detail.find("sister"), std::string::npos);
}

}  // namespace
}  // namespace chorus::program
