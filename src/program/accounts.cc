#include "program/accounts.h"

#include <algorithm>
#include <sstream>

#include "policy/language_pack.h"
#include "program/audit.h"
#include "program/password_hash.h"
#include "program/password_policy.h"
#include "program/secrets.h"
#include "program/transaction.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string Trim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

// At most `max` bytes of `s`, cut at a UTF-8 character boundary.
std::string TruncateUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end));
}

// Checks a team name (new, renamed, or named for a person): trimmed, 1 to 200 bytes of UTF-8,
// no control characters.
Outcome CheckTeamName(std::string_view name, std::string* out) {
  *out = Trim(name);
  if (out->empty()) {
    return Outcome::Fail(Failure::kInvalid, "invalid_team", "the team name is empty");
  }
  if (out->size() > 200 || !text::IsValidUtf8(*out)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_team",
                         "the team name must be at most 200 bytes of text");
  }
  for (unsigned char c : *out) {
    if (c < ' ' || c == 0x7F) {
      return Outcome::Fail(Failure::kInvalid, "invalid_team",
                           "the team name must not contain control characters");
    }
  }
  return Outcome::Ok();
}

// A hash to verify against when the account does not exist, so both paths cost the same.
const std::string& DummyHash() {
  static const std::string hash = [] {
    std::string h;
    if (!HashPassword(RandomToken(16), &h).ok()) h.clear();  // then no equalising delay
    return h;
  }();
  return hash;
}

}  // namespace

std::string MaskUnknownEmail(std::string_view typed) {
  const size_t characters = text::CountCodePoints(typed);
  if (!IsPlausibleEmail(typed)) {
    return "(not an e-mail address, " + std::to_string(characters) + " characters)";
  }
  // The first character of the local part and the domain: enough to tell "someone tried
  // our domain" from "someone mistyped theirs", too little to recover anything typed.
  const size_t at = typed.find('@');
  size_t first = 0;
  text::DecodeUtf8(typed, 0, &first);
  return std::string(typed.substr(0, first)) + "***" + TruncateUtf8(typed.substr(at), 128);
}

bool IsPlausibleEmail(std::string_view email) {
  if (email.size() < 3 || email.size() > 254 || !text::IsValidUtf8(email)) return false;
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || at != email.rfind('@')) return false;
  if (at + 1 >= email.size()) return false;
  for (unsigned char c : email)
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',') return false;
  return true;
}

bool IsSupportedLanguage(std::string_view language) {
  return FindLanguagePack(language) != nullptr;
}

Actor Accounts::ActorOf(const store::UserRecord& user) {
  Actor a;
  a.user_id = user.id;
  ParseRole(user.role, &a.role);
  a.email = user.email;
  a.name = user.name;
  a.language = user.language;
  return a;
}

Outcome Accounts::EnsureTeam(store::Store& tx, std::string_view name, std::optional<int64_t>* id) {
  id->reset();
  if (Trim(name).empty()) return Outcome::Ok();  // no team
  std::string team;
  if (Outcome o = CheckTeamName(name, &team); !o.ok()) return o;
  std::optional<store::TeamRecord> found;
  if (Status s = tx.FindTeamByName(team, &found); !s.ok()) return Outcome::Internal(s);
  if (!found) {
    store::TeamRecord created{0, team};
    if (Status s = tx.CreateTeam(&created); !s.ok()) return Outcome::Internal(s);
    found = created;
  }
  *id = found->id;
  return Outcome::Ok();
}

Outcome Accounts::PrepareUser(const NewUser& user, store::UserRecord* record) {
  const std::string email = Lower(Trim(user.email));
  if (!IsPlausibleEmail(email)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_email", "the e-mail address is not valid");
  }
  Role role;
  if (!ParseRole(user.role, &role)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_role",
                         "the role must be admin, reviewer or employee");
  }
  const std::string language = user.language.empty() ? "en" : user.language;
  if (!IsSupportedLanguage(language)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_language", "the language is not supported");
  }
  // No name is left empty (never guessed from the e-mail address: "j.smith" is not a name);
  // the interface shows the address instead.
  std::string name = Trim(user.name);
  if (name.size() > 200 || !text::IsValidUtf8(name)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_name", "the name is not valid");
  }
  if (!Trim(user.team).empty()) {
    std::string team;
    if (Outcome o = CheckTeamName(user.team, &team); !o.ok()) return o;
  }
  *record = store::UserRecord{};
  record->email = email;
  record->name = name;
  record->role = std::string(RoleName(role));
  record->language = language;
  record->active = true;
  return Outcome::Ok();
}

Outcome Accounts::InsertUser(store::Store& tx, store::UserRecord& record, std::string_view team,
                             const Actor* by) {
  std::optional<store::UserRecord> existing;
  if (Status f = tx.FindUserByEmail(record.email, &existing); !f.ok()) return Outcome::Internal(f);
  if (existing) {
    return Outcome::Fail(Failure::kConflict, "email_taken",
                         "a user with this e-mail address already exists");
  }
  if (Outcome o = EnsureTeam(tx, team, &record.team_id); !o.ok()) return o;
  record.created_at = clock_();
  if (Status c = tx.CreateUser(&record); !c.ok()) return Outcome::Internal(c);
  if (Status a =
          RecordAudit(tx, by, "user.create", "user:" + std::to_string(record.id),
                      {{"email", record.email}, {"role", record.role}, {"team", Trim(team)}});
      !a.ok()) {
    return Outcome::Internal(a);
  }
  return Outcome::Ok();
}

Outcome Accounts::AddUser(const NewUser& user, const Actor* by, store::UserRecord* out) {
  if (by && !by->IsAdmin()) return Outcome::Forbidden();
  store::UserRecord record;
  if (Outcome o = PrepareUser(user, &record); !o.ok()) return o;
  if (!user.password.empty()) {
    if (Outcome o = CheckPasswordStrength(user.password, record.email); !o.ok()) return o;
    if (Status s = HashPassword(user.password, &record.password_hash); !s.ok()) {
      return Outcome::Internal(s);
    }
  }
  const Outcome s = InTransaction(
      store_, [&](store::Store& tx) { return InsertUser(tx, record, user.team, by); });
  if (!s.ok()) return s;
  if (out) *out = record;
  return Outcome::Ok();
}

Outcome Accounts::ChangeUser(
    int64_t user_id, const Actor& by, std::string_view action,
    const std::function<Outcome(store::Store&, store::UserRecord&)>& change) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    std::optional<store::UserRecord> user;
    if (Status f = tx.FindUserById(user_id, &user); !f.ok()) return Outcome::FromStatus(f);
    if (!user) return Outcome::NotFound();
    const store::UserRecord before = *user;
    if (Outcome o = change(tx, *user); !o.ok()) return o;
    if (Status u = tx.UpdateUser(*user); !u.ok()) return Outcome::FromStatus(u);
    if (!user->active) {
      if (Status d = tx.DeleteSessionsOfUser(user_id); !d.ok()) return Outcome::FromStatus(d);
    }
    nlohmann::json detail = {{"email", user->email}};
    if (before.active != user->active) detail["active"] = user->active;
    if (before.role != user->role) detail["role"] = {before.role, user->role};
    if (before.team_id != user->team_id) {
      nlohmann::json names = nlohmann::json::array();
      for (const auto& id : {before.team_id, user->team_id}) {
        std::optional<store::TeamRecord> team;
        if (id) {
          if (Status f = tx.FindTeamById(*id, &team); !f.ok()) return Outcome::FromStatus(f);
        }
        names.push_back(team ? nlohmann::json(team->name) : nlohmann::json(nullptr));
      }
      detail["team"] = names;
    }
    return Outcome::FromStatus(
        RecordAudit(tx, &by, action, "user:" + std::to_string(user_id), detail));
  });
}

Outcome Accounts::SetActive(int64_t user_id, bool active, const Actor& by) {
  if (user_id == by.user_id && !active) {
    return Outcome::Fail(Failure::kInvalid, "cannot_deactivate_self",
                         "you cannot deactivate your own account");
  }
  return ChangeUser(user_id, by, active ? "user.activate" : "user.deactivate",
                    [&](store::Store&, store::UserRecord& u) {
                      u.active = active;
                      return Outcome::Ok();
                    });
}

Outcome Accounts::UpdateUser(int64_t user_id, const UserChanges& changes, const Actor& by) {
  Outcome result;
  // Each step opens its own transaction, which joins this one (Store::Transaction).
  const Status s = store_.Transaction([&](store::Store&) {
    if (changes.active) result = SetActive(user_id, *changes.active, by);
    if (result.ok() && changes.role) result = SetRole(user_id, *changes.role, by);
    if (result.ok() && changes.password) result = ResetPassword(user_id, *changes.password, by);
    if (result.ok() && changes.team) result = SetTeam(user_id, *changes.team, by);
    return result.ok() ? Status::Ok() : Status::Error("rolled back: " + result.code);
  });
  if (!result.ok()) return result;
  if (!s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome Accounts::SetRole(int64_t user_id, std::string_view role, const Actor& by) {
  Role parsed;
  if (!ParseRole(role, &parsed)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_role",
                         "the role must be admin, reviewer or employee");
  }
  if (user_id == by.user_id && parsed != Role::kAdmin) {
    return Outcome::Fail(Failure::kInvalid, "cannot_demote_self",
                         "you cannot take away your own admin role");
  }
  return ChangeUser(user_id, by, "user.role", [&](store::Store&, store::UserRecord& u) {
    u.role = std::string(RoleName(parsed));
    return Outcome::Ok();
  });
}

Outcome Accounts::SetTeam(int64_t user_id, std::string_view team, const Actor& by) {
  return ChangeUser(user_id, by, "user.team", [&](store::Store& tx, store::UserRecord& u) {
    return EnsureTeam(tx, team, &u.team_id);
  });
}

Outcome Accounts::SetLanguage(const Actor& actor, std::string_view language) {
  if (!IsSupportedLanguage(language)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_language", "the language is not supported");
  }
  Status s = store_.Transaction([&](store::Store& tx) {
    std::optional<store::UserRecord> user;
    if (Status f = tx.FindUserById(actor.user_id, &user); !f.ok()) return f;
    if (!user) return Status::Error("the user disappeared");
    user->language = std::string(language);
    return tx.UpdateUser(*user);
  });
  return s.ok() ? Outcome::Ok() : Outcome::Internal(s);
}

namespace {

Outcome CheckNewPassword(std::string_view password, std::string_view email, std::string* hash) {
  if (Outcome o = CheckPasswordStrength(password, email); !o.ok()) return o;
  if (Status s = HashPassword(password, hash); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

}  // namespace

Outcome Accounts::ChangePassword(const Actor& actor, std::string_view current,
                                 std::string_view next, std::string_view keep_session_token) {
  // Guessing the current password from a stolen session is throttled like signing in.
  const int64_t now = clock_();
  const std::string bucket = "password-change:" + std::to_string(actor.user_id);
  if (const int64_t wait = throttle_.SecondsUntilAllowed(actor.email, bucket, now); wait > 0) {
    Outcome o = Outcome::Fail(Failure::kThrottled, "too_many_attempts",
                              "too many failed attempts; try again later");
    o.retry_after_seconds = static_cast<int>(wait);
    return o;
  }
  std::optional<store::UserRecord> user;
  if (Status s = store_.FindUserById(actor.user_id, &user); !s.ok()) return Outcome::Internal(s);
  if (!user || user->password_hash.empty() || !VerifyPassword(current, user->password_hash)) {
    throttle_.RecordFailure(actor.email, bucket, now);
    return Outcome::Fail(Failure::kInvalid, "wrong_current_password",
                         "the current password is wrong");
  }
  std::string hash;
  if (Outcome o = CheckNewPassword(next, user->email, &hash); !o.ok()) return o;
  Status s = store_.Transaction([&](store::Store& tx) {
    user->password_hash = hash;
    if (Status u = tx.UpdateUser(*user); !u.ok()) return u;
    // Every other session ends; the one the change was made from stays as it is.
    std::optional<store::SessionRecord> kept;
    if (!keep_session_token.empty()) {
      if (Status f = tx.FindSession(Sha256Hex(keep_session_token), &kept); !f.ok()) return f;
    }
    if (Status d = tx.DeleteSessionsOfUser(user->id); !d.ok()) return d;
    if (!kept || kept->user_id != user->id) return Status::Ok();
    return tx.CreateSession(*kept);
  });
  return s.ok() ? Outcome::Ok() : Outcome::Internal(s);
}

Outcome Accounts::ResetPassword(int64_t user_id, std::string_view password, const Actor& by) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  std::optional<store::UserRecord> target;
  if (Status f = store_.FindUserById(user_id, &target); !f.ok()) return Outcome::Internal(f);
  if (!target) return Outcome::NotFound();
  std::string hash;
  if (Outcome o = CheckNewPassword(password, target->email, &hash); !o.ok()) return o;
  return ChangeUser(
      user_id, by, "user.password_reset", [&](store::Store& tx, store::UserRecord& u) {
        u.password_hash = hash;
        if (Status d = tx.DeleteSessionsOfUser(u.id); !d.ok()) return Outcome::Internal(d);
        // A reset means the old credentials are not trusted: tokens go too.
        int64_t revoked = 0;
        if (Status r = tx.RevokeApiTokensOfUser(u.id, clock_(), &revoked); !r.ok())
          return Outcome::Internal(r);
        if (revoked == 0) return Outcome::Ok();
        if (Status a = RecordAudit(
                tx, &by, "token.revoke_all", "user:" + std::to_string(u.id),
                {{"email", u.email}, {"revoked", revoked}, {"reason", "password_reset"}});
            !a.ok())
          return Outcome::Internal(a);
        return Outcome::Ok();
      });
}

Outcome Accounts::ListUsers(const Actor& by, std::vector<store::UserRecord>* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  if (Status s = store_.ListUsers(out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome Accounts::ListTeams(std::vector<store::TeamRecord>* out) {
  if (Status s = store_.ListTeams(out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome Accounts::RenameTeam(int64_t team_id, std::string_view name, const Actor& by,
                             store::TeamRecord* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  std::string next;
  if (Outcome o = CheckTeamName(name, &next); !o.ok()) return o;
  store::TeamRecord team;
  const Outcome s = InTransaction(store_, [&](store::Store& tx) -> Outcome {
    std::optional<store::TeamRecord> found;
    if (Status f = tx.FindTeamById(team_id, &found); !f.ok()) return Outcome::FromStatus(f);
    if (!found) return Outcome::NotFound();
    std::optional<store::TeamRecord> same_name;
    if (Status f = tx.FindTeamByName(next, &same_name); !f.ok()) return Outcome::FromStatus(f);
    if (same_name && same_name->id != team_id) {
      return Outcome::Fail(Failure::kConflict, "team_name_taken",
                           "another team already has this name");
    }
    team = {team_id, next};
    if (found->name == next) return Outcome::Ok();  // nothing changes, nothing to audit
    if (Status r = tx.RenameTeam(team_id, next); !r.ok()) return Outcome::FromStatus(r);
    return Outcome::FromStatus(RecordAudit(tx, &by, "team.rename",
                                           "team:" + std::to_string(team_id),
                                           {{"from", found->name}, {"to", next}}));
  });
  if (!s.ok()) return s;
  if (out) *out = team;
  return Outcome::Ok();
}

Outcome Accounts::DeleteTeam(int64_t team_id, const Actor& by) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  const Outcome s = InTransaction(store_, [&](store::Store& tx) -> Outcome {
    std::optional<store::TeamRecord> found;
    if (Status f = tx.FindTeamById(team_id, &found); !f.ok()) return Outcome::FromStatus(f);
    if (!found) return Outcome::NotFound();
    std::map<int64_t, int64_t> members;
    if (Status c = tx.CountTeamMembers(&members); !c.ok()) return Outcome::FromStatus(c);
    if (Status d = tx.DeleteTeam(team_id); !d.ok()) return Outcome::FromStatus(d);
    return Outcome::FromStatus(RecordAudit(tx, &by, "team.delete",
                                           "team:" + std::to_string(team_id),
                                           {{"name", found->name}, {"members", members[team_id]}}));
  });
  if (!s.ok()) return s;
  return Outcome::Ok();
}

Outcome Accounts::CountTeamMembers(const Actor& by, std::map<int64_t, int64_t>* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  if (Status s = store_.CountTeamMembers(out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome Accounts::RecordFailedSignIn(std::string_view email,
                                     const std::optional<store::UserRecord>& user,
                                     std::string_view address, std::string_view reason) {
  // A known account's e-mail as stored; for an unknown one only a masked form, since what was
  // typed may be a password typed into the wrong field. Never the password.
  const std::string object = user ? "user:" + std::to_string(user->id) : std::string();
  if (Status s = RecordAudit(store_, nullptr, "session.sign_in_failed", object,
                             {{"email", user ? user->email : MaskUnknownEmail(email)},
                              {"address", TruncateUtf8(address, 64)},
                              {"reason", reason}});
      !s.ok()) {
    return Outcome::Internal(s);
  }
  return Outcome::Ok();
}

Outcome Accounts::SignIn(std::string_view email_in, std::string_view password,
                         std::string_view address, SignedIn* out) {
  const std::string email = Lower(Trim(email_in));
  const int64_t now = clock_();
  if (const int64_t wait = throttle_.SecondsUntilAllowed(email, address, now); wait > 0) {
    if (throttle_.ShouldReportRefusal(email, address, now)) {
      std::optional<store::UserRecord> user;
      if (Status s = store_.FindUserByEmail(email, &user); !s.ok()) return Outcome::Internal(s);
      if (Outcome a = RecordFailedSignIn(email, user, address, "throttled"); !a.ok()) return a;
    }
    Outcome o = Outcome::Fail(Failure::kThrottled, "too_many_attempts",
                              "too many failed sign-ins; try again later");
    o.retry_after_seconds = static_cast<int>(wait);
    return o;
  }
  std::optional<store::UserRecord> user;
  if (Status s = store_.FindUserByEmail(email, &user); !s.ok()) return Outcome::Internal(s);
  const bool password_ok = user && !user->password_hash.empty()
                               ? VerifyPassword(password, user->password_hash)
                               : (VerifyPassword(password, DummyHash()), false);
  if (!password_ok || !user->active) {
    throttle_.RecordFailure(email, address, now);
    const char* reason = !user ? "unknown_email" : !password_ok ? "wrong_password" : "inactive";
    if (Outcome a = RecordFailedSignIn(email, user, address, reason); !a.ok()) return a;
    return Outcome::Fail(Failure::kUnauthenticated, "bad_credentials",
                         "the e-mail address or password is wrong");
  }
  throttle_.RecordSuccess(email);
  SignedIn signed_in;
  signed_in.session_token = RandomToken();
  signed_in.csrf_token = RandomToken();
  signed_in.actor = ActorOf(*user);
  signed_in.expires_at =
      now + std::min(session_lifetime.idle_seconds, session_lifetime.absolute_seconds);
  store::SessionRecord session{Sha256Hex(signed_in.session_token), user->id, signed_in.csrf_token,
                               now, signed_in.expires_at};
  Status s = store_.Transaction([&](store::Store& tx) {
    if (Status d = tx.DeleteExpiredSessions(now); !d.ok()) return d;
    if (Status c = tx.CreateSession(session); !c.ok()) return c;
    return RecordAudit(tx, &signed_in.actor, "session.sign_in", "user:" + std::to_string(user->id),
                       {{"email", email}, {"address", TruncateUtf8(address, 64)}});
  });
  if (!s.ok()) return Outcome::Internal(s);
  *out = std::move(signed_in);
  return Outcome::Ok();
}

Outcome Accounts::SignOut(std::string_view session_token, std::string_view address) {
  const std::string hash = Sha256Hex(session_token);
  Status s = store_.Transaction([&](store::Store& tx) {
    std::optional<store::SessionRecord> session;
    if (Status f = tx.FindSession(hash, &session); !f.ok()) return f;
    if (!session) return Status::Ok();
    if (Status d = tx.DeleteSession(hash); !d.ok()) return d;
    Actor actor;
    actor.user_id = session->user_id;
    return RecordAudit(tx, &actor, "session.sign_out", "user:" + std::to_string(session->user_id),
                       {{"address", TruncateUtf8(address, 64)}});
  });
  return s.ok() ? Outcome::Ok() : Outcome::Internal(s);
}

Outcome Accounts::ResolveSession(std::string_view session_token, Actor* actor,
                                 std::string* csrf_token) {
  const Outcome unauthenticated =
      Outcome::Fail(Failure::kUnauthenticated, "not_signed_in", "please sign in");
  if (session_token.empty() || session_token.size() > 128) return unauthenticated;
  const std::string hash = Sha256Hex(session_token);
  std::optional<store::SessionRecord> session;
  if (Status s = store_.FindSession(hash, &session); !s.ok()) return Outcome::Internal(s);
  const int64_t now = clock_();
  if (!session || session->expires_at <= now) return unauthenticated;
  std::optional<store::UserRecord> user;
  if (Status s = store_.FindUserById(session->user_id, &user); !s.ok()) {
    return Outcome::Internal(s);
  }
  if (!user || !user->active) return unauthenticated;
  // Sliding expiry, capped, written only when it moves by at least a renewal step.
  const int64_t renewed = std::min(now + session_lifetime.idle_seconds,
                                   session->created_at + session_lifetime.absolute_seconds);
  if (renewed - session->expires_at >= session_lifetime.renew_step_seconds) {
    if (Status s = store_.RenewSession(hash, renewed); !s.ok()) return Outcome::Internal(s);
  }
  *actor = ActorOf(*user);
  *csrf_token = session->csrf_token;
  return Outcome::Ok();
}

}  // namespace chorus::program
