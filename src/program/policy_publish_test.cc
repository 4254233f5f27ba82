// PolicyProgram::PublishText (`chorus policy publish`): the web app's validation and audit
// entry, and a server on the same store picking the new version up.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "program/policy_program.h"
#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class PolicyPublishTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    store::UserRecord u;
    u.email = "admin@example.com";
    u.name = "Admin";
    u.role = "admin";
    u.language = "en";
    u.created_at = 1;
    ASSERT_TRUE(store_->CreateUser(&u).ok());
    admin_id_ = u.id;
  }
  std::unique_ptr<store::SqliteStore> store_;
  int64_t admin_id_ = 0;
};

TEST_F(PolicyPublishTest, BadFileGivesEveryProblemWithLineAndColumnAndStoresNothing) {
  PolicyProgram policy(*store_, "", "");
  ASSERT_TRUE(policy.Start().ok());
  std::vector<Status> problems;
  store::PolicyVersionRecord version;
  const Outcome o = policy.PublishText(nullptr, admin_id_, "CI",
                                       "version: 1\norganization: {name: X, colour: red}\n"
                                       "monitoring: {enabled: perhaps}\n",
                                       &problems, &version);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.failure, Failure::kInvalid);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].line(), 2);
  EXPECT_GT(problems[0].column(), 1);
  EXPECT_EQ(problems[1].line(), 3);
  std::vector<store::PolicyVersionRecord> versions;
  ASSERT_TRUE(store_->ListPolicyVersions(&versions).ok());
  EXPECT_TRUE(versions.empty());
  std::vector<store::AuditRecord> audit;
  ASSERT_TRUE(store_->ListAudit(100, &audit).ok());
  EXPECT_TRUE(audit.empty());
}

TEST_F(PolicyPublishTest, PublishesNumberedVersionsWithTheWebAppsAuditEntry) {
  PolicyProgram cli(*store_, "", "");
  PolicyProgram server(*store_, "", "");
  ASSERT_TRUE(cli.Start().ok());
  ASSERT_TRUE(server.Start().ok());
  EXPECT_FALSE(server.Current().version.has_value());
  std::vector<Status> problems;
  store::PolicyVersionRecord v1, v2;
  ASSERT_TRUE(cli.PublishText(nullptr, admin_id_, "From CI", "version: 1\norganization: One\n",
                              &problems, &v1)
                  .ok());
  EXPECT_EQ(v1.number, 1);
  EXPECT_EQ(v1.status, "published");
  ASSERT_TRUE(cli.PublishText(nullptr, admin_id_, "From CI",
                              "version: 1\norganization: Two\nmonitoring: {enabled: true}\n",
                              &problems, &v2)
                  .ok());
  EXPECT_EQ(v2.number, 2);
  EXPECT_TRUE(cli.Current().scanner->policy().monitoring.enabled);
  std::vector<store::AuditRecord> audit;
  ASSERT_TRUE(store_->ListAudit({.limit = 100, .action_prefix = "policy.publish"}, &audit).ok());
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_FALSE(audit[0].actor_id.has_value());  // the command line
  EXPECT_NE(audit[0].detail.find("\"number\":2"), std::string::npos) << audit[0].detail;
  EXPECT_NE(audit[0].detail.find("command line"), std::string::npos);
  // The other process (a running server) notices the publication on its own.
  int64_t seen = 0;
  for (int i = 0; i < 100 && seen != 2; ++i) {
    const CurrentPolicy current = server.Current();
    seen = current.version ? current.version->number.value_or(0) : 0;
    if (seen != 2) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(server.Current().scanner->policy().organization, "Two");
}

}  // namespace
}  // namespace chorus::program
