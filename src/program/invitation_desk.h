// InvitationDesk: a person an admin adds without a password gets a single-use link to set
// their own, which the admin passes on (e-mail may not be configured). The link expires after
// kInvitationDays days; creating and using it are audited; only its digest is stored.
//
// Thread-safety: safe from any thread; using a link is a compare-and-set, so the same link
// opened twice at once sets one password.
#pragma once

#include <string>
#include <string_view>

#include "program/actor.h"
#include "program/outcome.h"
#include "store/invitations.h"
#include "store/store.h"

namespace chorus::program {

inline constexpr int64_t kInvitationDays = 7;

class InvitationDesk {
 public:
  // `invitations` must be the same database as `store` (SqliteStore is both).
  InvitationDesk(store::Store& store, store::Invitations& invitations)
      : store_(store), invitations_(invitations) {}

  // An admin invites the person `user_id` (who has no password yet); *token is the secret of
  // the link, *expires_at when it stops working.
  Outcome Invite(const Actor& by, int64_t user_id, std::string* token, int64_t* expires_at);
  // The person sets their password with the link's token. Fails with "invalid_invitation"
  // for an unknown, used or expired link; with the password rules' codes for a weak password
  // (the link stays usable then). *email is whom it was for.
  Outcome Accept(std::string_view token, std::string_view password, std::string* email);

 private:
  store::Store& store_;
  store::Invitations& invitations_;
};

}  // namespace chorus::program
