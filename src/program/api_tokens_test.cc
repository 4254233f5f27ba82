#include <gtest/gtest.h>

#include "program/accounts.h"
#include "program/secrets.h"
#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class ApiTokensTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    accounts_ = std::make_unique<Accounts>(*store_, throttle_, [this] { return now_; });
    store::UserRecord admin, anna, ben;
    ASSERT_TRUE(
        accounts_->AddUser({"admin@x.lv", "", "admin", "", "", "admin-pass-1"}, nullptr, &admin)
            .ok());
    ASSERT_TRUE(
        accounts_->AddUser({"anna@x.lv", "", "employee", "", "", "anna-pass-22"}, nullptr, &anna)
            .ok());
    ASSERT_TRUE(
        accounts_->AddUser({"ben@x.lv", "", "employee", "", "", "ben-pass-333"}, nullptr, &ben)
            .ok());
    admin_ = Accounts::ActorOf(admin);
    anna_ = Accounts::ActorOf(anna);
    ben_ = Accounts::ActorOf(ben);
  }
  bool Resolves(const std::string& token) {
    Actor actor;
    return accounts_->ResolveApiToken(token, &actor).ok();
  }
  std::vector<store::AuditRecord> Audit() {
    std::vector<store::AuditRecord> audit;
    EXPECT_TRUE(store_->ListAudit(100, &audit).ok());
    return audit;
  }

  int64_t now_ = 1'700'000'000;
  std::unique_ptr<store::SqliteStore> store_;
  LoginThrottle throttle_;
  std::unique_ptr<Accounts> accounts_;
  Actor admin_, anna_, ben_;
};

TEST_F(ApiTokensTest, TokensExpireAfterTheirLifetime) {
  std::string default_token, short_token;
  store::ApiTokenRecord record;
  ASSERT_TRUE(
      accounts_->CreateApiToken("anna@x.lv", "ci", 0, &anna_, &default_token, &record).ok());
  EXPECT_EQ(record.expires_at, now_ + 90 * 86400);
  ASSERT_TRUE(accounts_->CreateApiToken("anna@x.lv", "short", 2, &anna_, &short_token).ok());
  EXPECT_EQ(accounts_->CreateApiToken("anna@x.lv", "x", 731, &anna_, &short_token).code,
            "invalid_token_days");
  ASSERT_TRUE(accounts_->CreateApiToken("anna@x.lv", "short", 2, &anna_, &short_token).ok());
  now_ += 2 * 86400 - 1;
  EXPECT_TRUE(Resolves(short_token));
  now_ += 1;
  EXPECT_FALSE(Resolves(short_token));
  EXPECT_TRUE(Resolves(default_token));
  now_ += 88 * 86400;
  EXPECT_FALSE(Resolves(default_token));
}

TEST_F(ApiTokensTest, OwnersAndAdminsRevokeOthersCannotEvenSeeThem) {
  std::string token;
  store::ApiTokenRecord record;
  ASSERT_TRUE(accounts_->CreateApiToken("anna@x.lv", "ci", 0, &anna_, &token, &record).ok());
  EXPECT_EQ(accounts_->CreateApiToken("anna@x.lv", "mine", 0, &ben_, &token).failure,
            Failure::kForbidden);
  EXPECT_EQ(accounts_->RevokeApiToken(record.id, &ben_, nullptr).failure, Failure::kNotFound);
  std::vector<store::ApiTokenRecord> list;
  EXPECT_EQ(accounts_->ListApiTokens(anna_.user_id, &ben_, &list).failure, Failure::kForbidden);
  EXPECT_TRUE(Resolves(token));
  ASSERT_TRUE(accounts_->RevokeApiToken(record.id, &anna_, nullptr).ok());
  EXPECT_FALSE(Resolves(token));
  ASSERT_TRUE(accounts_->ListApiTokens(anna_.user_id, &admin_, &list).ok());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0].revoked);
  EXPECT_EQ(list[0].revoked_at, now_);
  EXPECT_EQ(Audit()[0].action, "token.revoke");
  // An admin revokes another person's token.
  ASSERT_TRUE(accounts_->CreateApiToken("ben@x.lv", "ci", 0, &admin_, &token, &record).ok());
  ASSERT_TRUE(accounts_->RevokeApiToken(record.id, &admin_, nullptr).ok());
  EXPECT_FALSE(Resolves(token));
}

TEST_F(ApiTokensTest, TheListHasLastUseButNoSecretAndUsesAreWrittenAtMostOncePerMinute) {
  std::string token;
  ASSERT_TRUE(accounts_->CreateApiToken("anna@x.lv", "ci", 0, &anna_, &token).ok());
  std::vector<store::ApiTokenRecord> list;
  ASSERT_TRUE(accounts_->ListApiTokens(anna_.user_id, &anna_, &list).ok());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_FALSE(list[0].last_used_at.has_value());
  EXPECT_NE(list[0].token_hash, token);
  const int64_t first = now_;
  ASSERT_TRUE(Resolves(token));
  now_ += 30;
  ASSERT_TRUE(Resolves(token));  // within a minute: not written again
  ASSERT_TRUE(accounts_->ListApiTokens(anna_.user_id, &anna_, &list).ok());
  EXPECT_EQ(list[0].last_used_at, first);
  now_ += 30;
  ASSERT_TRUE(Resolves(token));
  ASSERT_TRUE(accounts_->ListApiTokens(anna_.user_id, &anna_, &list).ok());
  EXPECT_EQ(list[0].last_used_at, now_);
}

TEST_F(ApiTokensTest, APasswordResetRevokesEveryTokenOfTheUser) {
  std::string t1, t2, other;
  ASSERT_TRUE(accounts_->CreateApiToken("anna@x.lv", "a", 0, &anna_, &t1).ok());
  ASSERT_TRUE(accounts_->CreateApiToken("anna@x.lv", "b", 0, nullptr, &t2).ok());
  ASSERT_TRUE(accounts_->CreateApiToken("ben@x.lv", "c", 0, nullptr, &other).ok());
  ASSERT_TRUE(accounts_->ResetPassword(anna_.user_id, "a-new-secret-9", admin_).ok());
  EXPECT_FALSE(Resolves(t1));
  EXPECT_FALSE(Resolves(t2));
  EXPECT_TRUE(Resolves(other));
  const auto audit = Audit();
  EXPECT_TRUE(std::any_of(audit.begin(), audit.end(), [](const store::AuditRecord& e) {
    return e.action == "token.revoke_all" && e.detail.find("\"revoked\":2") != std::string::npos;
  }));
}

TEST_F(ApiTokensTest, ASignInByTokenCannotMintMoreTokens) {
  std::string token, more;
  ASSERT_TRUE(accounts_->CreateApiToken("anna@x.lv", "ci", 0, &anna_, &token).ok());
  Actor via_token;
  ASSERT_TRUE(accounts_->ResolveApiToken(token, &via_token).ok());
  EXPECT_EQ(accounts_->CreateApiToken("anna@x.lv", "more", 0, &via_token, &more).failure,
            Failure::kForbidden);
}

}  // namespace
}  // namespace chorus::program
