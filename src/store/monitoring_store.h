// MonitoringStore: the records of monitoring after publication — the social media accounts
// employees link (user, platform, handle) and the posts imported from them with their check
// result (verdict, findings as `chorus scan` writes them, the policy version that checked
// them). Its own interface beside Store (DESIGN.md, "Growing the house"); the SQLite
// implementation (sqlite_monitoring_store.h) shares the SqliteStore's connection, so calls
// made inside a Store::Transaction body of that store join the transaction.
//
// A monitored post is unique per person by (platform, platform_id): adding it again changes
// nothing and counts as a duplicate. Unlinking an account deletes its posts with it.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace chorus::store {

struct LinkedAccountRecord {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string platform;  // x, mastodon, linkedin, facebook, feed
  std::string handle;    // as the person gave it; "" for an imported archive without one
  int64_t linked_at = 0;
  std::optional<int64_t> linked_by;  // who linked it; none: the command line
};

struct MonitoredPostRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t user_id = 0;
  std::string platform;
  std::string platform_id;
  std::string url;
  std::string published;  // RFC 3339 UTC, or ""
  std::string text;
  std::string language;
  std::string verdict;        // ok, caution, review, block
  std::string findings_json;  // the "findings" array of the post's check result
  std::optional<int64_t> policy_version_id;
  int64_t imported_at = 0;
};

struct MonitoredPostQuery {
  std::optional<int64_t> user_id;  // one person's posts, else everyone's
  // Only posts the communications team may see: verdict block, or review when imported at or
  // before `review_visible_before` (the grace period is over).
  bool team_view = false;
  int64_t review_visible_before = 0;
  int64_t after_id = 0;  // ascending ids after this one
  int64_t limit = 1000;
};

class MonitoringStore {
 public:
  virtual ~MonitoringStore() = default;

  // Links the account, or finds the same (user, platform, handle) linked before: *account
  // gets the stored record, *created whether it is new.
  virtual Status LinkAccount(LinkedAccountRecord* account, bool* created) = 0;
  virtual Status FindLinkedAccount(int64_t id, std::optional<LinkedAccountRecord>* out) = 0;
  virtual Status ListLinkedAccounts(int64_t user_id, std::vector<LinkedAccountRecord>* out) = 0;
  // Deletes the account and its posts; *posts (optional) is how many posts went.
  virtual Status UnlinkAccount(int64_t id, int64_t* posts) = 0;
  virtual Status CountPostsOfAccount(int64_t account_id, int64_t* out) = 0;

  virtual Status HasMonitoredPost(int64_t user_id, std::string_view platform,
                                  std::string_view platform_id, bool* out) = 0;
  // Adds the posts that are not held yet (sets their ids); *added is how many were new.
  virtual Status AddMonitoredPosts(std::vector<MonitoredPostRecord>* posts, int64_t* added) = 0;
  virtual Status FindMonitoredPost(int64_t id, std::optional<MonitoredPostRecord>* out) = 0;
  // Ascending by id (keyset paging with after_id).
  virtual Status ListMonitoredPosts(const MonitoredPostQuery& query,
                                    std::vector<MonitoredPostRecord>* out) = 0;
};

}  // namespace chorus::store
