// GET /api/v1/usage?from=YYYY-MM-DD&to=YYYY-MM-DD: time on social media per team and
// platform (program/usage.h), for reviewers and admins; the same JSON as
// `chorus usage report --format json`, with min_group from the current policy.
#include "program/usage_report.h"
#include "server/routes.h"

namespace chorus::server {

void AddUsageRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/usage", Access::kSignedIn, [&services](ApiCall& call) {
    const program::CurrentPolicy current = services.policy.Current();
    const int min_group =
        current.scanner ? current.scanner->policy().usage_min_group : Policy().usage_min_group;
    program::UsageReport report;
    const program::Outcome o =
        services.usage.Report(&call.Who(), call.request.get_param_value("from"),
                              call.request.get_param_value("to"), min_group, &report);
    if (!o.ok()) return call.Fail(o);
    call.response.status = 200;
    call.response.set_content(program::UsageReportJson(report).dump(
                                  -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                              "application/json; charset=utf-8");
  });
}

}  // namespace chorus::server
