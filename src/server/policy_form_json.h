// The JSON form of a PolicyForm, as GET/PUT /api/v1/policy/versions/{id}/form exchange it:
//
//   {"organization": {"name", "aliases": [], "brands": []},
//    "lists": {"clients": [...], "competitors": [...], ...},
//    "languages": ["en", ...],
//    "categories": {"politics": {"enabled": true|false|null, "verdict": "block"|null}},
//    "clauses": [{"id", "category", "built_in", "verdict", "enabled", "default_verdict",
//                 "default_enabled", "terms", "title": {lang: text}, "message", "advice"}]}
//
// ApplyPolicyFormJson overlays a request body on a form: every key is optional and replaces
// that part; "clauses" entries update the clause with their id (built-in clauses take only
// verdict and enabled) or add a custom clause; "remove_clauses" lists custom clause ids to
// delete. Type errors fail with a message naming the field; nothing is applied then.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "policy/policy_form.h"

namespace chorus::server {

nlohmann::json PolicyFormJson(const PolicyForm& form);
Status ApplyPolicyFormJson(const nlohmann::json& body, PolicyForm* form);

}  // namespace chorus::server
