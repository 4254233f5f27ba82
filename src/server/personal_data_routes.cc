// GET /api/v1/me/export: everything Chorus holds about the signed-in person, as one JSON
// file to download (program/personal_data.h says what is in it and who may export).
#include "base/utc_time.h"
#include "program/personal_data.h"
#include "server/incident_json.h"
#include "server/json_views.h"
#include "server/routes.h"
#include "server/token_json.h"

namespace chorus::server {
namespace {

nlohmann::json PersonalDataJson(const program::PersonalData& d, PeopleDirectory& people,
                                std::map<int64_t, store::PolicyVersionRecord>& versions,
                                store::Store& store) {
  auto version = [&](int64_t id) -> nlohmann::json {
    auto it = versions.find(id);
    if (it == versions.end()) {
      std::optional<store::PolicyVersionRecord> v;
      if (!store.FindPolicyVersion(id, &v).ok() || !v) return {{"id", id}};
      it = versions.emplace(id, *v).first;
    }
    return {{"id", id}, {"number", OptionalInt(it->second.number)}, {"title", it->second.title}};
  };
  std::vector<store::TeamRecord> teams;
  if (d.team) teams.push_back(*d.team);
  nlohmann::json j = {{"format", "chorus-personal-data/1"},
                      {"exported_at", d.exported_at},
                      {"person", UserJson(d.person, teams)}};
  auto& acks = j["acknowledgements"] = nlohmann::json::array();
  for (const auto& a : d.acknowledgements)
    acks.push_back(
        {{"policy_version", version(a.version_id)}, {"acknowledged_at", a.acknowledged_at}});
  auto& comments = j["policy_comments"] = nlohmann::json::array();
  for (const auto& c : d.policy_comments)
    comments.push_back({{"policy_version", version(c.version_id)},
                        {"text", c.text},
                        {"created_at", c.created_at}});
  auto& posts = j["posts"] = nlohmann::json::array();
  for (const auto& p : d.posts) {
    nlohmann::json post = PostJson(p.post, people);
    auto& events = post["events"] = nlohmann::json::array();
    for (const auto& e : p.events) events.push_back(PostEventJson(e, people));
    posts.push_back(std::move(post));
  }
  auto& questions = j["questions"] = nlohmann::json::array();
  for (const auto& q : d.questions) questions.push_back(QuestionJson(q, people));
  auto& tokens = j["api_tokens"] = nlohmann::json::array();
  for (const auto& t : d.api_tokens) tokens.push_back(TokenJson(t, d.exported_at));
  j["notifications_seen_at"] = OptionalInt(d.notifications_seen_at);
  std::map<int64_t, int64_t> posts_per_account;
  for (const auto& p : d.monitored_posts) ++posts_per_account[p.account_id];
  auto& accounts = j["linked_accounts"] = nlohmann::json::array();
  for (const auto& a : d.linked_accounts)
    accounts.push_back(AccountJson(a, posts_per_account[a.id]));
  auto& monitored = j["monitored_posts"] = nlohmann::json::array();
  for (const auto& p : d.monitored_posts) monitored.push_back(MonitoredPostJson(p, d.person.email));
  auto& incidents = j["incidents"] = nlohmann::json::array();
  for (const auto& i : d.incidents) {
    nlohmann::json incident = IncidentJson(i.incident, people);
    incident.erase("next_states");  // the team's workflow, not data about the person
    auto& timeline = incident["timeline"] = nlohmann::json::array();
    for (const auto& e : i.events) timeline.push_back(EventJson(e, people));
    incidents.push_back(std::move(incident));
  }
  auto& audit = j["audit"] = nlohmann::json::array();
  for (const auto& e : d.audit) audit.push_back(AuditJson(e, people));
  j["audit_truncated"] = d.audit_truncated;
  j["not_included"] = {{"password", "kept only as an Argon2id hash"},
                       {"api_token_secrets", "kept only as SHA-256 hashes"},
                       {"sessions", "sign-in cookies, kept only as hashes until they expire"},
                       {"time_on_social_media",
                        "kept only as minutes per team, platform and week, never per person"}};
  return j;
}

}  // namespace

void AddPersonalDataRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/me/export", Access::kSignedIn, [&services](ApiCall& call) {
    program::PersonalData data;
    const program::Outcome o = program::ExportPersonalData(
        services.store, services.monitoring_records, services.incident_records, call.Who(),
        program::NowSeconds(), &data);
    if (!o.ok()) return call.Fail(o);
    PeopleDirectory people(services.store);
    std::map<int64_t, store::PolicyVersionRecord> versions;
    call.Json(200, PersonalDataJson(data, people, versions, services.store));
    call.response.set_header("Content-Disposition", "attachment; filename=\"chorus-my-data-" +
                                                        UtcDate(data.exported_at) + ".json\"");
  });
}

}  // namespace chorus::server
