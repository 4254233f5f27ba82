#include "program/transaction.h"

#include <gtest/gtest.h>

#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class InTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok()); }

  Outcome CreateThen(const Outcome& answer) {
    return InTransaction(*store_, [&](store::Store& tx) {
      store::UserRecord u{0, "t@x.lv", "T", "employee", "en", std::nullopt, "", true, 1};
      if (Status s = tx.CreateUser(&u); !s.ok()) return Outcome::Internal(s);
      return answer;
    });
  }
  bool UserExists() {
    std::optional<store::UserRecord> u;
    EXPECT_TRUE(store_->FindUserByEmail("t@x.lv", &u).ok());
    return u.has_value();
  }

  std::unique_ptr<store::SqliteStore> store_;
};

TEST_F(InTransactionTest, ARefusedStepRollsBackAndIsReturnedAsIs) {
  const Outcome o =
      CreateThen(Outcome::Fail(Failure::kConflict, "draft_changed", "changed meanwhile"));
  EXPECT_EQ(o.failure, Failure::kConflict);
  EXPECT_EQ(o.code, "draft_changed");
  EXPECT_FALSE(UserExists());
}

TEST_F(InTransactionTest, ASuccessfulBodyIsCommitted) {
  EXPECT_TRUE(CreateThen(Outcome::Ok()).ok());
  EXPECT_TRUE(UserExists());
}

TEST_F(InTransactionTest, AStorageFailureIsInternal) {
  EXPECT_TRUE(CreateThen(Outcome::Ok()).ok());
  const Outcome again = CreateThen(Outcome::Ok());  // the same e-mail twice
  EXPECT_EQ(again.failure, Failure::kInternal);
  EXPECT_TRUE(UserExists());
}

}  // namespace
}  // namespace chorus::program
