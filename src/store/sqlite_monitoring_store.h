// SqliteMonitoringStore: MonitoringStore on the database of a SqliteStore (tables
// linked_accounts and monitored_posts, migration 6), through the store's own connection and
// lock, so it joins the store's transactions.
// Thread-safety: as SqliteStore; the SqliteStore must outlive it.
#pragma once

#include "store/monitoring_store.h"
#include "store/sqlite_store.h"

namespace chorus::store {

class SqliteMonitoringStore final : public MonitoringStore {
 public:
  explicit SqliteMonitoringStore(SqliteStore& base) : base_(base) {}

  Status LinkAccount(LinkedAccountRecord* account, bool* created) override;
  Status FindLinkedAccount(int64_t id, std::optional<LinkedAccountRecord>* out) override;
  Status ListLinkedAccounts(int64_t user_id, std::vector<LinkedAccountRecord>* out) override;
  Status UnlinkAccount(int64_t id, int64_t* posts) override;
  Status CountPostsOfAccount(int64_t account_id, int64_t* out) override;
  Status HasMonitoredPost(int64_t user_id, std::string_view platform, std::string_view platform_id,
                          bool* out) override;
  Status AddMonitoredPosts(std::vector<MonitoredPostRecord>* posts, int64_t* added) override;
  Status FindMonitoredPost(int64_t id, std::optional<MonitoredPostRecord>* out) override;
  Status ListMonitoredPosts(const MonitoredPostQuery& query,
                            std::vector<MonitoredPostRecord>* out) override;

 private:
  SqliteStore& base_;
};

}  // namespace chorus::store
