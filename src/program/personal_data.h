// A person's own data, everything Chorus holds about them, for the privacy export
// (GET /api/v1/me/export): their account, acknowledgements, policy comments, posts with their
// review events, questions, API tokens (never the secrets), linked accounts with their
// monitored posts, the incidents the communications team opened about their posts (with
// the team's timeline: a person may know what is recorded about them), and the audit
// entries they made or that name them or their records.
//
// Contract: only the signed-in person's own data, and only in a browser session (an API
// token cannot export: a leaked integration token must not give away a person's file).
// Every export is written to the audit log (`privacy.export`, with the counts only).
// What Chorus keeps only in aggregate (time on social media per team and week) is not
// personal and is not in the export; passwords and token secrets are kept only as hashes
// and are left out.
//
// Thread-safety: as the stores passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "program/actor.h"
#include "program/outcome.h"
#include "store/incidents_store.h"
#include "store/monitoring_store.h"
#include "store/records.h"
#include "store/store.h"

namespace chorus::program {

struct PostWithEvents {
  store::PostRecord post;
  std::vector<store::PostEventRecord> events;
};

struct IncidentWithEvents {
  store::IncidentRecord incident;
  std::vector<store::IncidentEventRecord> events;  // the team's timeline, oldest first
};

struct PersonalData {
  int64_t exported_at = 0;
  store::UserRecord person;
  std::optional<store::TeamRecord> team;
  std::vector<store::AcknowledgementRecord> acknowledgements;
  std::vector<store::PolicyCommentRecord> policy_comments;
  std::vector<PostWithEvents> posts;             // newest first
  std::vector<store::QuestionRecord> questions;  // newest first
  std::vector<store::ApiTokenRecord> api_tokens;
  std::optional<int64_t> notifications_seen_at;
  std::vector<store::LinkedAccountRecord> linked_accounts;
  std::vector<store::MonitoredPostRecord> monitored_posts;  // oldest first
  std::vector<IncidentWithEvents> incidents;                // about their posts, newest first
  std::vector<store::AuditRecord> audit;                    // newest first
  bool audit_truncated = false;  // more than kMaxExportedAuditEntries exist
};

inline constexpr int64_t kMaxExportedAuditEntries = 10000;

// Gathers `by`'s own data into `out` and records the export in the audit log.
Outcome ExportPersonalData(store::Store& store, store::MonitoringStore& monitoring,
                           store::IncidentsStore& incidents, const Actor& by, int64_t now,
                           PersonalData* out);

}  // namespace chorus::program
