// Signing in and out, the current user, their interface language and API tokens, and the
// languages the interface is available in.
#include <ctime>

#include "policy/language_pack.h"
#include "server/json_views.h"
#include "server/routes.h"
#include "server/token_json.h"

namespace chorus::server {
namespace {

std::string SessionCookie(const std::string& value, int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

}  // namespace

void AddSessionRoutes(RouteTable& routes, Services& services, const ServerOptions& options) {
  const bool secure = options.secure_cookies;

  // First run: whether the installation has nobody yet, so that the sign-in page can say how
  // to create the first admin (it says nothing once anyone exists).
  routes.Get("/api/v1/setup", Access::kPublic, [&services](ApiCall& call) {
    int64_t people = 0;
    if (Status s = services.store.CountUsers(&people); !s.ok()) {
      return call.Fail(program::Outcome::Internal(s));
    }
    call.Json(200, {{"needs_first_admin", people == 0}});
  });

  // The person invited sets their first password with the link's token (then signs in).
  routes.Post(
      "/api/v1/invitations/accept", Access::kPublic, BodyKind::kJson, [&services](ApiCall& call) {
        std::string token, password;
        if (!call.String("token", &token, true) || !call.String("password", &password, true)) {
          return;
        }
        if (services.invitations == nullptr) {
          return call.Fail(program::Outcome::Fail(program::Failure::kInvalid, "invalid_invitation",
                                                  "no invitations"));
        }
        std::string email;
        const program::Outcome o = services.invitations->Accept(token, password, &email);
        if (!o.ok()) return call.Fail(o);
        call.Json(200, {{"email", email}});
      });

  routes.Get("/api/v1/languages", Access::kPublic, [](ApiCall& call) {
    nlohmann::json languages = nlohmann::json::array();
    for (const auto& pack : BuiltinLanguagePacks()) {
      languages.push_back({{"code", pack.code},
                           {"name", pack.name},
                           {"direction", pack.right_to_left ? "rtl" : "ltr"}});
    }
    call.Json(200, {{"languages", languages}});
  });

  routes.Post(
      "/api/v1/session", Access::kPublic, BodyKind::kJson, [&services, secure](ApiCall& call) {
        std::string email, password;
        if (!call.String("email", &email, true) || !call.String("password", &password, true))
          return;
        if (password.size() > program::kMaxPasswordBytes) {
          call.Error(400, "invalid_field", "the password is too long");
          return;
        }
        program::SignedIn signed_in;
        const program::Outcome o =
            services.accounts.SignIn(email, password, call.request.remote_addr, &signed_in);
        if (!o.ok()) return call.Fail(o);
        // The cookie may live as long as the session could (the absolute cap); the server
        // decides whether the session is still alive.
        call.response.set_header(
            "Set-Cookie",
            SessionCookie(signed_in.session_token,
                          services.accounts.session_lifetime.absolute_seconds, secure));
        call.Json(200,
                  {{"user", ActorJson(signed_in.actor)}, {"csrf_token", signed_in.csrf_token}});
      });

  routes.Get("/api/v1/session", Access::kSignedIn, [](ApiCall& call) {
    call.Json(200, {{"user", ActorJson(call.Who())}, {"csrf_token", call.csrf_token}});
  });

  routes.Delete("/api/v1/session", Access::kSignedIn, [&services, secure](ApiCall& call) {
    const program::Outcome o = services.accounts.SignOut(
        RequestCookie(call.request, kSessionCookie), call.request.remote_addr);
    if (!o.ok()) return call.Fail(o);
    call.response.set_header("Set-Cookie", SessionCookie("", 0, secure));
    call.Json(200, {{"signed_out", true}});
  });

  routes.Post("/api/v1/me/password", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string current, next;
                if (!call.String("current_password", &current, true) ||
                    !call.String("new_password", &next, true)) {
                  return;
                }
                const program::Outcome o = services.accounts.ChangePassword(
                    call.Who(), current, next, RequestCookie(call.request, kSessionCookie));
                if (!o.ok()) return call.Fail(o);
                call.Json(200, {{"changed", true}});
              });

  routes.Get("/api/v1/me/tokens", Access::kSignedIn, [&services](ApiCall& call) {
    std::vector<store::ApiTokenRecord> tokens;
    const program::Outcome o =
        services.accounts.ListApiTokens(call.Who().user_id, &call.Who(), &tokens);
    if (!o.ok()) return call.Fail(o);
    const int64_t now = std::time(nullptr);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tokens) list.push_back(TokenJson(t, now));
    call.Json(200, {{"tokens", list}});
  });

  routes.Post("/api/v1/me/tokens", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
    std::string name;
    std::optional<int64_t> days;
    if (!call.String("name", &name, false) || !call.Int("days", &days)) return;
    std::string secret;
    store::ApiTokenRecord record;
    const program::Outcome o = services.accounts.CreateApiToken(
        call.Who().email, name, days.value_or(0), &call.Who(), &secret, &record);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json token = TokenJson(record, record.created_at);
    token["secret"] = secret;  // shown once
    call.Json(201, {{"token", token}});
  });

  routes.Delete(R"(/api/v1/me/tokens/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    // Only one's own: an admin revokes others' tokens through /api/v1/tokens/{id}.
    program::Actor self = call.Who();
    if (self.IsAdmin()) self.role = program::Role::kEmployee;
    store::ApiTokenRecord revoked;
    const program::Outcome o = services.accounts.RevokeApiToken(call.PathId(), &self, &revoked);
    if (!o.ok()) return call.Fail(o);
    call.Json(200, {{"token", TokenJson(revoked, std::time(nullptr))}});
  });

  routes.Patch("/api/v1/me", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
    std::string language;
    if (!call.String("language", &language, true)) return;
    const program::Outcome o = services.accounts.SetLanguage(call.Who(), language);
    if (!o.ok()) return call.Fail(o);
    program::Actor updated = call.Who();
    updated.language = language;
    call.Json(200, {{"user", ActorJson(updated)}});
  });
}

}  // namespace chorus::server
