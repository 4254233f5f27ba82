// Accounts: API tokens (creation, listing, revocation, resolution). See accounts.h.
#include <algorithm>

#include "program/accounts.h"
#include "program/audit.h"
#include "program/secrets.h"
#include "program/transaction.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

constexpr std::string_view kApiTokenPrefix = "chorus_";

std::string LowerTrim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  std::string out(s.substr(begin, end - begin + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Whether `by` may manage the tokens of `user_id` (nullptr: the command line, always).
bool MayManage(const Actor* by, int64_t user_id) {
  return !by || by->IsAdmin() || by->user_id == user_id;
}

}  // namespace

Outcome Accounts::CreateApiToken(std::string_view email_in, std::string_view name_in, int64_t days,
                                 const Actor* by, std::string* token, store::ApiTokenRecord* out) {
  if (by && by->via_api_token) return Outcome::Forbidden();
  if (days == 0) days = kDefaultApiTokenDays;
  if (days < 1 || days > kMaxApiTokenDays) {
    return Outcome::Fail(Failure::kInvalid, "invalid_token_days",
                         "a token lives 1 to " + std::to_string(kMaxApiTokenDays) + " days");
  }
  std::string name = name_in.empty() ? std::string("api") : std::string(name_in);
  if (name.size() > 100 || !text::IsValidUtf8(name)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_token_name",
                         "the token name must be at most 100 bytes of text");
  }
  const std::string email = LowerTrim(email_in);
  std::optional<store::UserRecord> user;
  if (Status s = store_.FindUserByEmail(email, &user); !s.ok()) return Outcome::Internal(s);
  if (!user || !MayManage(by, user->id)) {
    if (by && !by->IsAdmin()) return Outcome::Forbidden();
    return Outcome::Fail(Failure::kNotFound, "no_such_user", "no user with this e-mail");
  }
  if (!user->active) {
    return Outcome::Fail(Failure::kInvalid, "user_inactive", "the user is deactivated");
  }
  const std::string secret = std::string(kApiTokenPrefix) + RandomToken();
  store::ApiTokenRecord record;
  record.token_hash = Sha256Hex(secret);
  record.user_id = user->id;
  record.name = name;
  record.created_at = clock_();
  record.expires_at = record.created_at + days * 86400;
  const Outcome s = InTransaction(store_, [&](store::Store& tx) -> Outcome {
    if (Status c = tx.CreateApiToken(&record); !c.ok()) return Outcome::FromStatus(c);
    return Outcome::FromStatus(RecordAudit(tx, by, "token.create",
                                           "user:" + std::to_string(user->id),
                                           {{"email", user->email},
                                            {"token_id", record.id},
                                            {"name", record.name},
                                            {"expires_at", record.expires_at}}));
  });
  if (!s.ok()) return s;
  *token = secret;
  if (out) *out = record;
  return Outcome::Ok();
}

Outcome Accounts::ListApiTokens(int64_t user_id, const Actor* by,
                                std::vector<store::ApiTokenRecord>* out) {
  if (!MayManage(by, user_id)) return Outcome::Forbidden();
  if (Status s = store_.ListApiTokensOfUser(user_id, out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome Accounts::RevokeApiToken(int64_t token_id, const Actor* by, store::ApiTokenRecord* out) {
  if (by && by->via_api_token && !by->IsAdmin()) return Outcome::Forbidden();
  store::ApiTokenRecord revoked;
  const Outcome s = InTransaction(store_, [&](store::Store& tx) -> Outcome {
    std::optional<store::ApiTokenRecord> token;
    if (Status f = tx.FindApiTokenById(token_id, &token); !f.ok()) return Outcome::FromStatus(f);
    if (!token || !MayManage(by, token->user_id)) {
      return Outcome::NotFound();  // someone else's token is not revealed
    }
    revoked = *token;
    if (token->revoked) return Outcome::Ok();  // already revoked: nothing to do or audit
    const int64_t now = clock_();
    if (Status r = tx.RevokeApiToken(token_id, now); !r.ok()) return Outcome::FromStatus(r);
    revoked.revoked = true;
    revoked.revoked_at = now;
    return Outcome::FromStatus(RecordAudit(tx, by, "token.revoke",
                                           "user:" + std::to_string(token->user_id),
                                           {{"token_id", token_id}, {"name", token->name}}));
  });
  if (!s.ok()) return s;
  if (out) *out = revoked;
  return Outcome::Ok();
}

Outcome Accounts::ResolveApiToken(std::string_view token, Actor* actor) {
  const Outcome unauthenticated =
      Outcome::Fail(Failure::kUnauthenticated, "bad_token", "the API token is not valid");
  if (token.substr(0, kApiTokenPrefix.size()) != kApiTokenPrefix || token.size() > 128) {
    return unauthenticated;
  }
  std::optional<store::ApiTokenRecord> record;
  if (Status s = store_.FindApiToken(Sha256Hex(token), &record); !s.ok()) {
    return Outcome::Internal(s);
  }
  const int64_t now = clock_();
  if (!record || record->revoked || record->expires_at <= now) return unauthenticated;
  std::optional<store::UserRecord> user;
  if (Status s = store_.FindUserById(record->user_id, &user); !s.ok()) {
    return Outcome::Internal(s);
  }
  if (!user || !user->active) return unauthenticated;
  if (!record->last_used_at || now - *record->last_used_at >= kApiTokenTouchSeconds) {
    if (Status s = store_.TouchApiToken(record->id, now, kApiTokenTouchSeconds); !s.ok()) {
      return Outcome::Internal(s);
    }
  }
  *actor = ActorOf(*user);
  actor->via_api_token = true;
  return Outcome::Ok();
}

}  // namespace chorus::program
