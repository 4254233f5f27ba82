#include "program/usage.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "program/usage_report.h"
#include "store/sqlite_store.h"
#include "store/sqlite_usage_store.h"

namespace chorus::program {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kMonday = 1764547200;  // 2025-12-01 00:00:00 UTC (2025-W49)
constexpr int64_t kNow = kMonday + 3 * 86'400;

class UsageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    ASSERT_TRUE(PlatformDomains::Builtin(&domains_).ok());
    usage_store_ = std::make_unique<store::SqliteUsageStore>(*store_);
    usage_ = std::make_unique<UsageSummaries>(*store_, *usage_store_, domains_);
    dir_ = fs::temp_directory_path() /
           ("chorus-usage-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    AddTeam("Sales", 6, "s");
    AddTeam("Legal", 2, "l");
    store::UserRecord loner;
    loner.email = "loner@dzintars.lv";
    loner.name = "Loner";
    loner.role = "employee";
    ASSERT_TRUE(store_->CreateUser(&loner).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  void AddTeam(const std::string& name, int people, const std::string& prefix) {
    store::TeamRecord team;
    team.name = name;
    ASSERT_TRUE(store_->CreateTeam(&team).ok());
    for (int i = 1; i <= people; ++i) {
      store::UserRecord u;
      u.email = prefix + std::to_string(i) + "@dzintars.lv";
      u.name = u.email;
      u.role = "employee";
      u.team_id = team.id;
      ASSERT_TRUE(store_->CreateUser(&u).ok());
    }
  }

  static std::string Line(int64_t seconds, const std::string& user, const std::string& host) {
    return std::to_string(seconds) + ".250 120 10.0.0.5 TCP_TUNNEL/200 5120 CONNECT " + host +
           ":443 " + user + " HIER_DIRECT/157.240.9.35 -\n";
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  Outcome Import(const std::vector<std::string>& paths, UsageImportReport* report,
                 bool skip = false) {
    UsageImportOptions options;
    options.now = kNow;
    options.skip_bad_lines = skip;
    return usage_->Import(paths, options, report);
  }

  UsageReport Report(int min_group = 5, std::string_view from = "", std::string_view to = "") {
    UsageReport report;
    EXPECT_TRUE(usage_->Report(nullptr, from, to, min_group, &report).ok());
    return report;
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<store::SqliteUsageStore> usage_store_;
  std::unique_ptr<UsageSummaries> usage_;
  PlatformDomains domains_;
  fs::path dir_;
};

// Six people of Sales on Facebook for 2 min (one session: 0 s and 60 s -> 120 s) each.
std::string SalesOnFacebook(int64_t at) {
  std::string log;
  for (int i = 1; i <= 6; ++i) {
    log += std::to_string(at) + ".000 10 10.0.0.1 TCP_TUNNEL/200 1 CONNECT www.facebook.com:443 s" +
           std::to_string(i) + "%40dzintars.lv HIER_DIRECT/1.1.1.1 -\n";
    log += std::to_string(at + 60) +
           ".000 10 10.0.0.1 TCP_TUNNEL/200 1 CONNECT static.xx.fbcdn.net:443 s" +
           std::to_string(i) + " HIER_DIRECT/1.1.1.1 -\n";
  }
  return log;
}

TEST_F(UsageTest, ImportKeepsTeamTotalsAndDeletesTheLogs) {
  std::string log = SalesOnFacebook(kMonday + 3600);
  log += Line(kMonday + 100, "l1", "x.com") + Line(kMonday + 100, "ghost", "x.com") +
         Line(kMonday + 100, "-", "x.com") + Line(kMonday + 100, "s1", "example.com") +
         Line(kMonday + 100, "loner", "x.com") + "\n";
  const std::string path = Write("access.log", log);
  UsageImportReport report;
  const Outcome o = Import({path}, &report);
  ASSERT_TRUE(o.ok()) << o.message << o.internal_detail;
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(report.lines, 17);
  EXPECT_EQ(report.platform_requests, 13);
  EXPECT_EQ(report.unknown_users, 1);
  EXPECT_EQ(report.unknown_user_lines, 1);
  EXPECT_EQ(report.no_user_lines, 1);
  EXPECT_EQ(report.other_requests, 1);
  EXPECT_EQ(report.people_without_team, 1);
  EXPECT_EQ(report.people, 7);
  EXPECT_EQ(report.weeks, std::vector<std::string>{"2025-W49"});
  std::vector<store::AuditRecord> audit;
  ASSERT_TRUE(store_->ListAudit(10, &audit).ok());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "usage.import");
  EXPECT_EQ(audit[0].detail.find("s1"), std::string::npos);  // counts, no people

  const UsageReport r = Report(5);
  EXPECT_EQ(r.from, "2025-12-01");
  EXPECT_EQ(r.to, "2025-12-07");
  ASSERT_EQ(r.teams.size(), 1u);
  EXPECT_EQ(r.teams[0].team, "Sales");
  EXPECT_EQ(r.teams[0].people, 6);
  EXPECT_EQ(r.teams[0].minutes.at("facebook"), 12);  // 6 people x 120 s
  EXPECT_EQ(r.teams[0].minutes.at("x"), 0);
  EXPECT_EQ(r.teams[0].total_minutes, 12);
  EXPECT_EQ(r.suppressed_teams, 1);  // Legal: one person

  const UsageReport small = Report(2);
  EXPECT_EQ(small.teams.size(), 1u);  // Legal still has one person in the log
  const UsageReport one = Report(1);
  ASSERT_EQ(one.teams.size(), 2u);
  EXPECT_EQ(one.teams[0].team, "Legal");
  EXPECT_EQ(one.teams[0].minutes.at("x"), 1);
}

TEST_F(UsageTest, ABadLineChangesNothingAndDeletesNothing) {
  const std::string good = Write("good.log", SalesOnFacebook(kMonday));
  const std::string bad = Write("bad.log", Line(kMonday, "s1", "x.com") + "not a squid line\n" +
                                               Line(kMonday, "s2", "x.com"));
  UsageImportReport report;
  const Outcome o = Import({good, bad}, &report);
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.code, "bad_lines");
  ASSERT_EQ(report.bad_line_messages.size(), 1u);
  EXPECT_EQ(report.bad_line_messages[0].rfind(bad + ":2: ", 0), 0u) << report.bad_line_messages[0];
  EXPECT_TRUE(fs::exists(good));
  EXPECT_TRUE(fs::exists(bad));
  EXPECT_TRUE(Report(1).teams.empty());

  // Skipping them imports the rest.
  ASSERT_TRUE(Import({good, bad}, &report, true).ok());
  EXPECT_EQ(report.bad_lines, 1);
  EXPECT_FALSE(fs::exists(bad));
  EXPECT_EQ(Report(5).teams.at(0).minutes.at("x"), 2);
}

TEST_F(UsageTest, HugeAndBinaryLinesAreBadLinesNotCrashes) {
  const std::string path =
      Write("huge.log", std::string(200'000, 'a') + "\n" + std::string("\0\xff\n", 3));
  UsageImportReport report;
  EXPECT_FALSE(Import({path}, &report).ok());
  EXPECT_EQ(report.bad_lines, 2);
  EXPECT_NE(report.bad_line_messages[0].find("longer than"), std::string::npos);
}

TEST_F(UsageTest, TwoLogsOfOneWeekCountEachPersonOnce) {
  const std::string first = Write("monday.log", SalesOnFacebook(kMonday));
  const std::string second = Write("tuesday.log", SalesOnFacebook(kMonday + 86'400));
  UsageImportReport report;
  ASSERT_TRUE(Import({first}, &report).ok());
  ASSERT_TRUE(Import({second}, &report).ok());
  const UsageReport r = Report();
  ASSERT_EQ(r.teams.size(), 1u);
  EXPECT_EQ(r.teams[0].people, 6);  // not 12
  EXPECT_EQ(r.teams[0].minutes.at("facebook"), 24);
}

TEST_F(UsageTest, TheSameFileTwiceIsRefused) {
  const std::string log = SalesOnFacebook(kMonday);
  UsageImportReport report;
  ASSERT_TRUE(Import({Write("a.log", log)}, &report).ok());
  const std::string again = Write("b.log", log);
  const Outcome o = Import({again}, &report);
  EXPECT_EQ(o.code, "already_imported");
  EXPECT_TRUE(fs::exists(again));
  EXPECT_EQ(Report().teams.at(0).minutes.at("facebook"), 12);
  const Outcome twice = Import({again, Write("c.log", log)}, &report);
  EXPECT_EQ(twice.code, "duplicate_file");
}

TEST_F(UsageTest, ClosedWeeksAreNotCountedAndTheirHashesAreGone) {
  const int64_t old_week = kMonday - 4 * 7 * 86'400;  // 2025-W45, closed by kNow
  UsageImportReport report;
  ASSERT_TRUE(
      Import({Write("old.log", SalesOnFacebook(old_week) + SalesOnFacebook(kMonday))}, &report)
          .ok());
  EXPECT_EQ(report.closed_week_sessions, 6);
  const UsageReport r = Report(5, "2025-11-01", "2025-11-30");
  EXPECT_TRUE(r.teams.empty());
  int64_t forgotten = 0;
  ASSERT_TRUE(usage_store_->ForgetPeopleBefore("2026-W01", &forgotten).ok());
  EXPECT_EQ(forgotten, 1);  // only the open week 2025-W49 had a salt
}

TEST_F(UsageTest, AWeekWithASmallGroupHidesTheTeamForRangesThatHoldIt) {
  UsageImportReport report;
  std::string small_week;  // the next week: only s1 and s2
  for (int i = 1; i <= 2; ++i)
    small_week += Line(kMonday + 7 * 86'400, "s" + std::to_string(i), "x.com");
  UsageImportOptions options;
  options.now = kNow + 7 * 86'400;
  ASSERT_TRUE(
      usage_->Import({Write("a.log", SalesOnFacebook(kMonday) + small_week)}, options, &report)
          .ok());
  EXPECT_EQ(Report(5, "2025-12-01", "2025-12-07").teams.size(), 1u);
  const UsageReport both = Report(5, "2025-12-01", "2025-12-14");
  EXPECT_TRUE(both.teams.empty());
  EXPECT_EQ(both.suppressed_teams, 1);
  EXPECT_EQ(Report(2, "2025-12-01", "2025-12-14").teams.at(0).people, 2);  // the smallest week
}

TEST_F(UsageTest, ReportsAreForReviewersAndAdmins) {
  Actor employee;
  employee.role = Role::kEmployee;
  UsageReport r;
  EXPECT_EQ(usage_->Report(&employee, "", "", 5, &r).failure, Failure::kForbidden);
  Actor reviewer;
  reviewer.role = Role::kReviewer;
  EXPECT_TRUE(usage_->Report(&reviewer, "", "", 5, &r).ok());
  EXPECT_EQ(usage_->Report(nullptr, "2025-13-01", "", 5, &r).code, "invalid_date");
  EXPECT_EQ(usage_->Report(nullptr, "2025-12-08", "2025-12-01", 5, &r).code, "invalid_range");
  EXPECT_TRUE(r.from.empty());
}

TEST(UsageReportFormat, JsonShapeAndCsvSafeAgainstFormulas) {
  UsageReport r;
  r.from = "2025-12-01";
  r.to = "2025-12-07";
  r.platforms = {"facebook", "x"};
  r.teams.push_back({"=HYPERLINK(\"http://evil\")", 6, {{"facebook", 12}}, 12});
  r.teams.push_back({"Sales, Riga", 5, {{"x", 3}}, 3});
  r.suppressed_teams = 2;
  EXPECT_EQ(UsageReportJson(r).dump(),
            "{\"from\":\"2025-12-01\",\"to\":\"2025-12-07\",\"min_group\":5,\"teams\":[{\"team\":"
            "\"=HYPERLINK(\\\"http://evil\\\")\",\"people\":6,\"minutes\":{\"facebook\":12,\"x\":0,"
            "\"total\":12}},{\"team\":\"Sales, Riga\",\"people\":5,\"minutes\":{\"facebook\":0,"
            "\"x\":3,\"total\":3}}],\"suppressed_teams\":2}");
  EXPECT_EQ(UsageReportCsv(r),
            "team,people,facebook,x,total\r\n"
            "\"'=HYPERLINK(\"\"http://evil\"\")\",6,12,0,12\r\n"
            "\"Sales, Riga\",5,0,3,3\r\n");
  for (const char* cell : {"+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    EXPECT_EQ(CsvCell(cell).find('\''), CsvCell(cell)[0] == '"' ? 1u : 0u) << cell;
  UsageReport empty;
  EXPECT_EQ(UsageReportJson(empty).dump(),
            "{\"from\":null,\"to\":null,\"min_group\":5,\"teams\":[],\"suppressed_teams\":0}");
}

TEST(PlatformDomainsTest, SubdomainsAndErrors) {
  PlatformDomains d;
  ASSERT_TRUE(PlatformDomains::Builtin(&d).ok());
  EXPECT_EQ(d.PlatformOf("www.facebook.com"), "facebook");
  EXPECT_EQ(d.PlatformOf("facebook.com"), "facebook");
  EXPECT_EQ(d.PlatformOf("notfacebook.com"), "");
  EXPECT_EQ(d.PlatformOf("twitter.com"), "x");
  EXPECT_EQ(d.PlatformOf("media.licdn.com"), "linkedin");
  EXPECT_EQ(d.PlatformOf("www.tiktok.com"), "tiktok");
  EXPECT_EQ(d.PlatformOf("i.ytimg.com"), "youtube");
  EXPECT_EQ(d.PlatformOf("scontent.cdninstagram.com"), "instagram");
  EXPECT_EQ(d.PlatformOf(""), "");
  for (const char* id : {"facebook", "x", "linkedin", "instagram", "tiktok", "youtube"})
    EXPECT_NE(std::find(d.platforms().begin(), d.platforms().end(), id), d.platforms().end());
  PlatformDomains bad;
  const Status s = PlatformDomains::Parse("platforms:\n  a: [x.com]\n  b: [x.com]\n", &bad);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 3);
  EXPECT_FALSE(PlatformDomains::Parse("platforms:\n  total: [x.com]\n", &bad).ok());
}

}  // namespace
}  // namespace chorus::program
