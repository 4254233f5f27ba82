// The JSON API's routes under /api/v1, one function per area. Each handler is thin: it reads
// the request, calls the program layer (which decides authorisation) and writes the answer.
// The API is described for clients by /api/v1/openapi.json (openapi.cc); keep both in step.
// Thread-safety: registration happens before serving; handlers run concurrently.
#pragma once

#include <nlohmann/json.hpp>

#include "server/route_table.h"
#include "server/server_options.h"
#include "server/services.h"

namespace chorus::server {

void AddSessionRoutes(RouteTable& routes, Services& services, const ServerOptions& options);
void AddCheckRoutes(RouteTable& routes, Services& services);
void AddPostRoutes(RouteTable& routes, Services& services);
void AddPolicyRoutes(RouteTable& routes, Services& services);
void AddPolicyDraftRoutes(RouteTable& routes, Services& services);
void AddQuestionRoutes(RouteTable& routes, Services& services);
void AddAdminRoutes(RouteTable& routes, Services& services);
void AddNotificationRoutes(RouteTable& routes, Services& services);
void AddUsageRoutes(RouteTable& routes, Services& services);
void AddOfficialAccountRoutes(RouteTable& routes, Services& services);
void AddMonitoringRoutes(RouteTable& routes, Services& services);
void AddPersonalDataRoutes(RouteTable& routes, Services& services);
void AddIncidentRoutes(RouteTable& routes, Services& services);
void AddOpenApiRoute(RouteTable& routes);
// True for the paths whose request body is an uploaded archive (streamed to a file).
bool IsUploadPath(std::string_view path);

// The OpenAPI 3.0 document of the API.
const nlohmann::json& OpenApiDocument();

}  // namespace chorus::server
