// OfficialAccountsStore: the registry of the company's official social media accounts
// (program/official_accounts.h): platform and handle, owner and backup owner, where the
// credentials are kept (a reference such as "vault: social/x", never a secret), two-factor
// status and the last review.
//
// Thread-safety: implementations are safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace chorus::store {

struct OfficialAccountRecord {
  int64_t id = 0;
  std::string platform;  // "x", "linkedin", ... (detect/profile_ref.h)
  std::string handle;    // as written, without "@"
  std::optional<int64_t> owner_id;
  std::optional<int64_t> owner_team_id;  // the owner's team when they became owner
  std::optional<int64_t> backup_owner_id;
  std::string credentials_ref;
  std::string two_factor = "unknown";  // "on", "off" or "unknown"
  std::optional<int64_t> last_review_at;
  int64_t created_at = 0;
};

class OfficialAccountsStore {
 public:
  virtual ~OfficialAccountsStore() = default;
  virtual Status CreateOfficialAccount(OfficialAccountRecord* account) = 0;  // sets id
  virtual Status UpdateOfficialAccount(const OfficialAccountRecord& account) = 0;
  virtual Status FindOfficialAccount(int64_t id, std::optional<OfficialAccountRecord>* out) = 0;
  virtual Status ListOfficialAccounts(std::vector<OfficialAccountRecord>* out) = 0;  // by id
  virtual Status DeleteOfficialAccount(int64_t id) = 0;
};

}  // namespace chorus::store
