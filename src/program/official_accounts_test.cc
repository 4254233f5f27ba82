#include "program/official_accounts.h"

#include <gtest/gtest.h>

#include "store/sqlite_official_accounts_store.h"
#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

constexpr int64_t kNow = 1764547200;
constexpr int64_t kDay = 86'400;

class OfficialAccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    accounts_store_ = std::make_unique<store::SqliteOfficialAccountsStore>(*store_);
    accounts_ = std::make_unique<OfficialAccounts>(*store_, *accounts_store_);
    store::TeamRecord team{0, "Communications"};
    ASSERT_TRUE(store_->CreateTeam(&team).ok());
    owner_.email = "ilze@dzintars.lv";
    owner_.name = "Ilze";
    owner_.role = "employee";
    owner_.team_id = team.id;
    ASSERT_TRUE(store_->CreateUser(&owner_).ok());
    admin_.role = Role::kAdmin;
    admin_.user_id = owner_.id;
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<store::SqliteOfficialAccountsStore> accounts_store_;
  std::unique_ptr<OfficialAccounts> accounts_;
  store::UserRecord owner_;
  Actor admin_;
};

TEST_F(OfficialAccountsTest, ReviewIsDueAfterNinetyDays) {
  OfficialAccountView v;
  ASSERT_TRUE(accounts_->Create(admin_, {.account = "x.com/dzintars"}, kNow, &v).ok());
  EXPECT_TRUE(v.review_due);
  ASSERT_TRUE(accounts_->MarkReviewed(admin_, v.account.id, kNow, &v).ok());
  std::vector<OfficialAccountView> list;
  ASSERT_TRUE(accounts_->List(admin_, kNow + 90 * kDay, &list).ok());
  EXPECT_FALSE(list.at(0).review_due);  // exactly 90 days: not yet
  ASSERT_TRUE(accounts_->List(admin_, kNow + 90 * kDay + 1, &list).ok());
  EXPECT_TRUE(list.at(0).review_due);
}

TEST_F(OfficialAccountsTest, AnOwnerWhoLeavesPutsTheAccountOnTheHandoverList) {
  OfficialAccountView v;
  ASSERT_TRUE(
      accounts_
          ->Create(admin_,
                   {.account = "@dzintars", .platform = "tiktok", .owner_email = owner_.email},
                   kNow, &v)
          .ok());
  EXPECT_EQ(v.handover, "");
  owner_.active = false;
  ASSERT_TRUE(store_->UpdateUser(owner_).ok());
  std::vector<OfficialAccountView> list;
  ASSERT_TRUE(accounts_->List(admin_, kNow, &list).ok());
  EXPECT_EQ(list.at(0).handover, "owner_left");
  owner_.active = true;
  owner_.team_id.reset();
  ASSERT_TRUE(store_->UpdateUser(owner_).ok());
  ASSERT_TRUE(accounts_->List(admin_, kNow, &list).ok());
  EXPECT_EQ(list.at(0).handover, "owner_changed_team");
  ASSERT_TRUE(accounts_->Update(admin_, v.account.id, {.owner_email = ""}, kNow, &v).ok());
  EXPECT_EQ(v.handover, "no_owner");
}

TEST_F(OfficialAccountsTest, RolesAndRefusalsChangeNothing) {
  Actor employee;
  employee.role = Role::kEmployee;
  OfficialAccountView v;
  std::vector<OfficialAccountView> list;
  EXPECT_EQ(accounts_->Create(employee, {.account = "x.com/a"}, kNow, &v).failure,
            Failure::kForbidden);
  EXPECT_EQ(accounts_->List(employee, kNow, &list).failure, Failure::kForbidden);
  EXPECT_EQ(
      accounts_->Create(admin_, {.account = "x.com/a", .two_factor = "perhaps"}, kNow, &v).code,
      "invalid_two_factor");
  ASSERT_TRUE(accounts_->Create(admin_, {.account = "x.com/Amber"}, kNow, &v).ok());
  EXPECT_EQ(accounts_->Create(admin_, {.account = "@amber", .platform = "x"}, kNow, &v).code,
            "duplicate_account");
  ASSERT_TRUE(accounts_->List(admin_, kNow, &list).ok());
  EXPECT_EQ(list.size(), 1u);
  std::vector<store::AuditRecord> audit;
  ASSERT_TRUE(store_->ListAudit(10, &audit).ok());
  EXPECT_EQ(audit.size(), 1u);  // only the one account created
}

}  // namespace
}  // namespace chorus::program
