#include "program/retention.h"

#include "program/audit.h"

namespace chorus::program {

Outcome PurgeExpiredPosts(store::Store& store, const RetentionRules& rules, int64_t now,
                          PurgeReport* report) {
  *report = PurgeReport();
  constexpr int64_t kDay = 86400;
  const Status s = store.Transaction([&](store::Store& tx) {
    if (rules.draft_days > 0) {
      if (Status d = tx.DeletePostsChangedBefore({"draft"}, now - rules.draft_days * kDay,
                                                 &report->drafts);
          !d.ok())
        return d;
    }
    if (rules.decided_days > 0) {
      if (Status d = tx.DeletePostsChangedBefore({"approved", "rejected", "changes_requested"},
                                                 now - rules.decided_days * kDay, &report->decided);
          !d.ok())
        return d;
    }
    if (report->drafts + report->decided == 0) return Status::Ok();
    return RecordAudit(tx, nullptr, "retention.purge", "posts",
                       {{"drafts", report->drafts},
                        {"decided", report->decided},
                        {"draft_days", rules.draft_days},
                        {"decided_days", rules.decided_days}});
  });
  if (!s.ok()) {
    *report = PurgeReport();
    return Outcome::Internal(s);
  }
  return Outcome::Ok();
}

}  // namespace chorus::program
