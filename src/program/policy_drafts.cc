// PolicyProgram: confirming and discarding drafts (the publication summary, discard).
#include "program/audit.h"
#include "program/policy_program.h"

namespace chorus::program {

Outcome PolicyProgram::PublishSummary(const Actor& by, int64_t id, PolicyChangeSummary* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindPolicyVersion(id, &version); !s.ok()) return Outcome::Internal(s);
  if (!version) return Outcome::NotFound();
  if (version->status != "draft") {
    return Outcome::Fail(Failure::kConflict, "version_published", "this version is published");
  }
  Policy draft;
  if (Status s = LoadPolicy(version->yaml, &draft); !s.ok()) {
    return Outcome::Fail(Failure::kInvalid, "invalid_policy",
                         "the draft has errors: " + s.ToString());
  }
  const CurrentPolicy current = Current();
  const Policy* published =
      current.version && current.scanner ? &current.scanner->policy() : nullptr;
  *out = SummarizePolicyChange(published, draft);
  return Outcome::Ok();
}

Outcome PolicyProgram::DiscardDraft(const Actor& by, int64_t id) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindPolicyVersion(id, &version); !s.ok()) return Outcome::Internal(s);
  if (!version) return Outcome::NotFound();
  const Status s = store_.Transaction([&](store::Store& tx) -> Status {
    if (Status d = tx.DeletePolicyDraft(id); !d.ok()) return d;
    return RecordAudit(tx, &by, "policy.discard", "policy_version:" + std::to_string(id),
                       {{"title", version->title}});
  });
  if (!s.ok()) {
    if (s.message() == store::kConflict) {
      return Outcome::Fail(Failure::kConflict, "version_published",
                           "a published version cannot be discarded");
    }
    return Outcome::Internal(s);
  }
  return Outcome::Ok();
}

}  // namespace chorus::program
