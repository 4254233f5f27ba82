// Monitoring: employees' published posts, checked after publication, privacy first.
//
// - Off until the current policy says `monitoring: {enabled: true}`; every step but listing
//   and unlinking then fails with kConflict "monitoring_off".
// - Only accounts that people link themselves are monitored: an employee links, lists and
//   unlinks their own accounts (unlinking deletes the account's posts). The command line (an
//   operator, `by` == nullptr) may import for a person; that links the account on their
//   behalf and is audited ("monitoring.link", "monitoring.import").
// - Import: one export file (src/ingest detects the platform). All or nothing: the file is
//   read and checked first, the checked posts written to an anonymous temporary file (so
//   memory stays constant for any size), and only when the whole file was read are they
//   stored, in one transaction with the audit entry. A broken file changes nothing. Posts
//   already held for the person (same platform and id) are duplicates and are not checked
//   again. Each new post is checked by the current policy exactly as `chorus scan` checks it:
//   its verdict, language and findings (the result JSON's "findings") are stored with the
//   policy version.
// - Incidents: with an Incidents object (program/incidents.h), every import's transaction
//   also opens the incidents that became due (a block post at once), so the team's incident
//   list and its flagged list agree the moment the import commits.
// - "Flagged" means verdict review or block. The employee sees all their posts; the
//   communications team (reviewers, admins) sees only flagged posts, and a `review` post only
//   after the policy's grace_days have passed since import (a `block` at once): never an
//   employee's unflagged posts.
//
// Thread-safety: all methods are safe from any thread (the store serialises); one import runs
// on its caller's thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingested_post.h"
#include "program/actor.h"
#include "program/incidents.h"
#include "program/outcome.h"
#include "program/policy_program.h"
#include "store/monitoring_store.h"
#include "store/store.h"

namespace chorus::program {

struct ImportSummary {
  std::string file;  // as the caller named it
  ingest::Platform platform = ingest::Platform::kX;
  int64_t account_id = 0;
  int64_t posts = 0;       // posts read from the file
  int64_t fresh = 0;       // newly stored ("new")
  int64_t duplicates = 0;  // already held
  int64_t flagged = 0;     // new posts with verdict review or block
};

struct ImportRequest {
  int64_t user_id = 0;  // whose posts
  std::string path;     // the file to read
  std::string name;     // the file's name for the summary and the audit log
  // The account the posts belong to: an existing one (its platform must match the file's),
  // else (0) the person's account on the detected platform with `handle`, linked if new.
  int64_t account_id = 0;
  std::string handle;
  // Called now and then: bytes read of the file, posts read so far.
  std::function<void(size_t bytes, int64_t posts)> progress;
  // Asked every thousand posts; true stops the import, which then changes nothing and fails
  // with kConflict "import_cancelled" (the client left, or the server is stopping).
  std::function<bool()> cancelled;
};

// The grace period's effect and what "flagged" means, for readers of stored posts.
bool IsFlaggedVerdict(std::string_view verdict);

class Monitoring {
 public:
  // `incidents` (optional, outliving this object) opens incidents on import.
  Monitoring(store::Store& store, store::MonitoringStore& records, PolicyProgram& policy,
             Incidents* incidents = nullptr);

  // The current policy's settings.
  MonitoringSettings Settings() const;

  Outcome LinkAccount(const Actor* by, int64_t user_id, std::string_view platform,
                      std::string_view handle, store::LinkedAccountRecord* out);
  Outcome ListAccounts(const Actor& by, std::vector<store::LinkedAccountRecord>* out);
  Outcome UnlinkAccount(const Actor& by, int64_t account_id, int64_t* posts_deleted);

  Outcome Import(const Actor* by, const ImportRequest& request, ImportSummary* out);

  // One page (ascending ids after `after_id`, at most `limit` 1-1000): the actor's own posts,
  // or with `team` (reviewers, admins) the posts the team may see. The command line (nullptr)
  // sees every post, or one person's with `user_id`.
  Outcome ListPosts(const Actor* by, bool team, std::optional<int64_t> user_id, int64_t after_id,
                    int64_t limit, std::vector<store::MonitoredPostRecord>* out);

 private:
  store::Store& store_;
  store::MonitoringStore& records_;
  PolicyProgram& policy_;
  Incidents* incidents_;
};

}  // namespace chorus::program
