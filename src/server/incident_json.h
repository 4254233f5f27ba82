// JSON views of incidents (incident_routes.cc; the privacy export names them too): an
// incident with its owner, author, state, next states and time to close; a timeline event.
// Thread-safety: pure functions; the PeopleDirectory belongs to one request.
#pragma once

#include <nlohmann/json.hpp>

#include "server/json_views.h"
#include "store/incidents_store.h"

namespace chorus::server {

nlohmann::json IncidentJson(const store::IncidentRecord& incident, PeopleDirectory& people);
nlohmann::json EventJson(const store::IncidentEventRecord& event, PeopleDirectory& people);

}  // namespace chorus::server
