// Incidents (program/incidents.h) under /api/v1/incidents: reviewers and admins list, read
// and work them; employees are answered 403 by the program layer. The crisis playbook's
// texts come filled and checked from /api/v1/incidents/{id}/playbook?lang=xx.
#include "policy/result_json.h"
#include "program/incident_states.h"
#include "program/incidents.h"
#include "server/incident_json.h"
#include "server/json_views.h"
#include "server/page_params.h"
#include "server/routes.h"

namespace chorus::server {
namespace {

nlohmann::json CategoriesJson(const std::string& categories) {
  nlohmann::json out = nlohmann::json::array();
  size_t start = 0;
  while (start < categories.size()) {
    size_t comma = categories.find(',', start);
    if (comma == std::string::npos) comma = categories.size();
    if (comma > start) out.push_back(categories.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

nlohmann::json IncidentJson(const store::IncidentRecord& i, PeopleDirectory& people) {
  nlohmann::json next = nlohmann::json::array();
  for (std::string_view s : program::NextIncidentStates(i.state)) next.push_back(s);
  return {{"id", i.id},
          {"state", i.state},
          {"severity", i.severity},
          {"outcome", i.outcome.empty() ? nlohmann::json() : nlohmann::json(i.outcome)},
          {"owner", people.Person(i.owner_id)},
          {"author", people.Person(i.author_id)},
          {"post_id", OptionalInt(i.post_id)},
          {"platform", i.platform},
          {"url", i.url},
          {"published", i.published},
          {"verdict", i.verdict},
          {"categories", CategoriesJson(i.categories)},
          {"summary", i.summary},
          {"opened_at", i.opened_at},
          {"closed_at", OptionalInt(i.closed_at)},
          {"updated_at", i.updated_at},
          {"time_to_close",
           i.closed_at ? nlohmann::json(*i.closed_at - i.opened_at) : nlohmann::json()},
          {"next_states", next}};
}

nlohmann::json EventJson(const store::IncidentEventRecord& e, PeopleDirectory& people) {
  nlohmann::json detail = nlohmann::json::parse(e.detail_json, nullptr, false);
  if (!detail.is_object()) detail = nlohmann::json::object();
  return {{"id", e.id},     {"at", e.at},
          {"kind", e.kind}, {"author", people.Person(e.author_id)},
          {"text", e.text}, {"detail", detail}};
}

namespace {

// The post as the team sees it, its findings explained in the reader's language.
nlohmann::json PostJson(Services& services, const program::Actor& reader,
                        const std::optional<store::MonitoredPostRecord>& post) {
  if (!post) return nullptr;
  nlohmann::json result = {
      {"findings", nlohmann::json::parse(post->findings_json, nullptr, false)}};
  if (!result["findings"].is_array()) result["findings"] = nlohmann::json::array();
  if (const auto scanner = services.policy.Current().scanner)
    ExplainResultJson(*scanner, reader.language, &result);
  return {{"id", post->id},
          {"text", post->text},
          {"language", post->language},
          {"verdict", post->verdict},
          {"findings", result["findings"]},
          {"imported_at", post->imported_at}};
}

// ?state= (one of the states, or absent for all).
bool ReadState(ApiCall& call, std::string* state) {
  *state = call.request.get_param_value("state");
  if (!state->empty() && !program::IsIncidentState(*state)) {
    call.Error(400, "invalid_state", "state must be open, acknowledged, remediating or closed");
    return false;
  }
  return true;
}

void AnswerIncident(ApiCall& call, Services& services, int status,
                    const store::IncidentRecord& incident) {
  PeopleDirectory people(services.store);
  call.Json(status, {{"incident", IncidentJson(incident, people)}});
}

}  // namespace

void AddIncidentRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/incidents", Access::kSignedIn, [&services](ApiCall& call) {
    store::PageRequest page;
    if (!ReadPageParams(call, &page)) return;
    std::string state;
    if (!ReadState(call, &state)) return;
    std::vector<store::IncidentRecord> list;
    const program::Outcome o = services.incidents.List(call.Who(), state, page, &list);
    if (!o.ok()) return call.Fail(o);
    const nlohmann::json page_json = TrimPage(page, &list);
    PeopleDirectory people(services.store);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : list) items.push_back(IncidentJson(i, people));
    call.Json(200, {{"incidents", items}, {"page", page_json}});
  });

  routes.Get(R"(/api/v1/incidents/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    program::IncidentDetail detail;
    const program::Outcome o = services.incidents.Get(call.Who(), call.PathId(), &detail);
    if (!o.ok()) return call.Fail(o);
    std::vector<store::UserRecord> owners;
    if (const program::Outcome c = services.incidents.OwnerCandidates(call.Who(), &owners); !c.ok())
      return call.Fail(c);
    PeopleDirectory people(services.store);
    nlohmann::json incident = IncidentJson(detail.incident, people);
    nlohmann::json timeline = nlohmann::json::array();
    for (const auto& e : detail.timeline) timeline.push_back(EventJson(e, people));
    incident["timeline"] = timeline;
    incident["post"] = PostJson(services, call.Who(), detail.post);
    nlohmann::json candidates = nlohmann::json::array();
    for (const auto& u : owners)
      candidates.push_back({{"id", u.id}, {"name", u.name}, {"role", u.role}});
    call.Json(200, {{"incident", incident}, {"owner_candidates", candidates}});
  });

  routes.Patch(
      R"(/api/v1/incidents/(\d+))", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
        program::IncidentChange change;
        if (call.body.contains("owner_id")) {
          std::optional<int64_t> owner;
          if (!call.Int("owner_id", &owner)) return;
          change.owner_id = owner;
        }
        for (auto [name, field] :
             {std::pair{"severity", &change.severity}, std::pair{"summary", &change.summary}}) {
          if (!call.body.contains(name)) continue;
          std::string value;
          if (!call.String(name, &value, false)) return;
          *field = value;
        }
        store::IncidentRecord incident;
        const program::Outcome o = services.incidents.Update(call.Who(), call.PathId(), change,
                                                             program::NowSeconds(), &incident);
        if (!o.ok()) return call.Fail(o);
        AnswerIncident(call, services, 200, incident);
      });

  routes.Post(R"(/api/v1/incidents/(\d+)/state)", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string state, outcome, note;
                if (!call.String("state", &state, true) ||
                    !call.String("outcome", &outcome, false) || !call.String("note", &note, false))
                  return;
                store::IncidentRecord incident;
                const program::Outcome o =
                    services.incidents.Transition(call.Who(), call.PathId(), state, outcome, note,
                                                  program::NowSeconds(), &incident);
                if (!o.ok()) return call.Fail(o);
                AnswerIncident(call, services, 200, incident);
              });

  routes.Post(R"(/api/v1/incidents/(\d+)/notes)", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string text;
                if (!call.String("text", &text, true)) return;
                store::IncidentEventRecord event;
                const program::Outcome o = services.incidents.AddNote(
                    call.Who(), call.PathId(), text, program::NowSeconds(), &event);
                if (!o.ok()) return call.Fail(o);
                PeopleDirectory people(services.store);
                call.Json(201, {{"event", EventJson(event, people)}});
              });

  routes.Get(R"(/api/v1/incidents/(\d+)/playbook)", Access::kSignedIn, [&services](ApiCall& call) {
    std::string language = call.request.get_param_value("lang");
    if (language.empty()) language = call.Who().language;
    std::vector<program::CheckedPlaybookText> texts;
    const program::Outcome o =
        services.incidents.FillPlaybook(call.Who(), call.PathId(), language, &texts);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json items = nlohmann::json::array();
    for (auto& t : texts) {
      items.push_back({{"kind", t.kind},
                       {"text", t.text},
                       {"verdict", t.verdict},
                       {"copyable", t.copyable},
                       {"findings", t.result.value("findings", nlohmann::json::array())}});
    }
    call.Json(200, {{"language", language}, {"texts", items}});
  });
}

}  // namespace chorus::server
