#include "program/official_accounts.h"

#include <algorithm>

#include "detect/profile_ref.h"
#include "program/audit.h"
#include "program/transaction.h"

namespace chorus::program {
namespace {

const std::vector<std::string>& Platforms() {
  static const std::vector<std::string> platforms = {"x",      "linkedin", "facebook", "instagram",
                                                     "tiktok", "youtube",  "mastodon"};
  return platforms;
}

Outcome Invalid(std::string code, std::string message) {
  return Outcome::Fail(Failure::kInvalid, std::move(code), std::move(message));
}

nlohmann::json AuditDetail(const store::OfficialAccountRecord& a) {
  return {{"platform", a.platform},
          {"handle", a.handle},
          {"owner_id", a.owner_id ? nlohmann::json(*a.owner_id) : nlohmann::json()},
          {"backup_owner_id",
           a.backup_owner_id ? nlohmann::json(*a.backup_owner_id) : nlohmann::json()},
          {"two_factor", a.two_factor}};
}

}  // namespace

Outcome OfficialAccounts::View(const store::OfficialAccountRecord& account, int64_t now,
                               OfficialAccountView* out) {
  out->account = account;
  out->review_due =
      !account.last_review_at || now - *account.last_review_at > kReviewDueDays * 86'400;
  out->handover.clear();
  if (!account.owner_id) {
    out->handover = "no_owner";
    return Outcome::Ok();
  }
  std::optional<store::UserRecord> owner;
  if (Status s = store_.FindUserById(*account.owner_id, &owner); !s.ok())
    return Outcome::Internal(s);
  if (!owner || !owner->active)
    out->handover = "owner_left";
  else if (owner->team_id != account.owner_team_id)
    out->handover = "owner_changed_team";
  return Outcome::Ok();
}

Outcome OfficialAccounts::Apply(const OfficialAccountInput& input,
                                store::OfficialAccountRecord* a) {
  if (!input.account.empty()) {
    detect::ProfileRef ref;
    if (!detect::ParseProfileRef(input.account, &ref))
      return Invalid("invalid_account", "account must be a handle or a profile URL");
    const std::string platform = ref.platform.empty() ? input.platform : ref.platform;
    if (std::find(Platforms().begin(), Platforms().end(), platform) == Platforms().end())
      return Invalid(
          "invalid_platform",
          "platform must be x, linkedin, facebook, instagram, tiktok, youtube or mastodon");
    a->platform = platform;
    a->handle = ref.host.empty() ? ref.handle : ref.handle + "@" + ref.host;
  }
  auto person = [&](const std::optional<std::string>& email, std::optional<int64_t>* id,
                    std::optional<int64_t>* team) -> Outcome {
    if (!email) return Outcome::Ok();
    if (email->empty()) {
      id->reset();
      if (team) team->reset();
      return Outcome::Ok();
    }
    std::optional<store::UserRecord> user;
    if (Status s = store_.FindUserByEmail(*email, &user); !s.ok()) return Outcome::Internal(s);
    if (!user || !user->active) return Invalid("unknown_person", "no active person " + *email);
    *id = user->id;
    if (team) *team = user->team_id;
    return Outcome::Ok();
  };
  if (Outcome o = person(input.owner_email, &a->owner_id, &a->owner_team_id); !o.ok()) return o;
  if (Outcome o = person(input.backup_email, &a->backup_owner_id, nullptr); !o.ok()) return o;
  if (input.credentials_ref) {
    if (input.credentials_ref->size() > 200)
      return Invalid("invalid_credentials_ref",
                     "credentials_ref names where the credentials are kept, in at most 200 "
                     "characters; never the secret itself");
    a->credentials_ref = *input.credentials_ref;
  }
  if (input.two_factor) {
    if (*input.two_factor != "on" && *input.two_factor != "off" && *input.two_factor != "unknown")
      return Invalid("invalid_two_factor", "two_factor must be on, off or unknown");
    a->two_factor = *input.two_factor;
  }
  return Outcome::Ok();
}

Outcome OfficialAccounts::List(const Actor& by, int64_t now,
                               std::vector<OfficialAccountView>* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  out->clear();
  std::vector<store::OfficialAccountRecord> accounts;
  if (Status s = accounts_.ListOfficialAccounts(&accounts); !s.ok()) return Outcome::Internal(s);
  for (const auto& a : accounts) {
    OfficialAccountView view;
    if (Outcome o = View(a, now, &view); !o.ok()) return o;
    out->push_back(std::move(view));
  }
  return Outcome::Ok();
}

Outcome OfficialAccounts::Create(const Actor& by, const OfficialAccountInput& input, int64_t now,
                                 OfficialAccountView* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  if (input.account.empty()) return Invalid("invalid_account", "name the account");
  store::OfficialAccountRecord a;
  a.created_at = now;
  if (Outcome o = Apply(input, &a); !o.ok()) return o;
  std::vector<store::OfficialAccountRecord> existing;
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    if (Status s = accounts_.ListOfficialAccounts(&existing); !s.ok()) return Outcome::Internal(s);
    for (const auto& e : existing)
      if (e.platform == a.platform && detect::HandleKey(e.handle) == detect::HandleKey(a.handle))
        return Outcome::Fail(Failure::kConflict, "duplicate_account", "the account is registered");
    if (Status s = accounts_.CreateOfficialAccount(&a); !s.ok()) return Outcome::Internal(s);
    if (Status s = RecordAudit(tx, &by, "official_account.create",
                               "official_account:" + std::to_string(a.id), AuditDetail(a));
        !s.ok())
      return Outcome::Internal(s);
    return View(a, now, out);
  });
}

Outcome OfficialAccounts::Update(const Actor& by, int64_t id, const OfficialAccountInput& input,
                                 int64_t now, OfficialAccountView* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    std::optional<store::OfficialAccountRecord> a;
    if (Status s = accounts_.FindOfficialAccount(id, &a); !s.ok()) return Outcome::Internal(s);
    if (!a) return Outcome::NotFound();
    if (Outcome o = Apply(input, &*a); !o.ok()) return o;
    if (Status s = accounts_.UpdateOfficialAccount(*a); !s.ok()) {
      if (s.message().find("UNIQUE") != std::string::npos)
        return Outcome::Fail(Failure::kConflict, "duplicate_account", "the account is registered");
      return Outcome::Internal(s);
    }
    if (Status s = RecordAudit(tx, &by, "official_account.update",
                               "official_account:" + std::to_string(id), AuditDetail(*a));
        !s.ok())
      return Outcome::Internal(s);
    return View(*a, now, out);
  });
}

Outcome OfficialAccounts::MarkReviewed(const Actor& by, int64_t id, int64_t now,
                                       OfficialAccountView* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    std::optional<store::OfficialAccountRecord> a;
    if (Status s = accounts_.FindOfficialAccount(id, &a); !s.ok()) return Outcome::Internal(s);
    if (!a) return Outcome::NotFound();
    a->last_review_at = now;
    if (Status s = accounts_.UpdateOfficialAccount(*a); !s.ok()) return Outcome::Internal(s);
    if (Status s = RecordAudit(tx, &by, "official_account.review",
                               "official_account:" + std::to_string(id), AuditDetail(*a));
        !s.ok())
      return Outcome::Internal(s);
    return View(*a, now, out);
  });
}

Outcome OfficialAccounts::Delete(const Actor& by, int64_t id) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    std::optional<store::OfficialAccountRecord> a;
    if (Status s = accounts_.FindOfficialAccount(id, &a); !s.ok()) return Outcome::Internal(s);
    if (!a) return Outcome::NotFound();
    if (Status s = accounts_.DeleteOfficialAccount(id); !s.ok()) return Outcome::Internal(s);
    if (Status s = RecordAudit(tx, &by, "official_account.delete",
                               "official_account:" + std::to_string(id), AuditDetail(*a));
        !s.ok())
      return Outcome::Internal(s);
    return Outcome::Ok();
  });
}

}  // namespace chorus::program
