#include "program/usage.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>
#include <unordered_map>

#include "ingest/squid_log.h"
#include "program/audit.h"
#include "program/secrets.h"
#include "program/usage_sessions.h"
#include "store/folded_key.h"

namespace chorus::program {
namespace {

constexpr int kUnknown = -1;
constexpr int kNoTeam = -2;

// Streaming SHA-256 (OpenSSL), lower-case hex.
class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr);
  }
  void Add(const char* data, size_t size) { EVP_DigestUpdate(ctx_.get(), data, size); }
  std::string Hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx_.get(), digest, &length);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
      out.push_back(kHex[digest[i] >> 4]);
      out.push_back(kHex[digest[i] & 15]);
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
};

// Who the user column names: the people of the store by folded e-mail and by local part
// (a local part two people share names nobody).
class People {
 public:
  Status Load(store::Store& store) {
    std::vector<store::TeamRecord> teams;
    if (Status s = store.ListTeams(&teams); !s.ok()) return s;
    std::unordered_map<int64_t, std::string> team_names;
    for (const auto& t : teams) team_names[t.id] = t.name;
    std::vector<store::UserRecord> users;
    if (Status s = store.ListUsers(&users); !s.ok()) return s;
    for (const auto& u : users) {
      const int index = static_cast<int>(people_.size());
      std::string team;
      if (u.team_id) {
        auto it = team_names.find(*u.team_id);
        if (it != team_names.end()) team = it->second;
      }
      people_.push_back({u.id, team});
      const std::string key = store::FoldedKey(u.email);
      by_email_[key] = index;
      const std::string local = key.substr(0, key.find('@'));
      auto [it, fresh] = by_local_.emplace(local, index);
      if (!fresh) it->second = kUnknown;  // ambiguous
    }
    return Status::Ok();
  }

  // The person's index, kUnknown, or kNoTeam.
  int Resolve(std::string_view logged_user) {
    auto cached = cache_.find(std::string(logged_user));
    if (cached != cache_.end()) return cached->second;
    const std::string key = store::FoldedKey(ingest::DecodeSquidUser(logged_user));
    int index = kUnknown;
    if (key.find('@') != std::string::npos) {
      if (auto it = by_email_.find(key); it != by_email_.end()) index = it->second;
    } else if (auto it = by_local_.find(key); it != by_local_.end()) {
      index = it->second;
    }
    if (index >= 0 && people_[static_cast<size_t>(index)].team.empty()) index = kNoTeam;
    cache_.emplace(std::string(logged_user), index);
    return index;
  }

  struct Person {
    int64_t user_id;
    std::string team;
  };
  const Person& at(int index) const { return people_[static_cast<size_t>(index)]; }

 private:
  std::vector<Person> people_;
  std::unordered_map<std::string, int> by_email_, by_local_, cache_;
};

// Everything read from the files before anything is stored.
struct Batch {
  std::vector<UsageRequest> requests;
  std::vector<std::pair<std::string, int64_t>> files;  // sha256, lines
  std::set<std::string> unknown_users;
  std::set<std::string> people_without_team;
};

void BadLine(UsageImportReport* report, const std::string& path, size_t line,
             const std::string& message) {
  ++report->bad_lines;
  if (report->bad_line_messages.size() < kMaxReportedBadLines)
    report->bad_line_messages.push_back(path + ":" + std::to_string(line) + ": " + message);
}

// Reads one file: hashes its bytes and turns its lines into requests.
Status ReadLog(const std::string& path, People& people, const PlatformDomains& domains,
               const std::vector<std::string>& platforms, Batch* batch, UsageImportReport* report) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read " + path);
  Sha256 sha;
  std::string line;
  bool truncated = false;
  size_t number = 0;
  int64_t lines = 0;
  std::string error;
  auto take = [&] {
    ++number;
    if (!truncated && !line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos && !truncated) return;
    ++lines;
    ++report->lines;
    if (truncated) {
      BadLine(report, path, number, "longer than " + std::to_string(kMaxUsageLineBytes) + " bytes");
      return;
    }
    ingest::SquidRecord record;
    if (!ingest::ParseSquidLine(line, &record, &error)) {
      BadLine(report, path, number, error);
      return;
    }
    const std::string_view platform = domains.PlatformOf(ingest::SquidHost(record));
    if (platform.empty()) {
      ++report->other_requests;
      return;
    }
    if (record.user == "-") {
      ++report->no_user_lines;
      return;
    }
    const int person = people.Resolve(record.user);
    if (person == kUnknown) {
      ++report->unknown_user_lines;
      batch->unknown_users.insert(store::FoldedKey(ingest::DecodeSquidUser(record.user)));
      return;
    }
    if (person == kNoTeam) {
      batch->people_without_team.insert(store::FoldedKey(ingest::DecodeSquidUser(record.user)));
      return;
    }
    const auto p = std::find(platforms.begin(), platforms.end(), platform) - platforms.begin();
    ++report->platform_requests;
    batch->requests.push_back(
        {static_cast<uint32_t>(person), static_cast<uint32_t>(p), record.time_ms});
  };
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const size_t got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    sha.Add(buffer.data(), got);
    size_t start = 0;
    while (start < got) {
      const char* nl =
          static_cast<const char*>(std::memchr(buffer.data() + start, '\n', got - start));
      const size_t end = nl ? static_cast<size_t>(nl - buffer.data()) : got;
      const size_t room = kMaxUsageLineBytes - std::min(kMaxUsageLineBytes, line.size());
      line.append(buffer.data() + start, std::min(room, end - start));
      if (end - start > room) truncated = true;
      if (!nl) break;
      take();
      line.clear();
      truncated = false;
      start = end + 1;
    }
  }
  if (in.bad()) return Status::Error("cannot read " + path);
  if (!line.empty() || truncated) take();
  batch->files.emplace_back(sha.Hex(), lines);
  return Status::Ok();
}

int64_t RoundMinutes(int64_t milliseconds) {
  return (milliseconds + 30'000) / 60'000;
}

}  // namespace

Outcome UsageSummaries::Import(const std::vector<std::string>& paths,
                               const UsageImportOptions& options, UsageImportReport* report) {
  *report = UsageImportReport();
  if (paths.empty()) return Outcome::Fail(Failure::kInvalid, "no_files", "name the log files");
  People people;
  if (Status s = people.Load(store_); !s.ok()) return Outcome::Internal(s);
  const std::vector<std::string>& platforms = domains_.platforms();
  Batch batch;
  for (const auto& path : paths) {
    if (Status s = ReadLog(path, people, domains_, platforms, &batch, report); !s.ok())
      return Outcome::Fail(Failure::kInvalid, "unreadable", s.message());
  }
  report->unknown_users = static_cast<int64_t>(batch.unknown_users.size());
  report->people_without_team = static_cast<int64_t>(batch.people_without_team.size());
  if (report->bad_lines > 0 && !options.skip_bad_lines) {
    return Outcome::Fail(Failure::kInvalid, "bad_lines",
                         std::to_string(report->bad_lines) +
                             " lines are not in Squid's native format; nothing was imported "
                             "and no file was deleted (--skip-bad-lines skips them)");
  }
  std::set<std::string> hashes;
  for (size_t i = 0; i < batch.files.size(); ++i) {
    if (!hashes.insert(batch.files[i].first).second)
      return Outcome::Fail(Failure::kConflict, "duplicate_file",
                           paths[i] + " has the same contents as another file of this import");
  }

  SessionTime time;
  AddSessionTime(&batch.requests, &time);
  const std::string oldest_open = IsoWeekOf((options.now - kUsageOpenDays * 86'400) * 1000);
  // (week, team) -> person user ids; (week, team, platform) -> milliseconds
  std::map<std::pair<std::string, std::string>, std::set<int64_t>> week_people;
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> week_time;
  for (const auto& [key, total] : time) {
    const auto& [person, platform, week] = key;
    const int64_t ms = total.milliseconds;
    report->sessions += total.sessions;
    if (week < oldest_open) {
      report->closed_week_sessions += total.sessions;
      continue;
    }
    const auto& who = people.at(static_cast<int>(person));
    week_people[{week, who.team}].insert(who.user_id);
    week_time[{week, who.team, platforms[platform]}] += ms;
  }
  std::set<int64_t> counted;
  for (const auto& [key, ids] : week_people) counted.insert(ids.begin(), ids.end());
  report->people = static_cast<int64_t>(counted.size());

  Status stored = usage_.Transaction([&](store::UsageStore& usage) {
    if (Status s = usage.ForgetPeopleBefore(oldest_open, nullptr); !s.ok()) return s;
    for (size_t i = 0; i < batch.files.size(); ++i) {
      bool seen = false;
      if (Status s = usage.IsFileImported(batch.files[i].first, &seen); !s.ok()) return s;
      if (seen) return Status::Error("already imported: " + paths[i]);
      if (Status s =
              usage.RecordImportedFile(batch.files[i].first, options.now, batch.files[i].second);
          !s.ok())
        return s;
    }
    for (const auto& [key, ms] : week_time) {
      const auto& [week, team, platform] = key;
      if (Status s = usage.AddTime(week, team, platform, ms); !s.ok()) return s;
    }
    std::map<std::string, std::string> salts;
    for (const auto& [key, ids] : week_people) {
      const auto& [week, team] = key;
      if (!salts.count(week)) {
        if (Status s = usage.WeekSalt(week, RandomToken(32), &salts[week]); !s.ok()) return s;
      }
      std::vector<std::string> hashed;
      for (int64_t id : ids) hashed.push_back(Sha256Hex(salts[week] + ":" + std::to_string(id)));
      if (Status s = usage.AddPeople(week, team, hashed); !s.ok()) return s;
      if (report->weeks.empty() || report->weeks.back() != week) report->weeks.push_back(week);
    }
    // The audit entry holds counts only, like everything else the import keeps.
    return RecordAudit(store_, nullptr, "usage.import", "usage",
                       {{"files", batch.files.size()},
                        {"lines", report->lines},
                        {"weeks", report->weeks},
                        {"people", report->people},
                        {"bad_lines_skipped", report->bad_lines}});
  });
  if (!stored.ok()) {
    if (stored.message().rfind("already imported: ", 0) == 0)
      return Outcome::Fail(Failure::kConflict, "already_imported",
                           stored.message() + "; nothing was imported and no file was deleted");
    return Outcome::Internal(stored);
  }
  report->imported = true;
  if (options.delete_files) {
    for (const auto& path : paths)
      if (std::remove(path.c_str()) != 0) report->delete_failures.push_back(path);
  }
  return Outcome::Ok();
}

Outcome UsageSummaries::Report(const Actor* by, std::string_view from, std::string_view to,
                               int min_group, UsageReport* out) {
  if (by && !by->CanReview()) return Outcome::Forbidden();
  *out = UsageReport();
  out->min_group = min_group;
  out->platforms = domains_.platforms();
  std::string from_week = "0000-W00", to_week = "9999-W99";
  if (!from.empty() && !IsoWeekOfDate(from, &from_week))
    return Outcome::Fail(Failure::kInvalid, "invalid_date", "from must be a date YYYY-MM-DD");
  if (!to.empty() && !IsoWeekOfDate(to, &to_week))
    return Outcome::Fail(Failure::kInvalid, "invalid_date", "to must be a date YYYY-MM-DD");
  if (!from.empty() && !to.empty() && from > to)
    return Outcome::Fail(Failure::kInvalid, "invalid_range", "from is after to");
  std::vector<store::UsageWeekTeam> weeks;
  if (Status s = usage_.ListWeeks(from_week, to_week, &weeks); !s.ok()) return Outcome::Internal(s);
  out->from = !from.empty()   ? std::string(from)
              : weeks.empty() ? ""
                              : WeekMonday(weeks.front().week);
  out->to = !to.empty() ? std::string(to) : weeks.empty() ? "" : WeekSunday(weeks.back().week);
  struct Sum {
    int64_t people = -1;
    bool small = false;
    std::map<std::string, int64_t> ms;
  };
  std::map<std::string, Sum> by_team;
  for (const auto& w : weeks) {
    Sum& sum = by_team[w.team];
    sum.people = sum.people < 0 ? w.people : std::min(sum.people, w.people);
    if (w.people < min_group) sum.small = true;
    for (const auto& [platform, ms] : w.milliseconds) sum.ms[platform] += ms;
  }
  for (const auto& [team, sum] : by_team) {
    if (sum.small) {
      ++out->suppressed_teams;
      continue;
    }
    UsageTeamRow row;
    row.team = team;
    row.people = sum.people;
    int64_t total = 0;
    for (const auto& platform : out->platforms) row.minutes[platform] = 0;
    for (const auto& [platform, ms] : sum.ms) {
      row.minutes[platform] = RoundMinutes(ms);
      total += ms;
    }
    row.total_minutes = RoundMinutes(total);
    out->teams.push_back(std::move(row));
  }
  return Outcome::Ok();
}

}  // namespace chorus::program
