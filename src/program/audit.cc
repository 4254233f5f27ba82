#include "program/audit.h"

namespace chorus::program {

Status RecordAudit(store::Store& store, const Actor* actor, std::string_view action,
                   std::string_view object, const nlohmann::json& detail) {
  store::AuditRecord entry;
  entry.at = NowSeconds();
  if (actor) entry.actor_id = actor->user_id;
  entry.action = std::string(action);
  entry.object = std::string(object);
  entry.detail = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return store.AppendAudit(&entry);
}

}  // namespace chorus::program

namespace chorus::program {

Outcome ListAudit(store::Store& store, const Actor& by, const store::Store::AuditQuery& query,
                  std::vector<store::AuditRecord>* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  if (query.limit < 1 || query.limit > 1000) {
    return Outcome::Fail(Failure::kInvalid, "invalid_field", "limit must be 1 to 1000");
  }
  if (Status s = store.ListAudit(query, out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

}  // namespace chorus::program
