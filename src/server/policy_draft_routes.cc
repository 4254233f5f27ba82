// Confirming and discarding policy drafts: GET /api/v1/policy/versions/{id}/summary (what
// publishing would change, and the starter template's example values still in the draft)
// and DELETE /api/v1/policy/versions/{id} (a draft only). Admins only (program/policy_program.h).
#include "server/routes.h"

namespace chorus::server {
namespace {

nlohmann::json SummaryJson(const program::PolicyChangeSummary& s) {
  nlohmann::json lists = nlohmann::json::array();
  for (const auto& l : s.lists)
    lists.push_back({{"list", l.list}, {"added", l.added}, {"removed", l.removed}});
  nlohmann::json clauses = nlohmann::json::array();
  for (const auto& c : s.clauses) {
    nlohmann::json j = {{"clause", c.clause}, {"change", c.change}};
    if (!c.from.empty()) j["from"] = c.from;
    if (!c.to.empty()) j["to"] = c.to;
    clauses.push_back(std::move(j));
  }
  nlohmann::json examples = nlohmann::json::array();
  for (const auto& t : s.template_values)
    examples.push_back({{"list", t.list}, {"value", t.value}});
  auto monitoring = [](const std::optional<MonitoringSettings>& m) -> nlohmann::json {
    if (!m) return nullptr;
    return {{"enabled", m->enabled}, {"grace_days", m->grace_days}};
  };
  nlohmann::json organization = nullptr;
  if (s.organization_to)
    organization = {{"from", *s.organization_from}, {"to", *s.organization_to}};
  return {{"first_version", s.first_version},
          {"unchanged", s.empty()},
          {"organization", organization},
          {"lists", lists},
          {"clauses", clauses},
          {"languages_added", s.languages_added},
          {"languages_removed", s.languages_removed},
          {"monitoring", s.monitoring_to ? nlohmann::json{{"from", monitoring(s.monitoring_from)},
                                                          {"to", monitoring(s.monitoring_to)}}
                                         : nlohmann::json(nullptr)},
          {"template_values", examples},
          {"can_publish", s.template_values.empty()}};
}

}  // namespace

void AddPolicyDraftRoutes(RouteTable& routes, Services& services) {
  routes.Get(R"(/api/v1/policy/versions/(\d+)/summary)", Access::kSignedIn,
             [&services](ApiCall& call) {
               program::PolicyChangeSummary summary;
               const program::Outcome o =
                   services.policy.PublishSummary(call.Who(), call.PathId(), &summary);
               if (!o.ok()) return call.Fail(o);
               call.Json(200, {{"summary", SummaryJson(summary)}});
             });

  routes.Delete(R"(/api/v1/policy/versions/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    const program::Outcome o = services.policy.DiscardDraft(call.Who(), call.PathId());
    if (!o.ok()) return call.Fail(o);
    call.Json(200, {{"discarded", true}});
  });
}

}  // namespace chorus::server
