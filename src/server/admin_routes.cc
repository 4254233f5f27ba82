// Administration: people and teams, their API tokens, CSV import, and the audit log.
#include <ctime>
#include <map>

#include "program/audit.h"
#include "server/json_views.h"
#include "server/routes.h"
#include "server/token_json.h"

namespace chorus::server {
namespace {

void AnswerUser(ApiCall& call, Services& services, int status, int64_t user_id,
                nlohmann::json extra = nlohmann::json::object()) {
  std::optional<store::UserRecord> user;
  std::vector<store::TeamRecord> teams;
  if (Status s = services.store.FindUserById(user_id, &user); !s.ok() || !user) {
    return call.Fail(program::Outcome::Internal(s));
  }
  if (Status t = services.store.ListTeams(&teams); !t.ok()) {
    return call.Fail(program::Outcome::Internal(t));
  }
  extra["user"] = UserJson(*user, teams);
  call.Json(status, extra);
}

// A positive integer query parameter into `out` (0 when absent); a 400 answer and false when
// it is there but not a positive integer.
bool ReadPositiveParam(ApiCall& call, const char* name, int64_t* out) {
  *out = 0;
  const std::string value = call.request.get_param_value(name);
  if (value.empty()) return true;
  if (value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos ||
      std::stoll(value) <= 0) {
    call.Error(400, "invalid_field", std::string(name) + " must be a positive whole number");
    return false;
  }
  *out = std::stoll(value);
  return true;
}

}  // namespace

void AddAdminRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/users", Access::kSignedIn, [&services](ApiCall& call) {
    std::vector<store::UserRecord> users;
    std::vector<store::TeamRecord> teams;
    program::Outcome o = services.accounts.ListUsers(call.Who(), &users);
    if (o.ok()) o = services.accounts.ListTeams(&teams);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& u : users) list.push_back(UserJson(u, teams));
    call.Json(200, {{"users", list}});
  });

  routes.Post("/api/v1/users", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
    program::NewUser user;
    if (!call.String("email", &user.email, true) || !call.String("name", &user.name, false) ||
        !call.String("role", &user.role, true) || !call.String("team", &user.team, false) ||
        !call.String("language", &user.language, false) ||
        !call.String("password", &user.password, false)) {
      return;
    }
    store::UserRecord created;
    const program::Outcome o = services.accounts.AddUser(user, &call.Who(), &created);
    if (!o.ok()) return call.Fail(o);
    // Without a password nobody could sign in: the admin gets a single-use link to pass on,
    // with which the person sets their own ("#/invite/TOKEN" in the web app).
    nlohmann::json extra = nlohmann::json::object();
    if (user.password.empty() && services.invitations != nullptr) {
      std::string token;
      int64_t expires_at = 0;
      const program::Outcome i =
          services.invitations->Invite(call.Who(), created.id, &token, &expires_at);
      if (!i.ok()) return call.Fail(i);
      extra["invitation"] = {{"token", token}, {"expires_at", expires_at}};
    }
    AnswerUser(call, services, 201, created.id, extra);
  });

  routes.Patch(
      R"(/api/v1/users/(\d+))", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
        std::optional<bool> active;
        std::string role, team, password;
        if (!call.Bool("active", &active) || !call.String("role", &role, false) ||
            !call.String("team", &team, false) || !call.String("password", &password, false)) {
          return;
        }
        const int64_t id = call.PathId();
        program::Accounts::UserChanges changes;
        changes.active = active;
        if (!role.empty()) changes.role = role;
        if (!password.empty()) changes.password = password;
        if (call.body.contains("team")) changes.team = team;
        const program::Outcome o = services.accounts.UpdateUser(id, changes, call.Who());
        if (!o.ok()) return call.Fail(o);
        AnswerUser(call, services, 200, id);
      });

  routes.Get(R"(/api/v1/users/(\d+)/tokens)", Access::kSignedIn, [&services](ApiCall& call) {
    if (!call.Who().IsAdmin()) return call.Fail(program::Outcome::Forbidden());
    std::vector<store::ApiTokenRecord> tokens;
    const program::Outcome o = services.accounts.ListApiTokens(call.PathId(), &call.Who(), &tokens);
    if (!o.ok()) return call.Fail(o);
    const int64_t now = std::time(nullptr);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tokens) list.push_back(TokenJson(t, now));
    call.Json(200, {{"tokens", list}});
  });

  routes.Post(R"(/api/v1/users/(\d+)/tokens)", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                if (!call.Who().IsAdmin()) return call.Fail(program::Outcome::Forbidden());
                std::string name;
                std::optional<int64_t> days;
                if (!call.String("name", &name, false) || !call.Int("days", &days)) return;
                std::optional<store::UserRecord> user;
                if (Status s = services.store.FindUserById(call.PathId(), &user); !s.ok()) {
                  return call.Fail(program::Outcome::Internal(s));
                }
                if (!user) return call.Fail(program::Outcome::NotFound());
                std::string secret;
                store::ApiTokenRecord record;
                const program::Outcome o = services.accounts.CreateApiToken(
                    user->email, name, days.value_or(0), &call.Who(), &secret, &record);
                if (!o.ok()) return call.Fail(o);
                nlohmann::json token = TokenJson(record, record.created_at);
                token["secret"] = secret;  // shown once
                call.Json(201, {{"token", token}});
              });

  routes.Delete(R"(/api/v1/tokens/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    if (!call.Who().IsAdmin()) return call.Fail(program::Outcome::Forbidden());
    store::ApiTokenRecord revoked;
    const program::Outcome o =
        services.accounts.RevokeApiToken(call.PathId(), &call.Who(), &revoked);
    if (!o.ok()) return call.Fail(o);
    call.Json(200, {{"token", TokenJson(revoked, std::time(nullptr))}});
  });

  routes.Post(
      "/api/v1/users/import", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
        std::string csv;
        if (!call.String("csv", &csv, true)) return;
        std::vector<program::ImportRowReport> report;
        program::Accounts::ImportOptions options;
        options.cancelled = [&call] { return call.ClientGone(); };
        const program::Outcome o = services.accounts.ImportCsv(csv, call.Who(), &report, options);
        if (!o.ok() && report.empty()) return call.Fail(o);
        // All or nothing: with row errors nobody was created; the answer is still 200
        // with the rows that failed and "error" saying why nothing was imported.
        nlohmann::json rows = nlohmann::json::array();
        int created = 0;
        for (const auto& r : report) {
          created += r.created;
          nlohmann::json row = {{"row", r.row}, {"email", r.email}, {"created", r.created}};
          if (r.created) {
            row["initial_password"] = r.initial_password;
          } else {
            row["error"] = {{"code", r.code}, {"message", r.message}};
          }
          rows.push_back(row);
        }
        nlohmann::json answer = {{"created", created},
                                 {"failed", static_cast<int>(report.size()) - created},
                                 {"rows", rows}};
        if (!o.ok()) answer["error"] = {{"code", o.code}, {"message", o.message}};
        call.Json(200, answer);
      });

  // Every signed-in person may list the teams; admins also get the number of members.
  routes.Get("/api/v1/teams", Access::kSignedIn, [&services](ApiCall& call) {
    std::vector<store::TeamRecord> teams;
    std::map<int64_t, int64_t> members;
    program::Outcome o = services.accounts.ListTeams(&teams);
    if (o.ok() && call.Who().IsAdmin()) {
      o = services.accounts.CountTeamMembers(call.Who(), &members);
    }
    if (!o.ok()) return call.Fail(o);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : teams) {
      nlohmann::json team = {{"id", t.id}, {"name", t.name}};
      if (call.Who().IsAdmin()) team["members"] = members[t.id];
      list.push_back(team);
    }
    call.Json(200, {{"teams", list}});
  });

  routes.Patch(R"(/api/v1/teams/(\d+))", Access::kSignedIn, BodyKind::kJson,
               [&services](ApiCall& call) {
                 std::string name;
                 if (!call.String("name", &name, true)) return;
                 store::TeamRecord team;
                 const program::Outcome o =
                     services.accounts.RenameTeam(call.PathId(), name, call.Who(), &team);
                 if (!o.ok()) return call.Fail(o);
                 call.Json(200, {{"team", {{"id", team.id}, {"name", team.name}}}});
               });

  routes.Delete(R"(/api/v1/teams/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    const program::Outcome o = services.accounts.DeleteTeam(call.PathId(), call.Who());
    if (!o.ok()) return call.Fail(o);
    call.Json(200, {{"deleted", true}});
  });

  routes.Get("/api/v1/audit", Access::kSignedIn, [&services](ApiCall& call) {
    // ?kind=all|admin|sign_in, ?before=ID (the next page), ?limit=N (default 100).
    store::Store::AuditQuery query;
    const std::string kind = call.request.get_param_value("kind");
    if (kind == "sign_in" || kind == "admin") {
      query.action_prefix = "session.";
      query.exclude_prefix = kind == "admin";
    } else if (!kind.empty() && kind != "all") {
      return call.Error(400, "invalid_field", "kind must be all, admin or sign_in");
    }
    int64_t number = 0;
    if (!ReadPositiveParam(call, "before", &number)) return;
    if (number > 0) query.before_id = number;
    if (!ReadPositiveParam(call, "limit", &number)) return;
    if (number > 0) query.limit = number;
    std::vector<store::AuditRecord> entries;
    const program::Outcome o = program::ListAudit(services.store, call.Who(), query, &entries);
    if (!o.ok()) return call.Fail(o);
    PeopleDirectory people(services.store);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : entries) list.push_back(AuditJson(e, people));
    const bool more = static_cast<int64_t>(entries.size()) == query.limit;
    call.Json(200, {{"entries", list},
                    {"next_before", more ? nlohmann::json(entries.back().id) : nlohmann::json()}});
  });
}

}  // namespace chorus::server
