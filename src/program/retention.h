// Retention: how long Chorus keeps the posts employees check, so that a draft someone wrote
// and never sent does not stay on the server for ever.
//
// - A draft that was never sent for review is private to its author; it is deleted, with its
//   history, `draft_days` after it last changed.
// - A post whose review is over (approved, rejected, changes requested) is deleted
//   `decided_days` after it last changed. Posts waiting in the review queue are never deleted.
// - 0 days means "keep for ever" for that kind.
// - Each purge that deletes something writes one audit entry ("retention.purge") with the
//   counts, never the texts. Checks through POST /api/v1/check are not stored at all; the web
//   app's checks are drafts (POST /api/v1/posts) and follow these rules.
//
// Thread-safety: Purge may run from any thread (the Store serialises).
#pragma once

#include <cstdint>

#include "program/outcome.h"
#include "store/store.h"

namespace chorus::program {

struct RetentionRules {
  int draft_days = 30;
  int decided_days = 365;
};

struct PurgeReport {
  int64_t drafts = 0;   // never-submitted drafts deleted
  int64_t decided = 0;  // reviewed posts deleted
};

// Deletes what `rules` no longer allow to keep, as of `now` (seconds since the epoch).
Outcome PurgeExpiredPosts(store::Store& store, const RetentionRules& rules, int64_t now,
                          PurgeReport* report);

}  // namespace chorus::program
