// The policy: the current version's charter and its acknowledgement for everyone; drafts,
// comments, publication, comparison and acknowledgement status (admins).
#include <map>

#include "base/utc_time.h"
#include "program/usage_report.h"
#include "server/json_views.h"
#include "server/policy_form_json.h"
#include "server/routes.h"

namespace chorus::server {
namespace {

nlohmann::json ProblemsJson(const std::vector<Status>& problems) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : problems) {
    list.push_back({{"line", p.line()}, {"column", p.column()}, {"message", p.message()}});
  }
  return list;
}

std::string RequestedLanguage(const ApiCall& call) {
  const std::string lang = call.request.get_param_value("lang");
  return lang.empty() ? call.Who().language : lang;
}

}  // namespace

void AddPolicyRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/policy", Access::kSignedIn, [&services](ApiCall& call) {
    const program::CurrentPolicy current = services.policy.Current();
    nlohmann::json charter;
    const program::Outcome o =
        services.policy.Charter(current.version, RequestedLanguage(call), &charter);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json version = nullptr, acknowledged_at = nullptr;
    if (current.version) {
      version = PolicyVersionJson(*current.version, false);
      std::optional<int64_t> at;
      const program::Outcome a =
          services.policy.HasAcknowledged(call.Who(), current.version->id, &at);
      if (!a.ok()) return call.Fail(a);
      acknowledged_at = OptionalInt(at);
    }
    call.Json(200,
              {{"version", version}, {"charter", charter}, {"acknowledged_at", acknowledged_at}});
  });

  routes.Post("/api/v1/policy/acknowledge", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::optional<int64_t> version_id;
                if (!call.Int("version_id", &version_id)) return;
                if (!version_id) {
                  call.Error(400, "missing_field", "the field \"version_id\" is required");
                  return;
                }
                const program::Outcome o = services.policy.Acknowledge(call.Who(), *version_id);
                if (!o.ok()) return call.Fail(o);
                call.Json(200, {{"acknowledged", true}, {"version_id", *version_id}});
              });

  routes.Get("/api/v1/policy/versions", Access::kSignedIn, [&services](ApiCall& call) {
    std::vector<store::PolicyVersionRecord> versions;
    const program::Outcome o = services.policy.ListVersions(call.Who(), &versions);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : versions) list.push_back(PolicyVersionJson(v, false));
    call.Json(200, {{"versions", list}});
  });

  routes.Post("/api/v1/policy/versions", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string title, language;
                std::optional<int64_t> from;
                if (!call.String("title", &title, true) ||
                    !call.String("template_language", &language, false) ||
                    !call.Int("from_version", &from)) {
                  return;
                }
                store::PolicyVersionRecord draft;
                const program::Outcome o =
                    services.policy.CreateDraft(call.Who(), title, language, from, &draft);
                if (!o.ok()) return call.Fail(o);
                call.Json(201, {{"version", PolicyVersionJson(draft, true)}});
              });

  routes.Get(R"(/api/v1/policy/versions/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    store::PolicyVersionRecord version;
    program::Outcome o = services.policy.GetVersion(call.Who(), call.PathId(), &version);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json charter;
    o = services.policy.VersionCharter(call.Who(), version.id, RequestedLanguage(call), &charter);
    nlohmann::json j = PolicyVersionJson(version, call.Who().IsAdmin());
    j["charter"] = o.ok() ? charter : nlohmann::json(nullptr);
    if (call.Who().IsAdmin()) {
      j["problems"] = ProblemsJson(LintPolicy(version.yaml));
    }
    call.Json(200, {{"version", j}});
  });

  routes.Put(R"(/api/v1/policy/versions/(\d+))", Access::kSignedIn, BodyKind::kJson,
             [&services](ApiCall& call) {
               std::string title, yaml, revision;
               if (!call.String("title", &title, true) || !call.String("yaml", &yaml, true) ||
                   !call.String("revision", &revision, false))
                 return;
               std::vector<Status> problems;
               const program::Outcome o = services.policy.UpdateDraft(
                   call.Who(), call.PathId(), title, yaml, &problems, revision);
               if (!o.ok()) return call.Fail(o);
               call.Json(200, {{"saved", true},
                               {"problems", ProblemsJson(problems)},
                               {"revision", PolicyRevision(yaml)}});
             });

  routes.Get(R"(/api/v1/policy/versions/(\d+)/form)", Access::kSignedIn,
             [&services](ApiCall& call) {
               PolicyForm form;
               std::string revision;
               const program::Outcome o =
                   services.policy.DraftForm(call.Who(), call.PathId(), &form, &revision);
               if (!o.ok()) return call.Fail(o);
               nlohmann::json j = PolicyFormJson(form);
               j["revision"] = revision;
               call.Json(200, j);
             });

  routes.Put(
      R"(/api/v1/policy/versions/(\d+)/form)", Access::kSignedIn, BodyKind::kJson,
      [&services](ApiCall& call) {
        std::string revision, title;
        if (!call.String("revision", &revision, true) || !call.String("title", &title, false))
          return;
        PolicyForm form;
        std::string current;
        program::Outcome o = services.policy.DraftForm(call.Who(), call.PathId(), &form, &current);
        if (!o.ok()) return call.Fail(o);
        if (Status s = ApplyPolicyFormJson(call.body, &form); !s.ok()) {
          return call.Error(400, "invalid_form", s.message());
        }
        std::vector<Status> problems;
        std::string saved;
        o = services.policy.UpdateDraftForm(call.Who(), call.PathId(), revision, title, form,
                                            &problems, &saved);
        if (!o.ok()) return call.Fail(o);
        PolicyForm reread;
        o = services.policy.DraftForm(call.Who(), call.PathId(), &reread, &saved);
        if (!o.ok()) return call.Fail(o);
        nlohmann::json j = PolicyFormJson(reread);
        j["revision"] = saved;
        j["problems"] = ProblemsJson(problems);
        call.Json(200, j);
      });

  routes.Post(R"(/api/v1/policy/versions/(\d+)/publish)", Access::kSignedIn, BodyKind::kNone,
              [&services](ApiCall& call) {
                store::PolicyVersionRecord version;
                const program::Outcome o =
                    services.policy.Publish(call.Who(), call.PathId(), &version);
                if (!o.ok()) return call.Fail(o);
                call.Json(200, {{"version", PolicyVersionJson(version, false)}});
              });

  routes.Get(
      R"(/api/v1/policy/versions/(\d+)/diff)", Access::kSignedIn, [&services](ApiCall& call) {
        const std::string against = call.request.get_param_value("against");
        int64_t other = 0;
        try {
          other = against.empty() ? 0 : std::stoll(against);
        } catch (const std::exception&) {
          other = 0;
        }
        if (other <= 0) {
          call.Error(400, "missing_field", "give the version to compare with as ?against=ID");
          return;
        }
        std::vector<program::DiffLine> lines;
        const program::Outcome o = services.policy.Diff(call.Who(), other, call.PathId(), &lines);
        if (!o.ok()) return call.Fail(o);
        call.Json(200, {{"old", other}, {"new", call.PathId()}, {"lines", DiffJson(lines)}});
      });

  routes.Get(R"(/api/v1/policy/versions/(\d+)/comments)", Access::kSignedIn,
             [&services](ApiCall& call) {
               std::vector<store::PolicyCommentRecord> comments;
               const program::Outcome o =
                   services.policy.ListComments(call.Who(), call.PathId(), &comments);
               if (!o.ok()) return call.Fail(o);
               PeopleDirectory people(services.store);
               nlohmann::json list = nlohmann::json::array();
               for (const auto& c : comments) {
                 list.push_back({{"id", c.id},
                                 {"author", people.Person(c.author_id)},
                                 {"text", c.text},
                                 {"created_at", c.created_at}});
               }
               call.Json(200, {{"comments", list}});
             });

  routes.Post(R"(/api/v1/policy/versions/(\d+)/comments)", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string text;
                if (!call.String("text", &text, true)) return;
                store::PolicyCommentRecord comment;
                const program::Outcome o =
                    services.policy.Comment(call.Who(), call.PathId(), text, &comment);
                if (!o.ok()) return call.Fail(o);
                call.Json(201, {{"comment", {{"id", comment.id}, {"text", comment.text}}}});
              });

  routes.Get(R"(/api/v1/policy/versions/(\d+)/acknowledgements)", Access::kSignedIn,
             [&services](ApiCall& call) {
               program::AcknowledgementReport report;
               const program::Outcome o =
                   services.policy.AcknowledgementStatus(call.Who(), call.PathId(), &report);
               if (!o.ok()) return call.Fail(o);
               // ?format=csv: one row per person (?missing=1: only those who have not
               // acknowledged), to download.
               const bool missing_only = call.request.get_param_value("missing") == "1";
               if (call.request.get_param_value("format") == "csv") {
                 std::string csv = "team,name,email,acknowledged_at\r\n";
                 for (const auto& p : report.people) {
                   if (missing_only && p.acknowledged_at) continue;
                   csv += program::CsvCell(p.team) + "," + program::CsvCell(p.name) + "," +
                          program::CsvCell(p.email) + "," +
                          (p.acknowledged_at ? UtcTimestamp(*p.acknowledged_at) : std::string()) +
                          "\r\n";
                 }
                 call.response.status = 200;
                 call.response.set_content(csv, "text/csv; charset=utf-8");
                 call.response.set_header(
                     "Content-Disposition",
                     "attachment; filename=\"policy-version-" + std::to_string(report.version_id) +
                         (missing_only ? "-not-acknowledged" : "-acknowledgements") + ".csv\"");
                 return;
               }
               // Per team: how many have acknowledged, of how many.
               std::map<std::string, std::pair<int64_t, int64_t>> by_team;
               for (const auto& p : report.people) {
                 auto& [done, all] = by_team[p.team];
                 ++all;
                 if (p.acknowledged_at) ++done;
               }
               nlohmann::json teams = nlohmann::json::array();
               for (const auto& [team, counts] : by_team)
                 teams.push_back(
                     {{"team", team}, {"acknowledged", counts.first}, {"total", counts.second}});
               nlohmann::json people = nlohmann::json::array();
               for (const auto& p : report.people) {
                 people.push_back({{"id", p.user_id},
                                   {"name", p.name},
                                   {"email", p.email},
                                   {"team", p.team},
                                   {"acknowledged_at", OptionalInt(p.acknowledged_at)}});
               }
               call.Json(200, {{"version_id", report.version_id},
                               {"acknowledged", report.acknowledged},
                               {"total", report.total},
                               {"teams", teams},
                               {"people", people}});
             });
}

}  // namespace chorus::server
