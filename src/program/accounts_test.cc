#include "program/accounts.h"

#include <gtest/gtest.h>

#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    accounts_ = std::make_unique<Accounts>(*store_, throttle_);
    store::UserRecord admin;
    ASSERT_TRUE(
        accounts_
            ->AddUser({"Admin@Example.com", "Admin", "admin", "lv", "Board", "admin-password"},
                      nullptr, &admin)
            .ok());
    admin_ = Accounts::ActorOf(admin);
  }

  std::unique_ptr<store::SqliteStore> store_;
  LoginThrottle throttle_{
      {.failures_per_account = 3, .failures_per_address = 50, .window_seconds = 600}};
  std::unique_ptr<Accounts> accounts_;
  Actor admin_;
};

TEST_F(AccountsTest, AddUserValidatesAndRecordsTheAdminAction) {
  EXPECT_EQ(admin_.email, "admin@example.com");  // stored lower-case
  store::UserRecord user;
  EXPECT_EQ(accounts_->AddUser({"not-an-email", "", "employee", "", "", ""}, &admin_, &user).code,
            "invalid_email");
  EXPECT_EQ(accounts_->AddUser({"e@x.lv", "", "boss", "", "", ""}, &admin_, &user).code,
            "invalid_role");
  EXPECT_EQ(accounts_->AddUser({"e@x.lv", "", "employee", "xx", "", ""}, &admin_, &user).code,
            "invalid_language");
  EXPECT_EQ(accounts_->AddUser({"e@x.lv", "", "employee", "", "", "short"}, &admin_, &user).code,
            "weak_password");
  ASSERT_TRUE(
      accounts_->AddUser({"e@x.lv", "", "employee", "", "Sales", "long-enough"}, &admin_, &user)
          .ok());
  EXPECT_EQ(user.name, "e");
  EXPECT_TRUE(user.team_id.has_value());
  EXPECT_EQ(accounts_->AddUser({"E@X.LV", "", "employee", "", "", ""}, &admin_, &user).code,
            "email_taken");
  std::vector<store::AuditRecord> audit;
  ASSERT_TRUE(store_->ListAudit(10, &audit).ok());
  ASSERT_EQ(audit.size(), 2u);  // the CLI-created admin and e@x.lv
  EXPECT_EQ(audit[0].action, "user.create");
  EXPECT_EQ(audit[0].actor_id, admin_.user_id);
  EXPECT_FALSE(audit[1].actor_id.has_value());
}

TEST_F(AccountsTest, EmployeesCannotAdministerPeople) {
  store::UserRecord employee;
  ASSERT_TRUE(
      accounts_->AddUser({"emp@x.lv", "", "employee", "", "", "password1"}, &admin_, &employee)
          .ok());
  const Actor actor = Accounts::ActorOf(employee);
  EXPECT_EQ(accounts_->AddUser({"z@x.lv", "", "admin", "", "", ""}, &actor, nullptr).failure,
            Failure::kForbidden);
  EXPECT_EQ(accounts_->SetActive(admin_.user_id, false, actor).failure, Failure::kForbidden);
  std::vector<store::UserRecord> users;
  EXPECT_EQ(accounts_->ListUsers(actor, &users).failure, Failure::kForbidden);
}

TEST_F(AccountsTest, SignInCreatesASessionThatDeactivationEnds) {
  SignedIn signed_in;
  ASSERT_TRUE(
      accounts_->SignIn("ADMIN@example.com", "admin-password", "127.0.0.1", &signed_in).ok());
  EXPECT_GE(signed_in.session_token.size(), 43u);
  Actor actor;
  std::string csrf;
  ASSERT_TRUE(accounts_->ResolveSession(signed_in.session_token, &actor, &csrf).ok());
  EXPECT_EQ(actor.user_id, admin_.user_id);
  EXPECT_EQ(csrf, signed_in.csrf_token);
  EXPECT_FALSE(accounts_->ResolveSession(signed_in.session_token + "x", &actor, &csrf).ok());

  store::UserRecord employee;
  ASSERT_TRUE(
      accounts_->AddUser({"emp@x.lv", "", "employee", "", "", "password1"}, &admin_, &employee)
          .ok());
  SignedIn employee_session;
  ASSERT_TRUE(accounts_->SignIn("emp@x.lv", "password1", "127.0.0.1", &employee_session).ok());
  ASSERT_TRUE(accounts_->SetActive(employee.id, false, admin_).ok());
  EXPECT_FALSE(accounts_->ResolveSession(employee_session.session_token, &actor, &csrf).ok());
  EXPECT_EQ(accounts_->SignIn("emp@x.lv", "password1", "127.0.0.1", &employee_session).code,
            "bad_credentials");
  EXPECT_EQ(accounts_->SetActive(admin_.user_id, false, admin_).code, "cannot_deactivate_self");
}

TEST_F(AccountsTest, WrongPasswordsAreThrottled) {
  SignedIn signed_in;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(accounts_->SignIn("admin@example.com", "wrong", "10.0.0.1", &signed_in).code,
              "bad_credentials");
  }
  const Outcome locked =
      accounts_->SignIn("admin@example.com", "admin-password", "10.0.0.1", &signed_in);
  EXPECT_EQ(locked.failure, Failure::kThrottled);
  EXPECT_GT(locked.retry_after_seconds, 0);
}

TEST_F(AccountsTest, ApiTokensResolveToTheirUserAndAreStoredHashed) {
  std::string token;
  ASSERT_TRUE(accounts_->CreateApiToken("admin@example.com", "ci", nullptr, &token).ok());
  EXPECT_EQ(token.rfind("chorus_", 0), 0u);
  Actor actor;
  ASSERT_TRUE(accounts_->ResolveApiToken(token, &actor).ok());
  EXPECT_EQ(actor.user_id, admin_.user_id);
  EXPECT_TRUE(actor.via_api_token);
  std::string tampered = token;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(accounts_->ResolveApiToken(tampered, &actor).ok());
  std::optional<store::ApiTokenRecord> by_plain_text;
  ASSERT_TRUE(store_->FindApiToken(token, &by_plain_text).ok());
  EXPECT_FALSE(by_plain_text.has_value());
  EXPECT_EQ(accounts_->CreateApiToken("nobody@x.lv", "", nullptr, &token).code, "no_such_user");
}

TEST_F(AccountsTest, CsvImportReportsEveryBadRow) {
  std::vector<ImportRowReport> report;
  const std::string csv =
      "email,name,role,team,language\n"
      "anna@x.lv,Anna,employee,Sales,lv\n"
      "bad-email,Bad,employee,,\n"
      "\"piotr@x.pl\",\"Kowalski, Piotr\",reviewer,Legal,pl\n"
      "anna@x.lv,Anna again,employee,,\n"
      "dora@x.lv,Dora,wizard,,\n";
  ASSERT_TRUE(accounts_->ImportCsv(csv, admin_, &report).ok());
  ASSERT_EQ(report.size(), 5u);
  EXPECT_TRUE(report[0].created);
  EXPECT_EQ(report[1].row, 3);
  EXPECT_EQ(report[1].code, "invalid_email");
  EXPECT_TRUE(report[2].created);
  EXPECT_EQ(report[3].code, "email_taken");
  EXPECT_EQ(report[4].code, "invalid_role");
  std::optional<store::UserRecord> piotr;
  ASSERT_TRUE(store_->FindUserByEmail("piotr@x.lv", &piotr).ok());
  ASSERT_TRUE(store_->FindUserByEmail("piotr@x.pl", &piotr).ok());
  ASSERT_TRUE(piotr.has_value());
  EXPECT_EQ(piotr->name, "Kowalski, Piotr");
  SignedIn signed_in;
  EXPECT_TRUE(
      accounts_->SignIn("piotr@x.pl", report[2].initial_password, "127.0.0.1", &signed_in).ok());
}

}  // namespace
}  // namespace chorus::program
