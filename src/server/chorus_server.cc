#include "server/chorus_server.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>

#include "server/api_call.h"
#include "server/route_table.h"
#include "server/routes.h"

namespace chorus::server {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

constexpr const char* kNoWebAppPage =
    "<!doctype html><meta charset=utf-8><title>Chorus</title>"
    "<p>Chorus is running, but the web app is not built. Build it with "
    "<code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>, then restart. "
    "The API is at <a href=/api/v1/openapi.json>/api/v1/openapi.json</a>.</p>";

HttpLimits LimitsOf(const ServerOptions& options) {
  using std::chrono::seconds;
  HttpLimits limits;
  limits.max_body_bytes = options.max_body_bytes;
  limits.header_timeout = seconds(options.read_timeout_seconds);
  limits.body_timeout = seconds(options.body_timeout_seconds);
  limits.write_timeout = seconds(options.write_timeout_seconds);
  limits.keep_alive_timeout = seconds(options.keep_alive_seconds);
  limits.worker_threads = options.threads;
  limits.max_connections = options.max_connections;
  limits.max_connections_per_client = options.max_connections_per_client;
  limits.backlog = options.backlog;
  limits.upload_limit = [max = options.max_upload_bytes](std::string_view path) -> size_t {
    return IsUploadPath(path) ? max : 0;
  };
  limits.common_headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                           {"X-Content-Type-Options", "nosniff"},
                           {"X-Frame-Options", "DENY"},
                           {"Referrer-Policy", "no-referrer"}};
  return limits;
}

}  // namespace

ChorusServer::ChorusServer(Services services, ServerOptions options)
    : services_(services), options_(std::move(options)) {
  AddRoutes();
}

ChorusServer::~ChorusServer() = default;

void ChorusServer::AddRoutes() {
  router_.Add("GET", "/healthz", [](HttpRequest&, HttpResponse& res) {
    res.set_header("Cache-Control", "no-store");
    WriteJson(res, 200, {{"status", "ok"}});
  });

  routes_ = std::make_unique<RouteTable>(router_, services_.accounts);
  RouteTable& routes = *routes_;
  AddOpenApiRoute(routes);
  AddSessionRoutes(routes, services_, options_);
  AddCheckRoutes(routes, services_);
  AddPostRoutes(routes, services_);
  AddPolicyRoutes(routes, services_);
  AddPolicyDraftRoutes(routes, services_);
  AddQuestionRoutes(routes, services_);
  AddAdminRoutes(routes, services_);
  AddNotificationRoutes(routes, services_);
  AddUsageRoutes(routes, services_);
  AddOfficialAccountRoutes(routes, services_);
  AddMonitoringRoutes(routes, services_);
  AddPersonalDataRoutes(routes, services_);
  AddIncidentRoutes(routes, services_);

  std::error_code ec;
  if (!options_.web_root.empty() &&
      std::filesystem::exists(std::filesystem::path(options_.web_root) / "index.html", ec)) {
    web_.emplace(options_.web_root);
  } else {
    spdlog::warn("web app not found in \"{}\"; serving the API only", options_.web_root);
    router_.Add("GET", "/", [](HttpRequest&, HttpResponse& res) {
      res.set_content(kNoWebAppPage, "text/html; charset=utf-8");
    });
  }
}

void ChorusServer::Handle(HttpRequest& request, HttpResponse& response) const {
  HttpRouter::Match match;
  std::string allowed;
  if (const RouteHandler* handler = router_.Find(request, &match, &allowed)) {
    (*handler)(request, response);
  } else if (match == HttpRouter::Match::kWrongMethod) {
    response.set_header("Allow", allowed);
    WriteError(response, 405, "method_not_allowed", "this route does not take " + request.method);
  } else if (!(web_ && request.path.rfind("/api/", 0) != 0 && web_->Serve(request, response))) {
    WriteError(response, 404, "not_found", "no such page or API route");
  }
  spdlog::debug("{} {} {}", request.method, request.path, response.status);
}

Status ChorusServer::Bind() {
  ClientAddressResolver clients;
  for (const std::string& proxy : options_.trusted_proxies) {
    if (Status s = clients.AddTrustedProxy(proxy); !s.ok()) return s;
  }
  http_ = std::make_unique<HttpServer>(
      LimitsOf(options_), std::move(clients),
      [this](HttpRequest& request, HttpResponse& response) { Handle(request, response); });
  return http_->Bind(options_.host, options_.port);
}

Status ChorusServer::Serve() {
  if (!http_) return Status::Error("the server is not bound to a port");
  return http_->Serve();
}

void ChorusServer::Stop() {
  if (http_) http_->Stop();
}

}  // namespace chorus::server
