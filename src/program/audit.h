// The audit log of administrative actions: who (an Actor, or the command line when none)
// did what to which object, with details as a JSON object. Entries are written inside the
// same transaction as the change they describe, so the log and the data never disagree.
// Thread-safety: as the Store passed in.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

#include "base/status.h"
#include "program/actor.h"
#include "program/outcome.h"
#include "store/store.h"

namespace chorus::program {

Status RecordAudit(store::Store& store, const Actor* actor, std::string_view action,
                   std::string_view object, const nlohmann::json& detail);

}  // namespace chorus::program

namespace chorus::program {

// Entries of the audit log, newest first, as `query` selects them (limit 1 to 1000). Admins
// only.
Outcome ListAudit(store::Store& store, const Actor& by, const store::Store::AuditQuery& query,
                  std::vector<store::AuditRecord>* out);

}  // namespace chorus::program
