// Accounts: people and teams, signing in and out, sessions and API tokens.
//
// - Passwords are stored as Argon2id hashes (password_hash.h); failed sign-ins are throttled
//   per account and per client address (login_throttle.h), and an unknown e-mail costs the
//   same Argon2 work as a wrong password, so timing does not reveal who has an account.
// - A session is a random 256-bit token (the cookie) stored only as its SHA-256, with its own
//   random CSRF token. Sessions slide: each use pushes the expiry to now + idle lifetime, never
//   beyond an absolute cap after sign-in, and the new expiry is written only when it moves by
//   at least a renewal step (see SessionLifetime), so requests do not each cost a write.
// - An API token is a random 256-bit secret prefixed "chorus_", stored as its SHA-256. It
//   expires (90 days by default), can be revoked, records its last use, and every token of a
//   user is revoked when an admin resets their password.
// - Deactivated users cannot sign in, and their sessions and tokens stop working at once.
// - Administrative changes are written to the audit log in the same transaction, and so are
//   sign-ins (session.sign_in), sign-outs (session.sign_out) and failed sign-ins
//   (session.sign_in_failed, with the account's e-mail, or only a masked form of what was typed
//   when no account has it (see MaskUnknownEmail), and a reason, never the password;
//   refusals of throttled attempts are reported at most once a minute per account and address).
// - Teams are renamed (names are unique, case-insensitively) and deleted (their members are
//   left without a team) by admins.
// - Time comes from the clock given to the constructor (tests pass a fake one).
//
// Thread-safety: all methods are safe from any thread (state lives in the Store and the
// LoginThrottle, both thread-safe).
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "program/actor.h"
#include "program/login_throttle.h"
#include "program/outcome.h"
#include "program/password_policy.h"
#include "store/store.h"

namespace chorus::program {

struct NewUser {
  std::string email;
  std::string name;      // defaults to the part of the e-mail before '@'
  std::string role;      // "admin", "reviewer", "employee"
  std::string language;  // defaults to "en"
  std::string team;      // team name; created if missing; empty for none
  std::string password;  // empty: the user cannot sign in with a password yet
};

struct SignedIn {
  std::string session_token;  // goes into the HttpOnly cookie, never into JSON
  std::string csrf_token;
  Actor actor;
  int64_t expires_at = 0;
};

// How long sessions live. A session ends `idle_seconds` after its last renewal, and in any
// case `absolute_seconds` after sign-in. A use of the session moves its expiry to
// min(now + idle_seconds, sign-in + absolute_seconds) when that is at least
// `renew_step_seconds` later than the stored expiry; otherwise nothing is written.
struct SessionLifetime {
  int64_t idle_seconds = 12 * 3600;
  int64_t absolute_seconds = 7 * 24 * 3600;
  int64_t renew_step_seconds = 5 * 60;
};

struct ImportRowReport {
  int row = 0;  // record number in the file, the header being 1 (what a spreadsheet shows)
  std::string email;
  bool created = false;
  std::string code;              // error code when not created
  std::string message;           // error message when not created
  std::string initial_password;  // generated for created users
};

class Accounts {
 public:
  // `clock` gives the current Unix time in seconds.
  Accounts(store::Store& store, LoginThrottle& throttle,
           std::function<int64_t()> clock = &NowSeconds)
      : store_(store), throttle_(throttle), clock_(std::move(clock)) {}

  // Set before serving; read by every sign-in and session check.
  SessionLifetime session_lifetime;

  // Adds a user. `by` is the admin doing it, or nullptr for the command line.
  Outcome AddUser(const NewUser& user, const Actor* by, store::UserRecord* out);
  // Imports people from a spreadsheet export (people_import.cc). Admins only.
  //
  // The first record names the columns (email required; name, role, team, language optional,
  // in any order, any case); see text/csv_reader.h for the formats read (BOM, , ; or tab,
  // quoted line breaks). All or nothing: every row is checked first (e-mail, role, language,
  // name, team name, duplicates in the file and with existing people, under folding); if any
  // row fails, nothing is created, the Outcome is "import_rows_invalid" and *report lists the
  // failing rows by record number (the header is row 1). Otherwise every row is created, in
  // one transaction, with a generated password (in *report). Refused as a whole, with nothing
  // created: more than options.max_rows people ("too_many_rows"), a malformed file
  // ("invalid_csv"), or a stop ("import_cancelled": options.cancelled() returned true, checked
  // between rows, or Stop() was called).
  struct ImportOptions {
    int64_t max_rows = 10000;
    std::function<bool()> cancelled;  // e.g. the client has disconnected
  };
  Outcome ImportCsv(std::string_view csv, const Actor& by, std::vector<ImportRowReport>* report,
                    const ImportOptions& options);
  Outcome ImportCsv(std::string_view csv, const Actor& by, std::vector<ImportRowReport>* report) {
    return ImportCsv(csv, by, report, ImportOptions{});
  }
  // Makes running and future imports stop (server shutdown). Safe from any thread.
  void Stop() { stopping_ = true; }
  Outcome SetActive(int64_t user_id, bool active, const Actor& by);
  // Several changes to one person at once, all or nothing: the first that fails undoes the
  // ones before it. Fields left empty are not changed.
  struct UserChanges {
    std::optional<bool> active;
    std::optional<std::string> role, team, password;
  };
  Outcome UpdateUser(int64_t user_id, const UserChanges& changes, const Actor& by);
  Outcome SetRole(int64_t user_id, std::string_view role, const Actor& by);
  Outcome SetTeam(int64_t user_id, std::string_view team, const Actor& by);
  Outcome SetLanguage(const Actor& actor, std::string_view language);
  // The caller changes their own password (the current one is required); every other session
  // of theirs ends.
  Outcome ChangePassword(const Actor& actor, std::string_view current, std::string_view next,
                         std::string_view keep_session_token);
  // An admin sets someone's password (e.g. after an import); their sessions end.
  Outcome ResetPassword(int64_t user_id, std::string_view password, const Actor& by);
  Outcome ListUsers(const Actor& by, std::vector<store::UserRecord>* out);
  Outcome ListTeams(std::vector<store::TeamRecord>* out);
  // Renames a team (1 to 200 bytes after trimming; "team_name_taken" conflict when another
  // team has the name, ignoring case). Admins only; audited as team.rename.
  Outcome RenameTeam(int64_t team_id, std::string_view name, const Actor& by,
                     store::TeamRecord* out);
  // Deletes a team; its members are left without a team. Admins only; audited as team.delete.
  Outcome DeleteTeam(int64_t team_id, const Actor& by);
  // team id -> number of people in it (active or not). Admins only.
  Outcome CountTeamMembers(const Actor& by, std::map<int64_t, int64_t>* out);

  // `address` is the client's address, for throttling and the audit log.
  Outcome SignIn(std::string_view email, std::string_view password, std::string_view address,
                 SignedIn* out);
  // Ends the session (if it exists) and records it; OK also when there was none.
  Outcome SignOut(std::string_view session_token, std::string_view address);
  // The actor of a live session and its CSRF token; renews the session (SessionLifetime).
  Outcome ResolveSession(std::string_view session_token, Actor* actor, std::string* csrf_token);

  // API tokens (defined in api_tokens.cc). `by` is nullptr for the command line (anyone's
  // tokens); an admin manages anyone's; everyone else only their own, and not while signed in
  // with a token. Creation, revocation and revocation on password reset are audited
  // (token.create, token.revoke, token.revoke_all).
  //
  // Creates a token for the user with `email`, valid for `days` (0: kDefaultApiTokenDays;
  // 1 to kMaxApiTokenDays). The secret is returned once, in *token; only its hash is stored.
  Outcome CreateApiToken(std::string_view email, std::string_view name, int64_t days,
                         const Actor* by, std::string* token,
                         store::ApiTokenRecord* record = nullptr);
  // The user's tokens (never their secrets), newest first, revoked and expired ones included.
  Outcome ListApiTokens(int64_t user_id, const Actor* by, std::vector<store::ApiTokenRecord>* out);
  // Revokes a token; NotFound when it does not exist or is someone else's (for non-admins).
  Outcome RevokeApiToken(int64_t token_id, const Actor* by, store::ApiTokenRecord* out);
  // The actor of a live token: not revoked, not expired, user active. Records the use, written
  // at most once per kApiTokenTouchSeconds per token.
  Outcome ResolveApiToken(std::string_view token, Actor* actor);

  static Actor ActorOf(const store::UserRecord& user);

 private:
  Outcome EnsureTeam(store::Store& tx, std::string_view name, std::optional<int64_t>* id);
  // Checks a new person's fields and fills *record (normalised e-mail, name, role, language;
  // no password, no team id).
  Outcome PrepareUser(const NewUser& user, store::UserRecord* record);
  // Within a transaction: refuses a taken e-mail, finds or creates the team, creates the
  // user and audits user.create.
  Outcome InsertUser(store::Store& tx, store::UserRecord& record, std::string_view team,
                     const Actor* by);
  // Applies `change` (given the transaction's store) to a user and audits it as `action`.
  Outcome ChangeUser(int64_t user_id, const Actor& by, std::string_view action,
                     const std::function<Outcome(store::Store&, store::UserRecord&)>& change);
  // Audits a failed sign-in (outside any transaction).
  Outcome RecordFailedSignIn(std::string_view email, const std::optional<store::UserRecord>& user,
                             std::string_view address, std::string_view reason);

  store::Store& store_;
  LoginThrottle& throttle_;
  const std::function<int64_t()> clock_;
  std::atomic<bool> stopping_{false};
};

// Shared input checks (also used by the HTTP layer for early validation).
bool IsPlausibleEmail(std::string_view email);
bool IsSupportedLanguage(std::string_view language);
constexpr int64_t kDefaultApiTokenDays = 90;
constexpr int64_t kMaxApiTokenDays = 730;
constexpr int64_t kApiTokenTouchSeconds = 60;

// What the audit log keeps of an e-mail typed at a failed sign-in for no known account: the
// first character and the domain of an address ("a***@example.com"), or only the length of
// anything else (it may be a password typed into the wrong field).
std::string MaskUnknownEmail(std::string_view typed);

}  // namespace chorus::program
