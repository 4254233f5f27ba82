#include "server/chorus_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

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

}  // namespace

ChorusServer::ChorusServer(Services services, ServerOptions options)
    : services_(services),
      options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()) {
  Configure();
}

ChorusServer::~ChorusServer() = default;

void ChorusServer::Configure() {
  httplib::Server& http = *http_;
  const int threads = options_.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(options_.max_body_bytes);
  http.set_read_timeout(options_.read_timeout_seconds, 0);
  http.set_write_timeout(options_.write_timeout_seconds, 0);
  http.set_keep_alive_timeout(options_.keep_alive_seconds);
  http.set_keep_alive_max_count(100);
  // Small answers must not wait for delayed ACKs (Nagle): without this every request on a
  // kept-alive connection took ~44 ms (wrk in `make bench`); with it, 0.15 ms (curl).
  http.set_tcp_nodelay(true);

  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
  });

  // Every error without a body of its own (404 of unknown paths, 413, 400 from the parser)
  // becomes a JSON error.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const char* code = res.status == 413   ? "payload_too_large"
                           : res.status == 404 ? "not_found"
                           : res.status == 405 ? "method_not_allowed"
                           : res.status == 414 ? "uri_too_long"
                           : res.status >= 500 ? "internal"
                                               : "bad_request";
        const char* message = res.status == 413   ? "the request body is too large"
                              : res.status == 404 ? "no such page or API route"
                              : res.status >= 500 ? "internal error"
                                                  : "the request is not valid";
        WriteError(res, res.status, code, message);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        spdlog::error("{} {}: unexpected exception", req.method, req.path);
        WriteError(res, 500, "internal", "internal error");
      });
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    spdlog::debug("{} {} {}", req.method, req.path, res.status);
  });

  http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    WriteJson(res, 200, {{"status", "ok"}});
  });

  routes_ = std::make_unique<RouteTable>(http, services_.accounts);
  RouteTable& routes = *routes_;
  AddOpenApiRoute(routes);
  AddSessionRoutes(routes, services_, options_);
  AddCheckRoutes(routes, services_);
  AddPostRoutes(routes, services_);
  AddPolicyRoutes(routes, services_);
  AddQuestionRoutes(routes, services_);
  AddAdminRoutes(routes, services_);
  AddNotificationRoutes(routes, services_);

  std::error_code ec;
  if (!options_.web_root.empty() &&
      std::filesystem::exists(std::filesystem::path(options_.web_root) / "index.html", ec)) {
    http.set_mount_point("/", options_.web_root);
  } else {
    spdlog::warn("web app not found in \"{}\"; serving the API only", options_.web_root);
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kNoWebAppPage, "text/html; charset=utf-8");
    });
  }
}

Status ChorusServer::Bind() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    if (port_ <= 0) return Status::Error("cannot listen on " + options_.host);
  } else {
    if (!http_->bind_to_port(options_.host, options_.port)) {
      return Status::Error("cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port) + " (in use, or not allowed)");
    }
    port_ = options_.port;
  }
  return Status::Ok();
}

Status ChorusServer::Serve() {
  if (!http_->listen_after_bind()) return Status::Error("the listener stopped with an error");
  return Status::Ok();
}

void ChorusServer::Stop() {
  http_->stop();
}

}  // namespace chorus::server
