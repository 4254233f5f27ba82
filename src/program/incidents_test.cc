// Incidents over a real SQLite store and the demo company's policy: opened from imports and
// the housekeeping exactly once per post, the grace days, who may see and work them, the
// timeline and audit log of every change, and the playbook's checked texts.
#include "program/incidents.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "policy/embedded_data.h"
#include "program/accounts.h"
#include "program/housekeeper.h"
#include "program/monitoring.h"
#include "store/sqlite_incidents_store.h"
#include "store/sqlite_monitoring_store.h"
#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

// A block (the codename), a review (the client) and an unflagged post.
constexpr std::string_view kTweets = R"js(window.YTD.tweets.part0 = [
  {"tweet": {"id_str": "1", "created_at": "Wed Oct 11 08:15:02 +0000 2023",
             "full_text": "Big news about Project Nightingale &amp; friends"}},
  {"tweet": {"id_str": "2", "created_at": "Wed Oct 11 09:15:02 +0000 2023",
             "full_text": "Working with Riga Dairy this week"}},
  {"tweet": {"id_str": "3", "created_at": "Wed Oct 11 10:15:02 +0000 2023",
             "full_text": "Lovely morning run along the river."}}
])js";

class IncidentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    records_ = std::make_unique<store::SqliteMonitoringStore>(*store_);
    incident_records_ = std::make_unique<store::SqliteIncidentsStore>(*store_);
    ASSERT_TRUE(Playbook::Builtin(&playbook_).ok());
    anna_ = AddUser("anna@example.com", "employee");
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
    incidents_ =
        std::make_unique<Incidents>(*store_, *incident_records_, *records_, *policy_, playbook_);
    monitoring_ = std::make_unique<Monitoring>(*store_, *records_, *policy_, incidents_.get());
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

  void ImportTweets(std::string_view content = kTweets) {
    char path[] = "/tmp/chorus-incidents-XXXXXX";
    const int fd = mkstemp(path);
    ASSERT_GE(fd, 0);
    close(fd);
    std::ofstream(path, std::ios::binary) << content;
    files_.push_back(path);
    ImportRequest request;
    request.user_id = anna_.user_id;
    request.path = path;
    request.name = "tweets.js";
    ImportSummary summary;
    const Outcome o = monitoring_->Import(&anna_, request, &summary);
    ASSERT_TRUE(o.ok()) << o.message << o.internal_detail;
  }

  std::vector<store::IncidentRecord> All(const std::string& state = "") {
    std::vector<store::IncidentRecord> out;
    const Outcome o = incidents_->List(reviewer_, state, {.limit = 50, .offset = 0}, &out);
    EXPECT_TRUE(o.ok()) << o.message;
    return out;
  }

  int64_t AuditCount(const std::string& action) {
    std::vector<store::AuditRecord> entries;
    EXPECT_TRUE(store_->ListAudit({.limit = 1000, .action_prefix = action}, &entries).ok());
    return static_cast<int64_t>(entries.size());
  }

  // The incident of the block post, acknowledged and remediating.
  int64_t Remediating() {
    ImportTweets();
    const int64_t id = All().at(0).id;
    EXPECT_TRUE(incidents_->Transition(reviewer_, id, "acknowledged", "", "", 100, nullptr).ok());
    EXPECT_TRUE(incidents_->Transition(reviewer_, id, "remediating", "", "", 200, nullptr).ok());
    return id;
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<store::SqliteMonitoringStore> records_;
  std::unique_ptr<store::SqliteIncidentsStore> incident_records_;
  Playbook playbook_;
  std::unique_ptr<PolicyProgram> policy_;
  std::unique_ptr<Incidents> incidents_;
  std::unique_ptr<Monitoring> monitoring_;
  Actor anna_, reviewer_, admin_;
  std::vector<std::string> files_;
};

TEST_F(IncidentsTest, ABlockPostIsAnIncidentAtOnceAReviewPostAfterTheGraceDays) {
  ImportTweets();
  auto list = All();
  ASSERT_EQ(list.size(), 1u);  // within the grace days only the block
  EXPECT_EQ(list[0].verdict, "block");
  EXPECT_EQ(list[0].severity, "high");
  EXPECT_EQ(list[0].state, "open");
  EXPECT_FALSE(list[0].owner_id);
  EXPECT_EQ(list[0].author_id, anna_.user_id);
  EXPECT_EQ(list[0].platform, "x");
  EXPECT_EQ(list[0].categories.substr(0, 12), "confidential");
  EXPECT_EQ(AuditCount("incident.open"), 1);

  // The housekeeping a day later opens nothing new; eight days later the review post.
  int64_t opened = -1;
  ASSERT_TRUE(incidents_->OpenDueIncidents(NowSeconds() + 86'400, &opened).ok());
  EXPECT_EQ(opened, 0);
  ASSERT_TRUE(incidents_->OpenDueIncidents(NowSeconds() + 8 * 86'400, &opened).ok());
  EXPECT_EQ(opened, 1);
  list = All();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].verdict, "review");
  EXPECT_EQ(list[0].severity, "medium");
  // One incident per post: again, and a re-import, open nothing.
  ASSERT_TRUE(incidents_->OpenDueIncidents(NowSeconds() + 9 * 86'400, &opened).ok());
  EXPECT_EQ(opened, 0);
  ImportTweets();
  EXPECT_EQ(All().size(), 2u);
  EXPECT_EQ(AuditCount("incident.open"), 2);
}

TEST_F(IncidentsTest, TheHourlyHousekeepingOpensTheIncidentsOfEndedGraceDays) {
  ImportTweets();
  ASSERT_EQ(All().size(), 1u);
  Housekeeper keeper(*store_, RetentionRules{}, std::chrono::hours(1), incidents_.get());
  keeper.RunOnce(NowSeconds() + 6 * 86'400);
  EXPECT_EQ(All().size(), 1u);  // a day of grace is left
  keeper.RunOnce(NowSeconds() + 7 * 86'400 + 60);
  EXPECT_EQ(All().size(), 2u);
  keeper.RunOnce(NowSeconds() + 8 * 86'400);
  EXPECT_EQ(All().size(), 2u);
}

TEST_F(IncidentsTest, OnlyReviewersAndAdminsSeeAndWorkIncidents) {
  ImportTweets();
  const int64_t id = All().at(0).id;
  std::vector<store::IncidentRecord> list;
  EXPECT_EQ(incidents_->List(anna_, "", {}, &list).failure, Failure::kForbidden);
  IncidentDetail detail;
  EXPECT_EQ(incidents_->Get(anna_, id, &detail).failure, Failure::kForbidden);
  EXPECT_EQ(incidents_->AddNote(anna_, id, "mine", 1, nullptr).failure, Failure::kForbidden);
  EXPECT_EQ(incidents_->Transition(anna_, id, "acknowledged", "", "", 1, nullptr).failure,
            Failure::kForbidden);
  EXPECT_EQ(incidents_->Update(anna_, id, {.severity = "low"}, 1, nullptr).failure,
            Failure::kForbidden);
  std::vector<CheckedPlaybookText> texts;
  EXPECT_EQ(incidents_->FillPlaybook(anna_, id, "en", &texts).failure, Failure::kForbidden);
  EXPECT_TRUE(incidents_->Get(admin_, id, &detail).ok());
  ASSERT_TRUE(detail.post);
  EXPECT_NE(detail.post->text.find("Nightingale"), std::string::npos);
  EXPECT_EQ(incidents_->Get(admin_, id + 100, &detail).failure, Failure::kNotFound);
  EXPECT_EQ(incidents_->List(admin_, "finished", {}, &list).code, "invalid_state");
}

TEST_F(IncidentsTest, TheTimelineRecordsEveryChangeAndTheAuditLogToo) {
  ImportTweets();
  const int64_t id = All().at(0).id;
  // Acknowledging an incident nobody owns makes the acknowledger its owner.
  store::IncidentRecord incident;
  ASSERT_TRUE(
      incidents_->Transition(reviewer_, id, "acknowledged", "", "on it", 1000, &incident).ok());
  EXPECT_EQ(incident.owner_id, reviewer_.user_id);
  // Skipping a step is refused and changes nothing.
  const Outcome skip =
      incidents_->Transition(reviewer_, id, "closed", "deleted", "", 1100, nullptr);
  EXPECT_EQ(skip.code, "illegal_transition");
  ASSERT_TRUE(incidents_
                  ->Update(admin_, id,
                           {.owner_id = admin_.user_id,
                            .severity = "medium",
                            .summary = "an unreleased product's name"},
                           1200, &incident)
                  .ok());
  EXPECT_EQ(incident.owner_id, admin_.user_id);
  // An employee cannot own an incident; a change to the same values adds nothing.
  EXPECT_EQ(incidents_->Update(admin_, id, {.owner_id = anna_.user_id}, 1250, nullptr).code,
            "invalid_owner");
  EXPECT_EQ(incidents_->Update(admin_, id, {.severity = "urgent"}, 1250, nullptr).code,
            "invalid_severity");
  ASSERT_TRUE(incidents_->Update(admin_, id, {.severity = "medium"}, 1260, nullptr).ok());
  ASSERT_TRUE(incidents_->AddNote(admin_, id, "Anna deleted the post", 1300, nullptr).ok());
  EXPECT_EQ(incidents_->AddNote(admin_, id, "  ", 1300, nullptr).code, "invalid_note");
  ASSERT_TRUE(incidents_->Transition(admin_, id, "remediating", "", "", 1400, nullptr).ok());
  ASSERT_TRUE(
      incidents_->Transition(admin_, id, "closed", "deleted", "done", 1500, &incident).ok());
  EXPECT_EQ(incident.state, "closed");
  EXPECT_EQ(incident.outcome, "deleted");
  EXPECT_EQ(incident.closed_at, 1500);
  // Closed is final; notes are still welcome.
  EXPECT_EQ(incidents_->Transition(admin_, id, "open", "", "", 1600, nullptr).code,
            "illegal_transition");
  EXPECT_EQ(incidents_->Update(admin_, id, {.severity = "low"}, 1600, nullptr).code,
            "incident_closed");
  EXPECT_TRUE(incidents_->AddNote(reviewer_, id, "lessons learnt: training", 1700, nullptr).ok());

  IncidentDetail detail;
  ASSERT_TRUE(incidents_->Get(reviewer_, id, &detail).ok());
  std::vector<std::string> kinds;
  for (const auto& e : detail.timeline) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"opened", "owner", "state", "owner", "severity",
                                             "summary", "note", "state", "state", "note"}));
  EXPECT_FALSE(detail.timeline[0].author_id);  // opened by Chorus itself
  EXPECT_EQ(detail.timeline[2].text, "on it");
  EXPECT_NE(detail.timeline[8].detail_json.find("\"outcome\":\"deleted\""), std::string::npos);
  EXPECT_EQ(AuditCount("incident.state"), 3);
  EXPECT_EQ(AuditCount("incident.update"), 1);
  EXPECT_EQ(AuditCount("incident.note"), 2);
}

TEST_F(IncidentsTest, TheIncidentOutlivesItsPost) {
  ImportTweets();
  const int64_t id = All().at(0).id;
  std::vector<store::LinkedAccountRecord> accounts;
  ASSERT_TRUE(monitoring_->ListAccounts(anna_, &accounts).ok());
  ASSERT_TRUE(monitoring_->UnlinkAccount(anna_, accounts.at(0).id, nullptr).ok());
  IncidentDetail detail;
  ASSERT_TRUE(incidents_->Get(reviewer_, id, &detail).ok());
  EXPECT_FALSE(detail.post);
  EXPECT_FALSE(detail.incident.post_id);
  EXPECT_EQ(detail.incident.verdict, "block");
  std::vector<CheckedPlaybookText> texts;
  EXPECT_TRUE(incidents_->FillPlaybook(reviewer_, id, "pl", &texts).ok());
}

TEST_F(IncidentsTest, EveryPlaybookTextPassesTheDemoPolicyInEveryLanguage) {
  ImportTweets();
  const int64_t id = All().at(0).id;
  ASSERT_EQ(playbook_.Languages(), (std::vector<std::string>{"en", "he", "lv", "pl"}));
  for (const std::string& language : playbook_.Languages()) {
    std::vector<CheckedPlaybookText> texts;
    const Outcome o = incidents_->FillPlaybook(reviewer_, id, language, &texts);
    ASSERT_TRUE(o.ok()) << o.message;
    ASSERT_EQ(texts.size(), 3u);
    for (const auto& t : texts) {
      EXPECT_EQ(t.verdict, "ok") << language << " " << t.kind << ": " << t.text << "\n"
                                 << t.result.dump();
      EXPECT_TRUE(t.copyable);
      EXPECT_EQ(t.text.find('{'), std::string::npos) << t.text;  // every placeholder filled
      // The apology is the author's own; the others name the organisation.
      if (t.kind != "apology") {
        EXPECT_NE(t.text.find("Dzintars"), std::string::npos) << t.text;
      }
    }
  }
  std::vector<CheckedPlaybookText> texts;
  EXPECT_EQ(incidents_->FillPlaybook(reviewer_, id, "de", &texts).code, "invalid_language");
}

TEST_F(IncidentsTest, EveryWhatPhraseOfEveryCategoryPassesToo) {
  // The phrases for categories other than this incident's, on every platform.
  for (const std::string& language : playbook_.Languages()) {
    std::vector<std::string> categories = FindingCategories();
    categories.push_back("none");  // the default phrase
    for (const auto& category : categories) {
      for (const char* platform : {"x", "linkedin", "feed"}) {
        std::vector<PlaybookText> texts;
        ASSERT_TRUE(playbook_
                        .Fill(language,
                              {.organisation = "Dzintars",
                               .platform = platform,
                               .published = "2026-03-01T10:00:00Z",
                               .categories = {category}},
                              &texts)
                        .ok());
        for (const auto& t : texts) {
          CheckResult result;
          ASSERT_TRUE(policy_->Check(t.text, language, &result, nullptr).ok());
          EXPECT_EQ(result.verdict, Severity::kOk)
              << language << " " << category << " " << t.kind << ": " << t.text;
        }
      }
    }
  }
}

TEST_F(IncidentsTest, ATextFilledWithAConfidentialTermIsNotCopyable) {
  const int64_t id = Remediating();
  ASSERT_TRUE(incidents_
                  ->Update(reviewer_, id, {.summary = "the launch date of Project Nightingale"},
                           300, nullptr)
                  .ok());
  std::vector<CheckedPlaybookText> texts;
  ASSERT_TRUE(incidents_->FillPlaybook(reviewer_, id, "en", &texts).ok());
  ASSERT_EQ(texts[0].kind, "correction");
  EXPECT_NE(texts[0].text.find("Project Nightingale"), std::string::npos);
  EXPECT_EQ(texts[0].verdict, "block");
  EXPECT_FALSE(texts[0].copyable);
  EXPECT_EQ(texts[0].result["findings"][0]["category"], "confidential");
  // The holding statement does not say what was wrong: still copyable.
  EXPECT_EQ(texts[2].kind, "holding_statement");
  EXPECT_TRUE(texts[2].copyable);
}

}  // namespace
}  // namespace chorus::program
