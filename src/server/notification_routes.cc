// In-app notifications of the signed-in person: the derived list and marking it seen.
#include "server/json_views.h"
#include "server/routes.h"

namespace chorus::server {

void AddNotificationRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/me/notifications", Access::kSignedIn, [&services](ApiCall& call) {
    program::NotificationList list;
    const program::Outcome o = services.notifications.List(call.Who(), &list);
    if (!o.ok()) return call.Fail(o);
    PeopleDirectory people(services.store);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : list.items) items.push_back(NotificationJson(item, people));
    call.Json(200,
              {{"items", items}, {"unseen", list.unseen}, {"seen_at", OptionalInt(list.seen_at)}});
  });

  routes.Post("/api/v1/me/notifications/seen", Access::kSignedIn, BodyKind::kNone,
              [&services](ApiCall& call) {
                int64_t seen_at = 0;
                const program::Outcome o = services.notifications.MarkSeen(call.Who(), &seen_at);
                if (!o.ok()) return call.Fail(o);
                call.Json(200, {{"seen_at", seen_at}, {"unseen", 0}});
              });
}

}  // namespace chorus::server
