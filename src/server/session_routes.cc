// Signing in and out, the current user and their interface language, and the languages the
// interface is available in.
#include "policy/language_pack.h"
#include "server/json_views.h"
#include "server/routes.h"

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
