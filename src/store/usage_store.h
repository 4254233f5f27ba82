// UsageStore: the time-on-social-media summaries (program/usage.h). Holds aggregates only:
// milliseconds per (ISO week, team, platform) and people per (week, team). While a week is
// open it also holds salted hashes of the people counted in it (and the week's random salt),
// so that a second log of the same week adds a person once; ForgetPeopleBefore deletes both
// when the week closes, after which nothing links a count to anyone. Imported log files are
// remembered by their SHA-256 so that a file is never counted twice.
//
// Thread-safety: implementations are safe from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace chorus::store {

struct UsageWeekTeam {
  std::string week;  // "2026-W48"
  std::string team;
  int64_t people = 0;
  std::map<std::string, int64_t> milliseconds;  // by platform
};

class UsageStore {
 public:
  virtual ~UsageStore() = default;

  // Runs `body` in one transaction: all its changes or none.
  virtual Status Transaction(const std::function<Status(UsageStore&)>& body) = 0;

  virtual Status IsFileImported(std::string_view sha256, bool* out) = 0;
  virtual Status RecordImportedFile(std::string_view sha256, int64_t at, int64_t lines) = 0;

  // The week's salt; `candidate` becomes it when the week has none yet.
  virtual Status WeekSalt(std::string_view week, std::string_view candidate, std::string* out) = 0;
  virtual Status AddTime(std::string_view week, std::string_view team, std::string_view platform,
                         int64_t milliseconds) = 0;
  // Adds people (salted hashes) to a team's week; its count becomes the number of distinct
  // hashes held for it.
  virtual Status AddPeople(std::string_view week, std::string_view team,
                           const std::vector<std::string>& person_hashes) = 0;
  // Deletes the salts and person hashes of every week before `week` ("2026-W46" sorts as a
  // week); *forgotten (optional) receives how many weeks' salts went.
  virtual Status ForgetPeopleBefore(std::string_view week, int64_t* forgotten) = 0;

  // Every (week, team) with data from `from_week` to `to_week` inclusive, by week then team.
  virtual Status ListWeeks(std::string_view from_week, std::string_view to_week,
                           std::vector<UsageWeekTeam>* out) = 0;
};

}  // namespace chorus::store
