#include "program/invitation_desk.h"

#include "program/audit.h"
#include "program/password_hash.h"
#include "program/password_policy.h"
#include "program/secrets.h"
#include "program/transaction.h"

namespace chorus::program {

Outcome InvitationDesk::Invite(const Actor& by, int64_t user_id, std::string* token,
                               int64_t* expires_at) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  std::string secret = RandomToken();
  store::InvitationRecord invitation;
  invitation.token_hash = Sha256Hex(secret);
  invitation.user_id = user_id;
  invitation.created_by = by.user_id;
  invitation.created_at = NowSeconds();
  invitation.expires_at = invitation.created_at + kInvitationDays * 86400;
  const Outcome o = InTransaction(store_, [&](store::Store& tx) {
    std::optional<store::UserRecord> user;
    if (Status f = tx.FindUserById(user_id, &user); !f.ok()) return Outcome::Internal(f);
    if (!user) return Outcome::NotFound();
    if (!user->password_hash.empty()) {
      return Outcome::Fail(Failure::kConflict, "has_password",
                           "this person has a password already: reset it instead");
    }
    if (Status c = invitations_.CreateInvitation(&invitation); !c.ok()) return Outcome::Internal(c);
    const Status a = RecordAudit(tx, &by, "invitation.created", "user:" + std::to_string(user_id),
                                 {{"email", user->email}, {"expires_at", invitation.expires_at}});
    return a.ok() ? Outcome::Ok() : Outcome::Internal(a);
  });
  if (!o.ok()) return o;
  *token = std::move(secret);
  *expires_at = invitation.expires_at;
  return Outcome::Ok();
}

Outcome InvitationDesk::Accept(std::string_view token, std::string_view password,
                               std::string* email) {
  const Outcome invalid = Outcome::Fail(Failure::kInvalid, "invalid_invitation",
                                        "this invitation link is unknown, used or expired");
  if (token.empty() || token.size() > 200) return invalid;
  return InTransaction(store_, [&](store::Store& tx) {
    std::optional<store::InvitationRecord> invitation;
    if (Status f = invitations_.FindInvitation(Sha256Hex(token), &invitation); !f.ok())
      return Outcome::Internal(f);
    const int64_t now = NowSeconds();
    if (!invitation || invitation->used_at || invitation->expires_at <= now) return invalid;
    std::optional<store::UserRecord> user;
    if (Status f = tx.FindUserById(invitation->user_id, &user); !f.ok())
      return Outcome::Internal(f);
    if (!user || !user->active || !user->password_hash.empty()) return invalid;
    if (Outcome o = CheckPasswordStrength(password, user->email); !o.ok()) return o;
    std::string hash;
    if (Status h = HashPassword(password, &hash); !h.ok()) return Outcome::Internal(h);
    if (Status u = invitations_.UseInvitation(invitation->id, now); !u.ok()) {
      return u.message() == store::kConflict ? invalid : Outcome::Internal(u);
    }
    user->password_hash = hash;
    if (Status u = tx.UpdateUser(*user); !u.ok()) return Outcome::Internal(u);
    Actor self;
    self.user_id = user->id;
    self.email = user->email;
    self.name = user->name;
    const Status a = RecordAudit(tx, &self, "invitation.accepted",
                                 "user:" + std::to_string(user->id), {{"email", user->email}});
    if (!a.ok()) return Outcome::Internal(a);
    *email = user->email;
    return Outcome::Ok();
  });
}

}  // namespace chorus::program
