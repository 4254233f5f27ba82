// SqliteOfficialAccountsStore: the OfficialAccountsStore on the SqliteStore's connection
// (table official_accounts, migration 7). Calls inside a Store transaction join it.
// Thread-safety: as SqliteStore.
#pragma once

#include "store/official_accounts_store.h"
#include "store/sqlite_store.h"

namespace chorus::store {

class SqliteOfficialAccountsStore final : public OfficialAccountsStore {
 public:
  explicit SqliteOfficialAccountsStore(SqliteStore& store) : store_(store) {}

  Status CreateOfficialAccount(OfficialAccountRecord* account) override;
  Status UpdateOfficialAccount(const OfficialAccountRecord& account) override;
  Status FindOfficialAccount(int64_t id, std::optional<OfficialAccountRecord>* out) override;
  Status ListOfficialAccounts(std::vector<OfficialAccountRecord>* out) override;
  Status DeleteOfficialAccount(int64_t id) override;

 private:
  SqliteStore& store_;
};

}  // namespace chorus::store
