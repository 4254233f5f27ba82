// Incidents: what the communications team does with a flagged monitored post once it may see
// it (issue 10, section 3). Monitoring (program/monitoring.h) keeps a flagged post private to
// its author for the policy's grace_days; a `block` post reaches the team at once, a `review`
// post after the grace days. At that moment, and only then, the post becomes an incident:
//
// - Opening: OpenDue finds every flagged post the team may now see that has no incident yet
//   and opens one (state open, severity from the verdict: block high, review medium, no
//   owner). It runs inside every monitoring import's transaction and in the hourly
//   housekeeping (a review post's grace days end between imports); one incident per post, so
//   running it again opens nothing. Opening is audited ("incident.open", by Chorus itself).
// - Working: an owner (an active reviewer or admin, or none), a severity (low, medium,
//   high), a summary of what was wrong (the playbook's {what}), the state machine of
//   program/incident_states.h (acknowledging an incident without an owner makes the
//   acknowledger its owner), notes. Every change adds to the incident's timeline and to the
//   audit log in the same transaction (InTransaction). A closed incident is final: its state,
//   owner, severity and summary no longer change; notes may still be added.
// - The playbook: the correction, apology and holding statement of packs/playbook.yaml filled
//   with the incident's details, each checked by the current policy exactly as
//   POST /api/v1/check checks a text; a text whose verdict is not ok is not copyable.
// - Who: reviewers and admins see and work incidents; employees never see them (kForbidden),
//   though they still see their own flagged posts (monitoring).
//
// Thread-safety: safe from several threads (the stores serialise); the Playbook must outlive
// the object.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "program/actor.h"
#include "program/outcome.h"
#include "program/playbook.h"
#include "program/policy_program.h"
#include "store/incidents_store.h"
#include "store/monitoring_store.h"
#include "store/store.h"

namespace chorus::program {

struct IncidentDetail {
  store::IncidentRecord incident;
  std::vector<store::IncidentEventRecord> timeline;  // oldest first
  std::optional<store::MonitoredPostRecord> post;    // none once the author deleted it
};

// The fields a change sets; absent ones stay as they are.
struct IncidentChange {
  std::optional<std::optional<int64_t>> owner_id;  // a value with no id clears the owner
  std::optional<std::string> severity;
  std::optional<std::string> summary;
};

struct CheckedPlaybookText {
  std::string kind;  // correction, apology, holding_statement
  std::string text;
  std::string verdict;    // the policy's verdict on the filled text
  nlohmann::json result;  // the check result, as POST /api/v1/check gives it
  bool copyable = false;  // verdict ok
};

class Incidents {
 public:
  Incidents(store::Store& store, store::IncidentsStore& incidents,
            store::MonitoringStore& monitoring, PolicyProgram& policy, const Playbook& playbook);

  // Opens the incidents that are due as of `now`, inside the caller's transaction on `tx`.
  Outcome OpenDue(store::Store& tx, int64_t now, int64_t* opened);
  // The same in a transaction of its own (the housekeeping).
  Outcome OpenDueIncidents(int64_t now, int64_t* opened);

  // One page, newest first; `state` "" for all.
  Outcome List(const Actor& by, const std::string& state, const store::PageRequest& page,
               std::vector<store::IncidentRecord>* out);
  Outcome Get(const Actor& by, int64_t id, IncidentDetail* out);
  // The active reviewers and admins an incident may be given to.
  Outcome OwnerCandidates(const Actor& by, std::vector<store::UserRecord>* out);

  Outcome Update(const Actor& by, int64_t id, const IncidentChange& change, int64_t now,
                 store::IncidentRecord* out);
  // Moves the incident to `state` (with `outcome` when closing); `note` ("" for none) goes
  // into the timeline with the change.
  Outcome Transition(const Actor& by, int64_t id, const std::string& state,
                     const std::string& outcome, const std::string& note, int64_t now,
                     store::IncidentRecord* out);
  Outcome AddNote(const Actor& by, int64_t id, const std::string& text, int64_t now,
                  store::IncidentEventRecord* out);

  // The playbook's texts in `language` (one of the playbook's), filled and checked.
  Outcome FillPlaybook(const Actor& by, int64_t id, const std::string& language,
                       std::vector<CheckedPlaybookText>* out);

 private:
  Outcome Find(int64_t id, store::IncidentRecord* out);
  Status AddEvent(const Actor* by, int64_t incident_id, int64_t at, std::string kind,
                  std::string text, const nlohmann::json& detail);

  store::Store& store_;
  store::IncidentsStore& incidents_;
  store::MonitoringStore& monitoring_;
  PolicyProgram& policy_;
  const Playbook& playbook_;
};

}  // namespace chorus::program
