// The JSON form of an API token for listings: id, name, times and state, never the secret or
// its hash. Shared by the routes for one's own tokens and the admin routes.
// Thread-safety: pure function.
#pragma once

#include <nlohmann/json.hpp>

#include "store/records.h"

namespace chorus::server {

// `now` decides "active" or "expired"; times are Unix seconds, null when unset.
nlohmann::json TokenJson(const store::ApiTokenRecord& token, int64_t now);

}  // namespace chorus::server
