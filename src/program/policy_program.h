// PolicyProgram: the company's policy as it lives in the server — numbered, immutable
// published versions and editable drafts, the compiled Scanner of the current version that
// answers every check, acknowledgements, the employees' comments on a draft ("internal
// dialogue"), and the comparison of two versions.
//
// - Drafts start from the built-in template in a chosen language, or from another version.
//   Saving a draft returns the problems LintPolicy finds (with line and column) but keeps
//   the text; publishing requires a draft without problems that compiles.
// - Publishing swaps the current Scanner atomically: checks already running finish on the
//   old one, new checks use the new one.
// - Without any published version, checks use `fallback_policy_yaml` (or the built-in
//   default policy when that is empty).
//
// Thread-safety: all methods are safe from any thread. The current Scanner is shared and
// immutable; swapping it is guarded by a mutex.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "policy/policy_form.h"
#include "policy/scanner.h"
#include "program/actor.h"
#include "program/line_diff.h"
#include "program/outcome.h"
#include "program/policy_change_summary.h"
#include "store/store.h"

namespace chorus::program {

constexpr size_t kMaxPhotoBytes = 8 << 20;

struct CurrentPolicy {
  std::shared_ptr<const Scanner> scanner;
  std::optional<store::PolicyVersionRecord> version;  // none: fallback policy
};

struct AcknowledgementReport {
  struct Person {
    int64_t user_id = 0;
    std::string name, email, team;
    std::optional<int64_t> acknowledged_at;
  };
  int64_t version_id = 0;
  int64_t acknowledged = 0;
  int64_t total = 0;           // active users
  std::vector<Person> people;  // ordered by team, then name
};

class PolicyProgram {
 public:
  PolicyProgram(store::Store& store, std::string cache_dir, std::string fallback_policy_yaml);

  // Compiles the current published version (or the fallback). Call once before serving.
  Outcome Start();

  // The current policy. A version published by another process on the same data directory
  // (`chorus policy publish` beside a running server) is noticed within about a second and
  // compiled and swapped in here, on the first call after that.
  CurrentPolicy Current() const;

  // Checks a post against the current policy. `language` may be empty (detected).
  Outcome Check(std::string_view text, std::string_view language, CheckResult* result,
                std::optional<int64_t>* version_id) const;
  // Adds the location findings of a photo (JPEG/PNG/HEIC bytes, at most kMaxPhotoBytes) to
  // `result`, raising its verdict as needed. The photo is written to a private temporary file
  // for the engine and removed at once; it is never stored.
  Outcome CheckPhoto(std::string_view photo, CheckResult* result) const;

  // Versions. Everyone signed in may read versions (drafts too: employees comment on them);
  // only admins create, edit and publish.
  Outcome CreateDraft(const Actor& by, std::string_view title, std::string_view template_language,
                      std::optional<int64_t> from_version, store::PolicyVersionRecord* out);
  // `expected_revision` (PolicyRevision of the text the editor started from), when given,
  // must match the stored text or the save fails with a conflict, so that two editors never
  // overwrite each other unknowingly.
  Outcome UpdateDraft(const Actor& by, int64_t id, std::string_view title, std::string_view yaml,
                      std::vector<Status>* problems, std::string_view expected_revision = {});
  // A draft's policy as a form (admins). Fails with kInvalid, carrying line and column in
  // the message, when the text cannot be read as a form; the YAML editor still works then.
  Outcome DraftForm(const Actor& by, int64_t id, PolicyForm* form, std::string* revision);
  // Saves a form over the draft it was read from (see UpdateDraft for the revision check),
  // with a new title unless `title` is empty. An invalid form fails with kInvalid and a
  // message naming the field.
  Outcome UpdateDraftForm(const Actor& by, int64_t id, std::string_view expected_revision,
                          std::string_view title, const PolicyForm& form,
                          std::vector<Status>* problems, std::string* new_revision);
  // Publishes a draft. Refused (kConflict, "template_values") while the draft still holds
  // example values of a starter template (policy_change_summary.h), as PublishText is.
  Outcome Publish(const Actor& by, int64_t id, store::PolicyVersionRecord* out);
  // What publishing draft `id` would change against the current published version, and the
  // template example values it still holds. Admins only.
  Outcome PublishSummary(const Actor& by, int64_t id, PolicyChangeSummary* out);
  // Deletes a draft with its comments (audited as "policy.discard"); a published version
  // gets kConflict. Admins only.
  Outcome DiscardDraft(const Actor& by, int64_t id);
  // Publishes a whole policy text as the next version in one step (`chorus policy publish`,
  // policy as code): the same validation as Publish (every LintPolicy problem, with line and
  // column, in *problems and kInvalid; then a compile) and the same "policy.publish" audit
  // entry. `by` is null for the command line: the audit entry then names no person and the
  // version is recorded as created and published by `recorded_as` (a user id; the records
  // need one).
  Outcome PublishText(const Actor* by, int64_t recorded_as, std::string_view title,
                      std::string_view yaml, std::vector<Status>* problems,
                      store::PolicyVersionRecord* out);
  // Non-admins get the record without its YAML (the lists name clients and secrets); they
  // read a version through VersionCharter.
  Outcome GetVersion(const Actor& by, int64_t id, store::PolicyVersionRecord* out);
  Outcome VersionCharter(const Actor& by, int64_t id, std::string_view language,
                         nlohmann::json* out) const;
  Outcome ListVersions(const Actor& by, std::vector<store::PolicyVersionRecord>* out);
  // Admins only: compares the YAML texts.
  Outcome Diff(const Actor& by, int64_t old_id, int64_t new_id, std::vector<DiffLine>* out);

  Outcome Comment(const Actor& by, int64_t version_id, std::string_view text,
                  store::PolicyCommentRecord* out);
  Outcome ListComments(const Actor& by, int64_t version_id,
                       std::vector<store::PolicyCommentRecord>* out);

  Outcome Acknowledge(const Actor& by, int64_t version_id);
  Outcome HasAcknowledged(const Actor& by, int64_t version_id, std::optional<int64_t>* at);
  // Who has and has not acknowledged a published version. Admins only.
  Outcome AcknowledgementStatus(const Actor& by, int64_t version_id, AcknowledgementReport* out);

  // The readable charter of a version (or the fallback when `version` is empty), in
  // `language`: {"organization", "sections":[{id,title,body}], "clauses":[{id, category,
  // verdict, title, message, advice}]}. Company lists (clients, secrets) are not included:
  // naming them to every reader would itself disclose them.
  Outcome Charter(const std::optional<store::PolicyVersionRecord>& version,
                  std::string_view language, nlohmann::json* out) const;

 private:
  Outcome Compile(std::string_view yaml, std::shared_ptr<const Scanner>* out) const;
  Outcome CompilePolicy(const Policy& policy, std::shared_ptr<const Scanner>* out) const;
  // Publication's shared steps: validation and compile, then (under mutex_) the store
  // transaction with its audit entry and the swap.
  Outcome ValidateForPublication(std::string_view yaml, std::vector<Status>* problems,
                                 std::shared_ptr<const Scanner>* scanner) const;
  Status CommitPublication(store::Store& tx, const Actor* by, int64_t id, int64_t published_by,
                           std::optional<store::PolicyVersionRecord>* version);
  void PickUpOutsidePublication() const;

  store::Store& store_;
  const std::string cache_dir_;
  const std::string fallback_yaml_;
  mutable std::mutex mutex_;
  mutable CurrentPolicy current_;        // guarded by mutex_
  mutable std::mutex refresh_mutex_;     // one refresh at a time; never held with mutex_ waiting
  mutable int64_t next_refresh_ms_ = 0;  // guarded by mutex_ (steady clock)
};

}  // namespace chorus::program
