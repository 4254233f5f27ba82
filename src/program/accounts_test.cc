#include "program/accounts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "program/secrets.h"
#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    accounts_ = std::make_unique<Accounts>(*store_, throttle_, [this] { return now_; });
    store::UserRecord admin;
    ASSERT_TRUE(
        accounts_
            ->AddUser({"Admin@Example.com", "Admin", "admin", "lv", "Board", "admin-password"},
                      nullptr, &admin)
            .ok());
    admin_ = Accounts::ActorOf(admin);
  }

  // The stored expiry of a session, or 0 when it is gone.
  int64_t StoredExpiry(const std::string& token) {
    std::optional<store::SessionRecord> session;
    EXPECT_TRUE(store_->FindSession(Sha256Hex(token), &session).ok());
    return session ? session->expires_at : 0;
  }
  bool Resolves(const std::string& token) {
    Actor actor;
    std::string csrf;
    return accounts_->ResolveSession(token, &actor, &csrf).ok();
  }
  std::vector<store::AuditRecord> Audit() {
    std::vector<store::AuditRecord> audit;
    EXPECT_TRUE(store_->ListAudit(100, &audit).ok());
    return audit;
  }

  int64_t now_ = 1'700'000'000;  // the fake clock the accounts read
  std::unique_ptr<store::SqliteStore> store_;
  LoginThrottle throttle_{{.free_failures_per_account = 2,
                           .base_delay_seconds = 2,
                           .max_delay_seconds = 600,
                           .failures_per_address = 50,
                           .window_seconds = 600}};
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
            "password_too_short");
  EXPECT_EQ(accounts_->AddUser({"e@x.lv", "", "employee", "", "", "password"}, &admin_, &user).code,
            "password_too_common");
  EXPECT_EQ(
      accounts_->AddUser({"emil@x.lv", "", "employee", "", "", "emil@x.lv"}, &admin_, &user).code,
      "password_like_email");
  ASSERT_TRUE(
      accounts_->AddUser({"e@x.lv", "", "employee", "", "Sales", "long-enough"}, &admin_, &user)
          .ok());
  EXPECT_EQ(user.name, "") << "no name is guessed from the e-mail address";
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
      accounts_->AddUser({"emp@x.lv", "", "employee", "", "", "fjord-lamp-31"}, &admin_, &employee)
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
      accounts_->AddUser({"emp@x.lv", "", "employee", "", "", "fjord-lamp-31"}, &admin_, &employee)
          .ok());
  SignedIn employee_session;
  ASSERT_TRUE(accounts_->SignIn("emp@x.lv", "fjord-lamp-31", "127.0.0.1", &employee_session).ok());
  ASSERT_TRUE(accounts_->SetActive(employee.id, false, admin_).ok());
  EXPECT_FALSE(accounts_->ResolveSession(employee_session.session_token, &actor, &csrf).ok());
  EXPECT_EQ(accounts_->SignIn("emp@x.lv", "fjord-lamp-31", "127.0.0.1", &employee_session).code,
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

// Five wrong passwords slow the account down; the owner's right password works after the
// back-off delay instead of being locked out for the whole window.
TEST_F(AccountsTest, TheRightPasswordWorksAfterTheBackOff) {
  SignedIn signed_in;
  for (int i = 0; i < 5; ++i) {
    const Outcome o = accounts_->SignIn("admin@example.com", "wrong", "10.0.0.9", &signed_in);
    ASSERT_EQ(o.code, "bad_credentials") << i;
    now_ += 60;  // the attacker waits out each delay (2, 4, 8 s) and guesses again
  }
  const Outcome refused =
      accounts_->SignIn("admin@example.com", "admin-password", "10.0.0.1", &signed_in);
  // 5 failures with 2 free: the delay after the latest is 2 * 2^2 = 8 s, 60 s passed.
  EXPECT_TRUE(refused.ok()) << refused.code;
  for (int i = 0; i < 6; ++i) {
    EXPECT_FALSE(accounts_->SignIn("admin@example.com", "wrong", "10.0.0.9", &signed_in).ok());
  }
  const Outcome slowed =
      accounts_->SignIn("admin@example.com", "admin-password", "10.0.0.1", &signed_in);
  EXPECT_EQ(slowed.failure, Failure::kThrottled);
  now_ += slowed.retry_after_seconds;
  EXPECT_TRUE(
      accounts_->SignIn("admin@example.com", "admin-password", "10.0.0.1", &signed_in).ok());
}

TEST_F(AccountsTest, ApiTokensResolveToTheirUserAndAreStoredHashed) {
  std::string token;
  ASSERT_TRUE(accounts_->CreateApiToken("admin@example.com", "ci", 0, nullptr, &token).ok());
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
  EXPECT_EQ(accounts_->CreateApiToken("nobody@x.lv", "", 0, nullptr, &token).code, "no_such_user");
}

TEST_F(AccountsTest, UseRenewsASessionButWritesAtMostOncePerStep) {
  accounts_->session_lifetime = {
      .idle_seconds = 3600, .absolute_seconds = 10 * 3600, .renew_step_seconds = 300};
  const int64_t start = now_;
  SignedIn s;
  ASSERT_TRUE(accounts_->SignIn("admin@example.com", "admin-password", "127.0.0.1", &s).ok());
  EXPECT_EQ(s.expires_at, start + 3600);
  EXPECT_EQ(StoredExpiry(s.session_token), start + 3600);

  now_ = start + 299;  // would move the expiry by less than a step: nothing is written
  ASSERT_TRUE(Resolves(s.session_token));
  EXPECT_EQ(StoredExpiry(s.session_token), start + 3600);

  now_ = start + 300;  // a full step: renewed to now + idle
  ASSERT_TRUE(Resolves(s.session_token));
  EXPECT_EQ(StoredExpiry(s.session_token), start + 300 + 3600);

  now_ = start + 400;  // within a step of the last renewal: unchanged
  ASSERT_TRUE(Resolves(s.session_token));
  EXPECT_EQ(StoredExpiry(s.session_token), start + 300 + 3600);

  // A session kept in use outlives the idle lifetime counted from sign-in...
  now_ = start + 3600 + 60;
  EXPECT_TRUE(Resolves(s.session_token));
  // ...but one left unused for the idle lifetime ends.
  now_ += 3600;
  EXPECT_FALSE(Resolves(s.session_token));
}

TEST_F(AccountsTest, RenewalStopsAtTheAbsoluteCap) {
  accounts_->session_lifetime = {
      .idle_seconds = 3600, .absolute_seconds = 4 * 3600, .renew_step_seconds = 300};
  const int64_t start = now_;
  SignedIn s;
  ASSERT_TRUE(accounts_->SignIn("admin@example.com", "admin-password", "127.0.0.1", &s).ok());
  // Used every 30 minutes: alive until the cap, never renewed beyond it.
  for (now_ = start + 1800; now_ < start + 4 * 3600; now_ += 1800) {
    ASSERT_TRUE(Resolves(s.session_token)) << "at +" << now_ - start;
    EXPECT_LE(StoredExpiry(s.session_token), start + 4 * 3600);
  }
  EXPECT_EQ(StoredExpiry(s.session_token), start + 4 * 3600);
  now_ = start + 4 * 3600;
  EXPECT_FALSE(Resolves(s.session_token));
  // Signing in again starts a new session with a new cap.
  SignedIn again;
  ASSERT_TRUE(accounts_->SignIn("admin@example.com", "admin-password", "127.0.0.1", &again).ok());
  EXPECT_TRUE(Resolves(again.session_token));
}

TEST_F(AccountsTest, SignInsSignOutsAndFailuresAreAuditedWithoutPasswords) {
  SignedIn s;
  ASSERT_TRUE(accounts_->SignIn("Admin@Example.com", "admin-password", "10.0.0.7", &s).ok());
  auto audit = Audit();
  EXPECT_EQ(audit[0].action, "session.sign_in");
  EXPECT_EQ(audit[0].actor_id, admin_.user_id);
  EXPECT_EQ(audit[0].object, "user:" + std::to_string(admin_.user_id));
  EXPECT_NE(audit[0].detail.find("10.0.0.7"), std::string::npos);

  SignedIn ignored;
  EXPECT_FALSE(accounts_->SignIn("admin@example.com", "secret-guess-1", "10.0.0.8", &ignored).ok());
  audit = Audit();
  EXPECT_EQ(audit[0].action, "session.sign_in_failed");
  EXPECT_FALSE(audit[0].actor_id.has_value());
  EXPECT_NE(audit[0].detail.find("\"reason\":\"wrong_password\""), std::string::npos);
  EXPECT_NE(audit[0].detail.find("admin@example.com"), std::string::npos);
  EXPECT_EQ(audit[0].detail.find("secret-guess-1"), std::string::npos);

  EXPECT_FALSE(accounts_->SignIn("Ghost@x.lv", "secret-guess-2", "10.0.0.8", &ignored).ok());
  audit = Audit();
  EXPECT_EQ(audit[0].action, "session.sign_in_failed");
  EXPECT_EQ(audit[0].object, "");
  // An unknown account's e-mail is kept only masked.
  EXPECT_NE(audit[0].detail.find("\"email\":\"g***@x.lv\""), std::string::npos);
  EXPECT_EQ(audit[0].detail.find("ghost"), std::string::npos);
  EXPECT_NE(audit[0].detail.find("unknown_email"), std::string::npos);
  // A password typed into the e-mail field never reaches the log.
  EXPECT_FALSE(accounts_->SignIn("Tr0ub4dor&3", "", "10.0.0.8", &ignored).ok());
  audit = Audit();
  EXPECT_EQ(audit[0].detail.find("Tr0ub4dor"), std::string::npos) << audit[0].detail;
  EXPECT_EQ(audit[0].detail.find("tr0ub4dor"), std::string::npos) << audit[0].detail;
  EXPECT_NE(audit[0].detail.find("11 characters"), std::string::npos) << audit[0].detail;

  // Two more wrong passwords lock the account (3 per window); refusals are audited once.
  for (int i = 0; i < 2; ++i)
    EXPECT_FALSE(accounts_->SignIn("admin@example.com", "x-guess", "10.0.0.8", &ignored).ok());
  const size_t before = Audit().size();
  EXPECT_EQ(accounts_->SignIn("admin@example.com", "admin-password", "10.0.0.8", &ignored).failure,
            Failure::kThrottled);
  audit = Audit();
  ASSERT_EQ(audit.size(), before + 1);
  EXPECT_NE(audit[0].detail.find("throttled"), std::string::npos);
  EXPECT_EQ(accounts_->SignIn("admin@example.com", "admin-password", "10.0.0.8", &ignored).failure,
            Failure::kThrottled);
  EXPECT_EQ(Audit().size(), before + 1);  // the second refusal within a minute is not

  ASSERT_TRUE(accounts_->SignOut(s.session_token, "10.0.0.7").ok());
  audit = Audit();
  EXPECT_EQ(audit[0].action, "session.sign_out");
  EXPECT_EQ(audit[0].actor_id, admin_.user_id);
  ASSERT_TRUE(accounts_->SignOut(s.session_token, "10.0.0.7").ok());  // already gone
  EXPECT_EQ(Audit().size(), audit.size());
}

TEST_F(AccountsTest, AdminsRenameAndDeleteTeamsKeepingTheMembers) {
  store::UserRecord anna, piotr;
  ASSERT_TRUE(
      accounts_
          ->AddUser({"anna@x.lv", "Anna", "employee", "", "Sales", "fjord-lamp-31"}, &admin_, &anna)
          .ok());
  ASSERT_TRUE(accounts_
                  ->AddUser({"piotr@x.pl", "Piotr", "employee", "", "Legal", "quiet-river-72"},
                            &admin_, &piotr)
                  .ok());
  const int64_t sales = *anna.team_id;
  const int64_t legal = *piotr.team_id;
  const Actor employee = Accounts::ActorOf(anna);
  EXPECT_EQ(accounts_->RenameTeam(sales, "Mine", employee, nullptr).failure, Failure::kForbidden);
  EXPECT_EQ(accounts_->DeleteTeam(legal, employee).failure, Failure::kForbidden);
  std::map<int64_t, int64_t> members;
  EXPECT_EQ(accounts_->CountTeamMembers(employee, &members).failure, Failure::kForbidden);

  EXPECT_EQ(accounts_->RenameTeam(sales, "   ", admin_, nullptr).code, "invalid_team");
  EXPECT_EQ(accounts_->RenameTeam(sales, std::string(201, 'x'), admin_, nullptr).code,
            "invalid_team");
  EXPECT_EQ(accounts_->RenameTeam(sales, "a\nb", admin_, nullptr).code, "invalid_team");
  const Outcome taken = accounts_->RenameTeam(sales, "LEGAL", admin_, nullptr);
  EXPECT_EQ(taken.failure, Failure::kConflict);
  EXPECT_EQ(taken.code, "team_name_taken");
  EXPECT_EQ(accounts_->RenameTeam(999999, "Nobody", admin_, nullptr).failure, Failure::kNotFound);

  store::TeamRecord renamed;
  ASSERT_TRUE(accounts_->RenameTeam(sales, "  Sales & Marketing ", admin_, &renamed).ok());
  EXPECT_EQ(renamed.name, "Sales & Marketing");
  ASSERT_TRUE(accounts_->RenameTeam(sales, "sales & marketing", admin_, nullptr).ok());  // case
  std::optional<store::UserRecord> anna_now;
  ASSERT_TRUE(store_->FindUserById(anna.id, &anna_now).ok());
  EXPECT_EQ(anna_now->team_id, sales);

  ASSERT_TRUE(accounts_->CountTeamMembers(admin_, &members).ok());
  EXPECT_EQ(members[sales], 1);
  EXPECT_EQ(members[legal], 1);

  SignedIn piotr_session;
  ASSERT_TRUE(accounts_->SignIn("piotr@x.pl", "quiet-river-72", "127.0.0.1", &piotr_session).ok());
  ASSERT_TRUE(accounts_->DeleteTeam(legal, admin_).ok());
  std::optional<store::UserRecord> piotr_now;
  ASSERT_TRUE(store_->FindUserById(piotr.id, &piotr_now).ok());
  ASSERT_TRUE(piotr_now.has_value());
  EXPECT_FALSE(piotr_now->team_id.has_value());
  EXPECT_TRUE(piotr_now->active);
  EXPECT_TRUE(Resolves(piotr_session.session_token));  // nothing else lost
  std::optional<store::TeamRecord> gone;
  ASSERT_TRUE(store_->FindTeamById(legal, &gone).ok());
  EXPECT_FALSE(gone.has_value());
  EXPECT_EQ(accounts_->DeleteTeam(legal, admin_).failure, Failure::kNotFound);

  const auto audit = Audit();
  EXPECT_EQ(audit[0].action, "team.delete");
  EXPECT_EQ(audit[0].object, "team:" + std::to_string(legal));
  EXPECT_NE(audit[0].detail.find("\"members\":1"), std::string::npos);
  const auto rename = std::find_if(audit.begin(), audit.end(),
                                   [](const auto& e) { return e.action == "team.rename"; });
  ASSERT_NE(rename, audit.end());
  EXPECT_NE(rename->detail.find("Sales & Marketing"), std::string::npos);
}

TEST_F(AccountsTest, ChangingATeamRecordsBothNames) {
  store::UserRecord anna;
  ASSERT_TRUE(
      accounts_->AddUser({"anna@x.lv", "Anna", "employee", "", "Sales", ""}, &admin_, &anna).ok());
  ASSERT_TRUE(accounts_->SetTeam(anna.id, "Legal", admin_).ok());
  const auto audit = Audit();
  EXPECT_EQ(audit[0].action, "user.team");
  EXPECT_NE(audit[0].detail.find("[\"Sales\",\"Legal\"]"), std::string::npos) << audit[0].detail;
}

TEST_F(AccountsTest, SeveralChangesAreAllOrNothing) {
  store::UserRecord ben;
  ASSERT_TRUE(
      accounts_->AddUser({"ben@x.lv", "Ben", "employee", "", "Sales", ""}, &admin_, &ben).ok());
  const size_t audit_before = Audit().size();
  Accounts::UserChanges bad;
  bad.active = false;
  bad.team = "Legal";
  bad.role = "boss";  // fails after the deactivation was applied
  EXPECT_EQ(accounts_->UpdateUser(ben.id, bad, admin_).code, "invalid_role");
  std::optional<store::UserRecord> after;
  ASSERT_TRUE(store_->FindUserById(ben.id, &after).ok());
  EXPECT_TRUE(after->active) << "the deactivation was undone";
  EXPECT_EQ(Audit().size(), audit_before) << "nor is it in the audit log";

  EXPECT_EQ(accounts_->SetTeam(ben.id, "Sales\nLegal", admin_).code, "invalid_team");
  store::UserRecord eve;
  EXPECT_EQ(
      accounts_->AddUser({"eve@x.lv", "Eve", "employee", "", "Tab\tTeam", ""}, &admin_, &eve).code,
      "invalid_team");

  Accounts::UserChanges good;
  good.active = false;
  good.role = "reviewer";
  good.team = "Legal";
  ASSERT_TRUE(accounts_->UpdateUser(ben.id, good, admin_).ok());
  ASSERT_TRUE(store_->FindUserById(ben.id, &after).ok());
  EXPECT_FALSE(after->active);
  EXPECT_EQ(after->role, "reviewer");
  EXPECT_EQ(Audit().size(), audit_before + 3);
}

}  // namespace
}  // namespace chorus::program
