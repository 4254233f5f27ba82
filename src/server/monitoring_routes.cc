// Monitoring after publication (program/monitoring.h): an employee's own linked accounts,
// archive uploads into them and their monitored posts; the communications team's view of
// flagged posts only.
//
// Uploads: POST /api/v1/monitoring/accounts/{id}/import takes the export file itself as the
// body (any content type: a zip, tweets.js, outbox.json, Shares.csv, a posts JSON or a feed),
// at most ServerOptions::max_upload_bytes (2 GiB by default). The server streams it to a
// temporary file (HttpLimits::upload_limit), never into memory, and deletes it after the
// import. The import runs in the request: the answer is the import's summary.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>

#include "policy/result_json.h"
#include "program/monitoring.h"
#include "server/json_views.h"
#include "server/routes.h"

namespace chorus::server {
namespace {

// ?after=ID&limit=N (default 100, at most 1000).
bool PageOf(ApiCall& call, int64_t* after, int64_t* limit) {
  *after = 0;
  *limit = 100;
  try {
    if (call.request.has_param("after")) *after = std::stoll(call.request.get_param_value("after"));
    if (call.request.has_param("limit")) *limit = std::stoll(call.request.get_param_value("limit"));
  } catch (const std::exception&) {
    call.Error(400, "invalid_field", "after and limit must be numbers");
    return false;
  }
  if (*after < 0 || *limit < 1 || *limit > 1000) {
    call.Error(400, "invalid_field", "after must be 0 or more, limit 1 to 1000");
    return false;
  }
  return true;
}

// With ?explain=1 each finding's message and advice are given in the caller's language (from
// the current policy's clauses) instead of the post's, as `chorus scan` wrote them.
void AnswerPosts(ApiCall& call, Services& services,
                 const std::vector<store::MonitoredPostRecord>& posts, int64_t limit) {
  const bool explain = call.request.get_param_value("explain") == "1";
  const std::shared_ptr<const Scanner> scanner =
      explain ? services.policy.Current().scanner : nullptr;
  std::map<int64_t, std::string> emails;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : posts) {
    auto it = emails.find(p.user_id);
    if (it == emails.end()) {
      std::optional<store::UserRecord> user;
      if (Status s = services.store.FindUserById(p.user_id, &user); !s.ok()) {
        return call.Fail(program::Outcome::Internal(s));
      }
      it = emails.emplace(p.user_id, user ? user->email : "").first;
    }
    nlohmann::json j = MonitoredPostJson(p, it->second);
    if (scanner) {
      nlohmann::json result = {{"findings", std::move(j["findings"])}};
      ExplainResultJson(*scanner, call.Who().language, &result);
      j["findings"] = std::move(result["findings"]);
    }
    list.push_back(std::move(j));
  }
  nlohmann::json next = nullptr;
  if (static_cast<int64_t>(posts.size()) == limit && !posts.empty()) next = posts.back().id;
  call.Json(200, {{"posts", list}, {"next_after", next}});
}

}  // namespace

bool IsUploadPath(std::string_view path) {
  static const std::regex upload(R"(/api/v1/monitoring/accounts/\d{1,18}/import)");
  return std::regex_match(path.begin(), path.end(), upload);
}

void AddMonitoringRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/monitoring", Access::kSignedIn, [&services](ApiCall& call) {
    const MonitoringSettings settings = services.monitoring.Settings();
    call.Json(200, {{"enabled", settings.enabled}, {"grace_days", settings.grace_days}});
  });

  routes.Get("/api/v1/monitoring/accounts", Access::kSignedIn, [&services](ApiCall& call) {
    std::vector<store::LinkedAccountRecord> accounts;
    const program::Outcome o = services.monitoring.ListAccounts(call.Who(), &accounts);
    if (!o.ok()) return call.Fail(o);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& a : accounts) {
      int64_t posts = 0;
      if (Status s = services.monitoring_records.CountPostsOfAccount(a.id, &posts); !s.ok()) {
        return call.Fail(program::Outcome::Internal(s));
      }
      list.push_back(AccountJson(a, posts));
    }
    call.Json(200, {{"accounts", list}});
  });

  routes.Post(
      "/api/v1/monitoring/accounts", Access::kSignedIn, BodyKind::kJson,
      [&services](ApiCall& call) {
        std::string platform, handle;
        if (!call.String("platform", &platform, true) || !call.String("handle", &handle, true)) {
          return;
        }
        store::LinkedAccountRecord account;
        const program::Outcome o = services.monitoring.LinkAccount(&call.Who(), call.Who().user_id,
                                                                   platform, handle, &account);
        if (!o.ok()) return call.Fail(o);
        int64_t posts = 0;
        if (Status s = services.monitoring_records.CountPostsOfAccount(account.id, &posts);
            !s.ok()) {
          return call.Fail(program::Outcome::Internal(s));
        }
        call.Json(201, {{"account", AccountJson(account, posts)}});
      });

  routes.Delete(R"(/api/v1/monitoring/accounts/(\d+))", Access::kSignedIn,
                [&services](ApiCall& call) {
                  int64_t deleted = 0;
                  const program::Outcome o =
                      services.monitoring.UnlinkAccount(call.Who(), call.PathId(), &deleted);
                  if (!o.ok()) return call.Fail(o);
                  call.Json(200, {{"unlinked", true}, {"posts_deleted", deleted}});
                });

  routes.Post(
      R"(/api/v1/monitoring/accounts/(\d+)/import)", Access::kSignedIn, BodyKind::kNone,
      [&services](ApiCall& call) {
        program::ImportRequest request;
        request.user_id = call.Who().user_id;
        request.account_id = call.PathId();
        request.cancelled = [&call] { return call.ClientGone(); };
        request.name = call.request.get_param_value("name");
        if (request.name.empty()) request.name = "upload";
        if (request.name.size() > 200) request.name.resize(200);
        std::string spilled;  // a body that arrived in memory (no upload limit configured)
        if (!call.request.body_file.empty()) {
          request.path = call.request.body_file;
        } else {
          char name[] = "/tmp/chorus-upload-XXXXXX";
          const int fd = mkstemp(name);
          if (fd < 0) return call.Fail(program::Outcome::Internal(Status::Error("mkstemp")));
          ::close(fd);
          spilled = name;
          std::ofstream(spilled, std::ios::binary) << call.request.body;
          request.path = spilled;
        }
        if (call.request.body.empty() && call.request.body_file.empty()) {
          std::remove(spilled.c_str());
          return call.Error(400, "missing_body", "send the export file as the request body");
        }
        program::ImportSummary summary;
        const program::Outcome o = services.monitoring.Import(&call.Who(), request, &summary);
        if (!spilled.empty()) std::remove(spilled.c_str());
        if (!o.ok()) return call.Fail(o);
        call.Json(200, {{"file", summary.file},
                        {"platform", ingest::PlatformName(summary.platform)},
                        {"posts", summary.posts},
                        {"new", summary.fresh},
                        {"duplicates", summary.duplicates},
                        {"flagged", summary.flagged}});
      });

  routes.Get("/api/v1/monitoring/posts", Access::kSignedIn, [&services](ApiCall& call) {
    int64_t after = 0, limit = 0;
    if (!PageOf(call, &after, &limit)) return;
    std::vector<store::MonitoredPostRecord> posts;
    const program::Outcome o =
        services.monitoring.ListPosts(&call.Who(), false, std::nullopt, after, limit, &posts);
    if (!o.ok()) return call.Fail(o);
    AnswerPosts(call, services, posts, limit);
  });

  routes.Get("/api/v1/monitoring/flagged", Access::kSignedIn, [&services](ApiCall& call) {
    int64_t after = 0, limit = 0;
    if (!PageOf(call, &after, &limit)) return;
    std::vector<store::MonitoredPostRecord> posts;
    const program::Outcome o =
        services.monitoring.ListPosts(&call.Who(), true, std::nullopt, after, limit, &posts);
    if (!o.ok()) return call.Fail(o);
    AnswerPosts(call, services, posts, limit);
  });
}

}  // namespace chorus::server
