// POST /api/v1/check: the engine's verdict on a text, for integrations (bearer token) and
// the web app (session). An optional "photo" (base64) adds its location findings, as
// `chorus check --image` does. Nothing is stored.
#include "policy/result_json.h"
#include "program/review_desk.h"
#include "server/draft_request.h"
#include "server/routes.h"
#include "text/utf8.h"

namespace chorus::server {

void AddCheckRoutes(RouteTable& routes, Services& services) {
  routes.Post("/api/v1/check", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
    DraftRequest draft;
    if (!ReadDraftRequest(call, &draft)) return;
    const std::string& text = draft.text;
    const std::string& lang = draft.lang;
    const std::string& photo = draft.photo;
    if (text.size() > program::kMaxPostBytes) {
      call.Error(413, "text_too_long", "the text is longer than 65536 bytes");
      return;
    }
    CheckResult result;
    std::optional<int64_t> version_id;
    const program::Outcome o = services.policy.Check(text, lang, &result, &version_id);
    if (!o.ok()) return call.Fail(o);
    if (!photo.empty()) {
      if (const program::Outcome p = services.policy.CheckPhoto(photo, &result); !p.ok()) {
        return call.Fail(p);
      }
    }
    nlohmann::json answer = CheckResultToJson(result);
    // ?messages=reader: the explanations in the caller's language (the web app, as for stored
    // posts); by default they are in the post's language, exactly as `chorus check` prints.
    if (call.request.get_param_value("messages") == "reader") {
      if (const auto scanner = services.policy.Current().scanner) {
        ExplainResultJson(*scanner, call.Who().language, &answer);
      }
    }
    call.Json(200, answer);
  });
}

}  // namespace chorus::server
