// The registry of official accounts (program/official_accounts.h) under
// /api/v1/official-accounts: reviewers and admins read it, admins change it.
#include "program/official_accounts.h"
#include "server/json_views.h"
#include "server/routes.h"

namespace chorus::server {
namespace {

nlohmann::json PersonRef(store::Store& store, const std::optional<int64_t>& id) {
  if (!id) return nullptr;
  std::optional<store::UserRecord> user;
  if (!store.FindUserById(*id, &user).ok() || !user) return {{"id", *id}};
  return {{"id", user->id}, {"name", user->name}, {"email", user->email}, {"active", user->active}};
}

nlohmann::json AccountJson(store::Store& store, const program::OfficialAccountView& v) {
  const auto& a = v.account;
  return {{"id", a.id},
          {"platform", a.platform},
          {"handle", a.handle},
          {"owner", PersonRef(store, a.owner_id)},
          {"backup_owner", PersonRef(store, a.backup_owner_id)},
          {"credentials_ref", a.credentials_ref},
          {"two_factor", a.two_factor},
          {"last_review_at", a.last_review_at ? nlohmann::json(*a.last_review_at) : nullptr},
          {"review_due", v.review_due},
          {"handover", v.handover.empty() ? nlohmann::json() : nlohmann::json(v.handover)}};
}

// The fields of a create or update body; false when one has the wrong type (answered).
bool ReadInput(ApiCall& call, program::OfficialAccountInput* in) {
  std::string value;
  if (!call.String("account", &in->account, false)) return false;
  if (!call.String("platform", &in->platform, false)) return false;
  for (auto [name, field] :
       {std::pair{"owner_email", &in->owner_email}, std::pair{"backup_email", &in->backup_email},
        std::pair{"credentials_ref", &in->credentials_ref},
        std::pair{"two_factor", &in->two_factor}}) {
    if (!call.body.contains(name)) continue;
    value.clear();  // null clears the field
    if (!call.String(name, &value, false)) return false;
    *field = value;
  }
  return true;
}

}  // namespace

void AddOfficialAccountRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/official-accounts", Access::kSignedIn, [&services](ApiCall& call) {
    std::vector<program::OfficialAccountView> list;
    const program::Outcome o =
        services.official_accounts.List(call.Who(), program::NowSeconds(), &list);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json items = nlohmann::json::array();
    int64_t due = 0, handover = 0;
    for (const auto& v : list) {
      items.push_back(AccountJson(services.store, v));
      due += v.review_due;
      handover += !v.handover.empty();
    }
    call.Json(200, {{"accounts", items}, {"review_due", due}, {"handover", handover}});
  });

  routes.Post("/api/v1/official-accounts", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                program::OfficialAccountInput in;
                if (!ReadInput(call, &in)) return;
                program::OfficialAccountView v;
                const program::Outcome o =
                    services.official_accounts.Create(call.Who(), in, program::NowSeconds(), &v);
                if (!o.ok()) return call.Fail(o);
                call.Json(201, {{"account", AccountJson(services.store, v)}});
              });

  routes.Put("/api/v1/official-accounts/(\\d+)", Access::kSignedIn, BodyKind::kJson,
             [&services](ApiCall& call) {
               program::OfficialAccountInput in;
               if (!ReadInput(call, &in)) return;
               program::OfficialAccountView v;
               const program::Outcome o = services.official_accounts.Update(
                   call.Who(), call.PathId(), in, program::NowSeconds(), &v);
               if (!o.ok()) return call.Fail(o);
               call.Json(200, {{"account", AccountJson(services.store, v)}});
             });

  routes.Post("/api/v1/official-accounts/(\\d+)/review", Access::kSignedIn, BodyKind::kNone,
              [&services](ApiCall& call) {
                program::OfficialAccountView v;
                const program::Outcome o = services.official_accounts.MarkReviewed(
                    call.Who(), call.PathId(), program::NowSeconds(), &v);
                if (!o.ok()) return call.Fail(o);
                call.Json(200, {{"account", AccountJson(services.store, v)}});
              });

  routes.Delete("/api/v1/official-accounts/(\\d+)", Access::kSignedIn, [&services](ApiCall& call) {
    const program::Outcome o = services.official_accounts.Delete(call.Who(), call.PathId());
    if (!o.ok()) return call.Fail(o);
    call.Json(200, {{"deleted", true}});
  });
}

}  // namespace chorus::server
