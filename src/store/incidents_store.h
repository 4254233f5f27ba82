// IncidentsStore: the incidents the communications team works (program/incidents.h): one per
// flagged monitored post that became visible to the team, with its owner, severity, state,
// outcome and a timeline of events (notes, state changes, owner and severity changes).
//
// An incident keeps what the team needs after the post is gone (its author, platform, link,
// publication time, verdict and the finding categories); `post_id` is cleared when the
// employee unlinks the account and the post is deleted. At most one incident per post: a
// second CreateIncident for the same post changes nothing (*created false).
//
// Thread-safety: implementations are safe from any thread. The SQLite implementation
// (sqlite_incidents_store.h) shares the SqliteStore's connection, so calls made inside a
// Store::Transaction body join that transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/monitoring_store.h"
#include "store/store.h"

namespace chorus::store {

struct IncidentRecord {
  int64_t id = 0;
  std::optional<int64_t> post_id;  // the monitored post; none once it was deleted
  int64_t author_id = 0;           // whose post it was
  std::string platform;
  std::string url;
  std::string published;   // RFC 3339 UTC, or ""
  std::string verdict;     // review or block
  std::string categories;  // the findings' categories, comma-separated, strictest first
  std::string severity;    // low, medium, high
  std::string state;       // open, acknowledged, remediating, closed
  std::string outcome;     // "" until closed: corrected, deleted, apologised, no_action
  std::optional<int64_t> owner_id;
  std::string summary;  // what was wrong, in the team's words ("" when not written)
  int64_t opened_at = 0;
  std::optional<int64_t> closed_at;
  int64_t updated_at = 0;
};

struct IncidentEventRecord {
  int64_t id = 0;
  int64_t incident_id = 0;
  int64_t at = 0;
  std::optional<int64_t> author_id;  // none: Chorus itself (opening)
  std::string kind;                  // opened, note, state, owner, severity, summary
  std::string text;                  // the note's text
  std::string detail_json;           // a JSON object: {"from","to","outcome"} and the like
};

class IncidentsStore {
 public:
  virtual ~IncidentsStore() = default;

  // Flagged monitored posts the team may see (verdict block, or review imported at or before
  // `review_visible_before`) that have no incident yet; ascending ids, at most `limit`.
  virtual Status ListPostsAwaitingIncident(int64_t review_visible_before, int64_t limit,
                                           std::vector<MonitoredPostRecord>* out) = 0;
  // Adds the incident unless its post has one (sets id when created).
  virtual Status CreateIncident(IncidentRecord* incident, bool* created) = 0;
  virtual Status FindIncident(int64_t id, std::optional<IncidentRecord>* out) = 0;
  // Newest first; `state` "" for every state. One page (see PageRequest: one row more).
  virtual Status ListIncidents(const std::string& state, const PageRequest& page,
                               std::vector<IncidentRecord>* out) = 0;
  // Writes every field but id, post_id, author and the post's details.
  virtual Status UpdateIncident(const IncidentRecord& incident) = 0;
  virtual Status AddIncidentEvent(IncidentEventRecord* event) = 0;  // sets id
  // Oldest first.
  virtual Status ListIncidentEvents(int64_t incident_id, std::vector<IncidentEventRecord>* out) = 0;
  // Every incident about one person's posts, newest first (their privacy export).
  virtual Status ListIncidentsOfAuthor(int64_t author_id, std::vector<IncidentRecord>* out) = 0;
};

}  // namespace chorus::store
