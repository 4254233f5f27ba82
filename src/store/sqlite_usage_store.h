// SqliteUsageStore: the UsageStore on the SqliteStore's connection (tables of migration 7).
// Thread-safety: as SqliteStore (its lock serialises every call).
#pragma once

#include "store/sqlite_store.h"
#include "store/usage_store.h"

namespace chorus::store {

class SqliteUsageStore final : public UsageStore {
 public:
  explicit SqliteUsageStore(SqliteStore& store) : store_(store) {}

  Status Transaction(const std::function<Status(UsageStore&)>& body) override;
  Status IsFileImported(std::string_view sha256, bool* out) override;
  Status RecordImportedFile(std::string_view sha256, int64_t at, int64_t lines) override;
  Status WeekSalt(std::string_view week, std::string_view candidate, std::string* out) override;
  Status AddTime(std::string_view week, std::string_view team, std::string_view platform,
                 int64_t milliseconds) override;
  Status AddPeople(std::string_view week, std::string_view team,
                   const std::vector<std::string>& person_hashes) override;
  Status ForgetPeopleBefore(std::string_view week, int64_t* forgotten) override;
  Status ListWeeks(std::string_view from_week, std::string_view to_week,
                   std::vector<UsageWeekTeam>* out) override;

 private:
  SqliteStore& store_;
};

}  // namespace chorus::store
