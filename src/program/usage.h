// UsageSummaries: time on social media from company proxy logs, for teams and never for a
// person (issue 11, section 5).
//
// Import reads Squid native access logs (ingest/squid_log.h). The user column names the
// person by sign-in e-mail or its local part ("anna@dzintars.lv" or "anna"; "-" is skipped);
// hosts are mapped to platforms by PlatformDomains; requests to other hosts are ignored.
// Time follows the rule of usage_sessions.h. What is kept: milliseconds per (ISO week, team,
// platform) and the number of people per (week, team). Unknown users are counted in the
// report and not stored; so are people without a team.
//
// All or nothing: every file is read and checked before anything is stored, and the store
// changes in one transaction. A line that is not Squid's native format fails the whole import
// (nothing stored, no file deleted) unless skip_bad_lines is set, in which case such lines are
// skipped; either way each is reported as "FILE:LINE: what is wrong". After a successful
// import the log files are deleted. A file already imported (same SHA-256) fails the import.
//
// People across several logs of one week: while a week is open (until kUsageOpenDays after
// its end) the store keeps a salted hash of each person counted in a team's week, with a
// random salt per week, so the same person in a second log is not counted twice. When the
// week closes the salt and the hashes are deleted, and later log lines of that week are not
// counted (reported as closed_week_sessions).
//
// Report: per team over the ISO weeks from..to: minutes per platform and in total, and
// `people`, the smallest weekly number of people. A team any of whose weeks in the range had
// fewer than min_group people is left out and counted in suppressed_teams (so that no choice
// of range shows a small group's week).
//
// Thread-safety: safe from several threads (the stores serialise).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "program/actor.h"
#include "program/outcome.h"
#include "program/platform_domains.h"
#include "store/store.h"
#include "store/usage_store.h"

namespace chorus::program {

constexpr int64_t kUsageOpenDays = 14;
constexpr size_t kMaxUsageLineBytes = 64 * 1024;
constexpr size_t kMaxReportedBadLines = 20;

struct UsageImportOptions {
  bool skip_bad_lines = false;
  bool delete_files = true;
  int64_t now = 0;  // Unix seconds; decides which weeks are open
};

struct UsageImportReport {
  bool imported = false;
  int64_t lines = 0;              // non-empty lines read
  int64_t platform_requests = 0;  // requests counted toward a platform
  int64_t other_requests = 0;     // to hosts of no platform, or with no host
  int64_t no_user_lines = 0;      // user "-"
  int64_t unknown_users = 0;      // distinct user names that match nobody
  int64_t unknown_user_lines = 0;
  int64_t people_without_team = 0;  // distinct people with no team (not counted)
  int64_t people = 0;               // distinct people counted
  int64_t sessions = 0;
  int64_t closed_week_sessions = 0;  // sessions in weeks already closed (not counted)
  int64_t bad_lines = 0;
  std::vector<std::string> bad_line_messages;  // the first kMaxReportedBadLines
  std::vector<std::string> weeks;              // weeks changed
  std::vector<std::string> delete_failures;    // files that could not be deleted
};

struct UsageTeamRow {
  std::string team;
  int64_t people = 0;
  std::map<std::string, int64_t> minutes;  // by platform, every platform of the table
  int64_t total_minutes = 0;
};

struct UsageReport {
  std::string from, to;  // dates "YYYY-MM-DD"; empty when no range and no data
  int min_group = 5;
  std::vector<std::string> platforms;  // the table's, in order
  std::vector<UsageTeamRow> teams;     // by team name
  int64_t suppressed_teams = 0;
};

class UsageSummaries {
 public:
  UsageSummaries(store::Store& store, store::UsageStore& usage, const PlatformDomains& domains)
      : store_(store), usage_(usage), domains_(domains) {}

  Outcome Import(const std::vector<std::string>& paths, const UsageImportOptions& options,
                 UsageImportReport* report);

  // `by` is null for the command line on the data directory; otherwise a reviewer or admin.
  // `from`/`to` are dates "YYYY-MM-DD" or empty (all data).
  Outcome Report(const Actor* by, std::string_view from, std::string_view to, int min_group,
                 UsageReport* out);

 private:
  store::Store& store_;
  store::UsageStore& usage_;
  const PlatformDomains& domains_;
};

}  // namespace chorus::program
