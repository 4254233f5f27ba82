// Monitoring end to end over a real SQLite store and the demo company's policy: imports are
// all or nothing and idempotent, findings are the scanner's, and who sees what.
#include "program/monitoring.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "policy/embedded_data.h"
#include "policy/result_json.h"
#include "program/accounts.h"
#include "store/sqlite_monitoring_store.h"
#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

constexpr std::string_view kTweets = R"js(window.YTD.tweets.part0 = [
  {"tweet": {"id_str": "1", "created_at": "Wed Oct 11 08:15:02 +0000 2023",
             "full_text": "Big news about Project Nightingale &amp; friends"}},
  {"tweet": {"id_str": "2", "created_at": "Wed Oct 11 09:15:02 +0000 2023",
             "full_text": "Working with Riga Dairy this week"}},
  {"tweet": {"id_str": "3", "created_at": "Wed Oct 11 10:15:02 +0000 2023",
             "full_text": "Lovely morning run along the river."}}
])js";

class MonitoringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    records_ = std::make_unique<store::SqliteMonitoringStore>(*store_);
    anna_ = AddUser("anna@example.com", "employee");
    bob_ = AddUser("bob@example.com", "employee");
    reviewer_ = AddUser("rita@example.com", "reviewer");
    admin_ = AddUser("admin@example.com", "admin");
    StartWithPolicy(std::string(*FindEmbeddedFile("demo/policy.yaml")));
  }
  void TearDown() override {
    for (const auto& f : files_) std::remove(f.c_str());
  }

  void StartWithPolicy(const std::string& yaml) {
    policy_ = std::make_unique<PolicyProgram>(*store_, "", yaml);
    ASSERT_TRUE(policy_->Start().ok());
    monitoring_ = std::make_unique<Monitoring>(*store_, *records_, *policy_);
  }

  Actor AddUser(const std::string& email, const std::string& role) {
    store::UserRecord u;
    u.email = email;
    u.name = email.substr(0, email.find('@'));
    u.role = role;
    u.language = "en";
    u.created_at = 1;
    EXPECT_TRUE(store_->CreateUser(&u).ok());
    return Accounts::ActorOf(u);
  }

  std::string File(std::string_view content) {
    char path[] = "/tmp/chorus-monitoring-XXXXXX";
    const int fd = mkstemp(path);
    EXPECT_GE(fd, 0);
    close(fd);
    std::ofstream(path, std::ios::binary) << content;
    files_.push_back(path);
    return path;
  }

  Outcome Import(const Actor* by, int64_t user_id, std::string_view content, ImportSummary* out,
                 int64_t account_id = 0) {
    ImportRequest request;
    request.user_id = user_id;
    request.path = File(content);
    request.name = "tweets.js";
    request.account_id = account_id;
    return monitoring_->Import(by, request, out);
  }

  std::vector<store::MonitoredPostRecord> Posts(const Actor* by, bool team = false) {
    std::vector<store::MonitoredPostRecord> posts;
    EXPECT_TRUE(monitoring_->ListPosts(by, team, std::nullopt, 0, 1000, &posts).ok());
    return posts;
  }

  int64_t AuditCount(const std::string& action) {
    std::vector<store::AuditRecord> entries;
    EXPECT_TRUE(store_->ListAudit({.limit = 1000, .action_prefix = action}, &entries).ok());
    return static_cast<int64_t>(entries.size());
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<store::SqliteMonitoringStore> records_;
  std::unique_ptr<PolicyProgram> policy_;
  std::unique_ptr<Monitoring> monitoring_;
  Actor anna_, bob_, reviewer_, admin_;
  std::vector<std::string> files_;
};

TEST_F(MonitoringTest, ImportStoresTheScannersFindingsAndIsIdempotent) {
  ImportSummary summary;
  const Outcome o = Import(nullptr, anna_.user_id, kTweets, &summary);
  ASSERT_TRUE(o.ok()) << o.message << o.internal_detail;
  EXPECT_EQ(summary.platform, ingest::Platform::kX);
  EXPECT_EQ(summary.posts, 3);
  EXPECT_EQ(summary.fresh, 3);
  EXPECT_EQ(summary.duplicates, 0);
  EXPECT_EQ(summary.flagged, 2);  // the codename (block) and the client (review)
  const auto posts = Posts(&anna_);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].text, "Big news about Project Nightingale & friends");
  EXPECT_EQ(posts[0].verdict, "block");
  EXPECT_EQ(posts[2].verdict, "ok");
  // Exactly what the scanner says for the same text.
  for (const auto& p : posts) {
    CheckResult result;
    ASSERT_TRUE(policy_->Current().scanner->Check(p.text, {}, &result).ok());
    EXPECT_EQ(p.findings_json, CheckResultToJson(result)["findings"].dump(
                                   -1, ' ', false, nlohmann::json::error_handler_t::replace));
    EXPECT_EQ(p.verdict, SeverityName(result.verdict));
  }
  EXPECT_EQ(AuditCount("monitoring.import"), 1);
  EXPECT_EQ(AuditCount("monitoring.link"), 1);

  // Again, and again with one more tweet: nothing twice.
  ASSERT_TRUE(Import(nullptr, anna_.user_id, kTweets, &summary).ok());
  EXPECT_EQ(summary.fresh, 0);
  EXPECT_EQ(summary.duplicates, 3);
  EXPECT_EQ(summary.flagged, 0);
  std::string more(kTweets);
  more.insert(
      more.rfind(']'),
      R"(, {"tweet": {"id_str": "4", "full_text": "One more, about Baltpay being awful"}})");
  ASSERT_TRUE(Import(nullptr, anna_.user_id, more, &summary).ok());
  EXPECT_EQ(summary.posts, 4);
  EXPECT_EQ(summary.fresh, 1);
  EXPECT_EQ(summary.duplicates, 3);
  EXPECT_EQ(Posts(&anna_).size(), 4u);
  // Bob's import of the same file is his own.
  ASSERT_TRUE(Import(nullptr, bob_.user_id, kTweets, &summary).ok());
  EXPECT_EQ(summary.fresh, 3);
  EXPECT_EQ(Posts(&bob_).size(), 3u);
}

TEST_F(MonitoringTest, ABrokenArchiveChangesNothing) {
  std::string broken(kTweets);
  broken.resize(broken.size() - 40);  // cut inside the last tweet
  ImportSummary summary;
  Outcome o = Import(nullptr, anna_.user_id, broken, &summary);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.code, "invalid_archive");
  EXPECT_NE(o.message.find("nothing was imported"), std::string::npos);
  EXPECT_TRUE(Posts(nullptr).empty());
  std::vector<store::LinkedAccountRecord> accounts;
  ASSERT_TRUE(monitoring_->ListAccounts(anna_, &accounts).ok());
  EXPECT_TRUE(accounts.empty());
  EXPECT_EQ(AuditCount("monitoring"), 0);
  // A tweet without an id in the middle: the good ones before it are not kept either.
  o = Import(nullptr, anna_.user_id,
             R"(window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1", "full_text": "fine"}},
                 {"tweet": {"full_text": "no id"}} ])",
             &summary);
  ASSERT_FALSE(o.ok());
  EXPECT_TRUE(Posts(nullptr).empty());
  // Not an export at all.
  EXPECT_FALSE(Import(nullptr, anna_.user_id, "just some text\n", &summary).ok());
  EXPECT_TRUE(Posts(nullptr).empty());
}

TEST_F(MonitoringTest, ACancelledImportChangesNothing) {
  std::string many = "window.YTD.tweets.part0 = [";
  for (int i = 0; i < 2500; ++i) {
    many += (i ? ",\n" : "\n") + std::string(R"({"tweet": {"id_str": ")") + std::to_string(i) +
            R"(", "full_text": "post number )" + std::to_string(i) + "\"}}";
  }
  many += "]";
  ImportRequest request;
  request.user_id = anna_.user_id;
  request.path = File(many);
  request.name = "tweets.js";
  int asked = 0;
  request.cancelled = [&asked] { return ++asked == 2; };
  ImportSummary summary;
  const Outcome o = monitoring_->Import(nullptr, request, &summary);
  EXPECT_EQ(o.code, "import_cancelled");
  EXPECT_EQ(asked, 2);
  EXPECT_TRUE(Posts(nullptr).empty());
  EXPECT_EQ(AuditCount("monitoring"), 0);
  request.cancelled = nullptr;
  ASSERT_TRUE(monitoring_->Import(nullptr, request, &summary).ok());
  EXPECT_EQ(summary.fresh, 2500);
}

TEST_F(MonitoringTest, OffUntilThePolicyEnablesIt) {
  StartWithPolicy("version: 1\norganization: Example\n");
  EXPECT_FALSE(monitoring_->Settings().enabled);
  ImportSummary summary;
  const Outcome o = Import(nullptr, anna_.user_id, kTweets, &summary);
  EXPECT_EQ(o.code, "monitoring_off");
  store::LinkedAccountRecord account;
  EXPECT_EQ(monitoring_->LinkAccount(&anna_, anna_.user_id, "x", "@anna", &account).code,
            "monitoring_off");
  EXPECT_TRUE(Posts(nullptr).empty());
  StartWithPolicy(
      "version: 1\norganization: Example\nmonitoring: {enabled: true, grace_days: 3}\n");
  EXPECT_TRUE(monitoring_->Settings().enabled);
  EXPECT_EQ(monitoring_->Settings().grace_days, 3);
}

TEST_F(MonitoringTest, OnlyOwnAccountsAndTheTeamSeesOnlyFlaggedPosts) {
  store::LinkedAccountRecord account;
  EXPECT_EQ(monitoring_->LinkAccount(&anna_, bob_.user_id, "x", "@bob", &account).failure,
            Failure::kForbidden);
  EXPECT_EQ(monitoring_->LinkAccount(&anna_, anna_.user_id, "myspace", "@anna", &account).code,
            "invalid_platform");
  EXPECT_EQ(monitoring_->LinkAccount(&anna_, anna_.user_id, "x", "", &account).code,
            "invalid_handle");
  ASSERT_TRUE(monitoring_->LinkAccount(&anna_, anna_.user_id, "x", "@anna", &account).ok());
  ImportSummary summary;
  EXPECT_EQ(Import(&bob_, anna_.user_id, kTweets, &summary).failure, Failure::kForbidden);
  // Someone else's account is as good as absent.
  EXPECT_EQ(Import(&bob_, bob_.user_id, kTweets, &summary, account.id).failure, Failure::kNotFound);
  // A Mastodon file into the X account is refused.
  const Outcome wrong =
      Import(&anna_, anna_.user_id,
             R"({"@context": "https://www.w3.org/ns/activitystreams", "orderedItems": []})",
             &summary, account.id);
  EXPECT_EQ(wrong.code, "wrong_platform");
  ASSERT_TRUE(Import(&anna_, anna_.user_id, kTweets, &summary, account.id).ok());
  EXPECT_EQ(summary.account_id, account.id);

  EXPECT_EQ(Posts(&anna_).size(), 3u);
  EXPECT_TRUE(Posts(&bob_).empty());
  std::vector<store::MonitoredPostRecord> posts;
  EXPECT_EQ(monitoring_->ListPosts(&bob_, true, std::nullopt, 0, 100, &posts).failure,
            Failure::kForbidden);
  // Within the grace period the team sees only the block; never the unflagged post.
  const auto team = Posts(&reviewer_, true);
  ASSERT_EQ(team.size(), 1u);
  EXPECT_EQ(team[0].verdict, "block");
  // Once grace_days have passed (none here), the review post shows too; the ok one never.
  std::string no_grace(*FindEmbeddedFile("demo/policy.yaml"));
  no_grace.replace(no_grace.find("grace_days: 7"), 13, "grace_days: 0");
  StartWithPolicy(no_grace);
  const auto later = Posts(&reviewer_, true);
  ASSERT_EQ(later.size(), 2u);
  for (const auto& p : later) EXPECT_TRUE(IsFlaggedVerdict(p.verdict)) << p.verdict;
}

TEST_F(MonitoringTest, UnlinkingDeletesTheAccountsPosts) {
  store::LinkedAccountRecord account;
  ASSERT_TRUE(monitoring_->LinkAccount(&anna_, anna_.user_id, "x", "@anna", &account).ok());
  ImportSummary summary;
  ASSERT_TRUE(Import(&anna_, anna_.user_id, kTweets, &summary, account.id).ok());
  int64_t deleted = 0;
  EXPECT_EQ(monitoring_->UnlinkAccount(bob_, account.id, &deleted).failure, Failure::kNotFound);
  ASSERT_TRUE(monitoring_->UnlinkAccount(anna_, account.id, &deleted).ok());
  EXPECT_EQ(deleted, 3);
  EXPECT_TRUE(Posts(&anna_).empty());
  EXPECT_EQ(AuditCount("monitoring.unlink"), 1);
}

}  // namespace
}  // namespace chorus::program
