// Accounts: people and teams, signing in and out, sessions and API tokens.
//
// - Passwords are stored as Argon2id hashes (password_hash.h); failed sign-ins are throttled
//   per account and per client address (login_throttle.h), and an unknown e-mail costs the
//   same Argon2 work as a wrong password, so timing does not reveal who has an account.
// - A session is a random 256-bit token (the cookie) stored only as its SHA-256, with its own
//   random CSRF token; sessions expire after `session_lifetime_seconds`.
// - An API token is a random 256-bit secret prefixed "chorus_", stored as its SHA-256.
// - Deactivated users cannot sign in, and their sessions and tokens stop working at once.
// - Administrative changes are written to the audit log in the same transaction.
//
// Thread-safety: all methods are safe from any thread (state lives in the Store and the
// LoginThrottle, both thread-safe).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "program/actor.h"
#include "program/login_throttle.h"
#include "program/outcome.h"
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

struct ImportRowReport {
  int row = 0;  // 1-based line number in the CSV
  std::string email;
  bool created = false;
  std::string code;              // error code when not created
  std::string message;           // error message when not created
  std::string initial_password;  // generated for created users
};

class Accounts {
 public:
  Accounts(store::Store& store, LoginThrottle& throttle) : store_(store), throttle_(throttle) {}

  int64_t session_lifetime_seconds = 12 * 3600;

  // Adds a user. `by` is the admin doing it, or nullptr for the command line.
  Outcome AddUser(const NewUser& user, const Actor* by, store::UserRecord* out);
  // Imports users from CSV with the header "email,name,role,team,language" (name, team and
  // language optional). Every valid row is created with a generated password; every invalid
  // row is reported with its line number. Admins only.
  Outcome ImportCsv(std::string_view csv, const Actor& by, std::vector<ImportRowReport>* report);
  Outcome SetActive(int64_t user_id, bool active, const Actor& by);
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

  Outcome SignIn(std::string_view email, std::string_view password, std::string_view address,
                 SignedIn* out);
  Outcome SignOut(std::string_view session_token);
  // The actor of a live session and its CSRF token.
  Outcome ResolveSession(std::string_view session_token, Actor* actor, std::string* csrf_token);

  // Creates an API token for the user with `email`; `by` nullptr for the command line.
  Outcome CreateApiToken(std::string_view email, std::string_view name, const Actor* by,
                         std::string* token);
  Outcome ResolveApiToken(std::string_view token, Actor* actor);

  static Actor ActorOf(const store::UserRecord& user);

 private:
  Outcome EnsureTeam(store::Store& tx, std::string_view name, std::optional<int64_t>* id);
  Outcome ChangeUser(int64_t user_id, const Actor& by, std::string_view action,
                     const std::function<Outcome(store::UserRecord&)>& change);

  store::Store& store_;
  LoginThrottle& throttle_;
};

// Shared input checks (also used by the HTTP layer for early validation).
bool IsPlausibleEmail(std::string_view email);
bool IsSupportedLanguage(std::string_view language);
constexpr size_t kMinPasswordLength = 8;
constexpr size_t kMaxPasswordLength = 1024;

}  // namespace chorus::program
