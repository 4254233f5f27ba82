// OfficialAccounts: the registry of the company's official social media accounts, so that
// they stay in the company's hands when people leave (issue 11, section 2). Each account has
// a platform and handle, an owner and a backup owner, where its credentials are kept (a
// reference such as "vault: social/x", never the secret itself), its two-factor status and
// its last review.
//
// - An account not reviewed for kReviewDueDays (or never) is flagged review_due.
// - An account whose owner left (deactivated), changed team since becoming owner, or that has
//   no owner is on the handover list (`handover` says why) until an admin gives it an owner.
// - Reviewers and admins read the registry; admins change it. Every change is in the audit
//   log, in the same transaction.
//
// Thread-safety: safe from several threads (the stores serialise).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "program/actor.h"
#include "program/outcome.h"
#include "store/official_accounts_store.h"
#include "store/store.h"

namespace chorus::program {

constexpr int64_t kReviewDueDays = 90;

struct OfficialAccountInput {
  std::string account;                      // a handle ("@dzintars") or a profile URL
  std::string platform;                     // needed with a bare handle
  std::optional<std::string> owner_email;   // "" clears
  std::optional<std::string> backup_email;  // "" clears
  std::optional<std::string> credentials_ref;
  std::optional<std::string> two_factor;  // "on", "off", "unknown"
};

struct OfficialAccountView {
  store::OfficialAccountRecord account;
  bool review_due = false;
  std::string handover;  // "", "no_owner", "owner_left" or "owner_changed_team"
};

class OfficialAccounts {
 public:
  OfficialAccounts(store::Store& store, store::OfficialAccountsStore& accounts)
      : store_(store), accounts_(accounts) {}

  Outcome List(const Actor& by, int64_t now, std::vector<OfficialAccountView>* out);
  Outcome Create(const Actor& by, const OfficialAccountInput& input, int64_t now,
                 OfficialAccountView* out);
  // Changes the given fields; a new owner ends the handover.
  Outcome Update(const Actor& by, int64_t id, const OfficialAccountInput& input, int64_t now,
                 OfficialAccountView* out);
  Outcome MarkReviewed(const Actor& by, int64_t id, int64_t now, OfficialAccountView* out);
  Outcome Delete(const Actor& by, int64_t id);

 private:
  Outcome View(const store::OfficialAccountRecord& account, int64_t now, OfficialAccountView* out);
  Outcome Apply(const OfficialAccountInput& input, store::OfficialAccountRecord* account);

  store::Store& store_;
  store::OfficialAccountsStore& accounts_;
};

}  // namespace chorus::program
