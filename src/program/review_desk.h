// ReviewDesk: "Can I post this?" as a workflow. An employee checks a draft post (saved with
// its check result), edits and re-checks it, and sends a doubtful one for review; reviewers
// (and admins) work the queue, oldest first, and approve, reject or ask for changes with a
// comment. Every step is recorded as a post event; decisions also go to the audit log.
//
// Authorisation (checked here, for every object):
// - a draft that was never submitted is visible only to its author;
// - once submitted, the post is visible to its author and to reviewers and admins; but what
//   the author edits after "changes requested" stays private to the author until it is sent
//   again: everyone else keeps seeing the text last sent for review (PostRecord::unsent);
// - only the author edits or submits; only reviewers/admins decide, never on their own post.
// Objects a caller may not see are reported as not found, so ids reveal nothing.
//
// Thread-safety: all methods are safe from any thread; state changes are compare-and-set on
// the post's status, so two reviewers deciding at once get one success and one conflict.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "program/actor.h"
#include "program/outcome.h"
#include "program/policy_program.h"
#include "program/retention.h"
#include "store/post_photos.h"
#include "store/store.h"

namespace chorus::program {

enum class ReviewDecision { kApprove, kReject, kRequestChanges };
bool ParseReviewDecision(std::string_view name, ReviewDecision* out);

constexpr size_t kMaxPostBytes = 64 * 1024;

// True when `text` has nothing to check: empty, or only spaces, line breaks, tabs and the
// invisible Unicode spaces and marks (no-break, zero-width, direction marks, BOM).
bool IsBlank(std::string_view text);

class ReviewDesk {
 public:
  // `photos` (optional) keeps the photo checked with a draft for its reviewers; it must be
  // the same database as `store` (SqliteStore is both), so a draft and its photo are written
  // in one transaction.
  ReviewDesk(store::Store& store, const PolicyProgram& policy, RetentionRules retention = {},
             store::PostPhotos* photos = nullptr)
      : store_(store), policy_(policy), retention_(retention), photos_(photos) {}

  // How long posts are kept (the housekeeper deletes them later; authors are told).
  const RetentionRules& retention() const { return retention_; }

  // `photo` (optional, empty for none) is checked for location data and kept with the draft
  // (when the desk has `photos` and the photo is a JPEG, PNG, WebP or HEIC file). Text that is
  // empty or only whitespace is refused ("empty_text").
  Outcome CheckDraft(const Actor& by, std::string_view text, std::string_view language,
                     std::string_view photo, store::PostRecord* out);
  Outcome EditDraft(const Actor& by, int64_t post_id, std::string_view text,
                    std::string_view language, store::PostRecord* out);
  // Deletes the caller's own draft (never sent for review), with its events, and audits it
  // (without its text). Anyone else's post, or a post once sent, cannot be deleted.
  Outcome DeleteDraft(const Actor& by, int64_t post_id);
  Outcome Submit(const Actor& by, int64_t post_id, std::string_view note, store::PostRecord* out);
  Outcome Decide(const Actor& by, int64_t post_id, ReviewDecision decision,
                 std::string_view comment, store::PostRecord* out);

  // The photo checked with a post, for whoever may see the post; not found when it has none.
  Outcome GetPhoto(const Actor& by, int64_t post_id, store::PostPhotoRecord* out);
  // Whether the post has a photo (for lists; no access check: call for posts already shown).
  bool HasPhoto(int64_t post_id);
  Outcome Get(const Actor& by, int64_t post_id, store::PostRecord* out,
              std::vector<store::PostEventRecord>* events);
  // One page of the caller's posts, newest first (the store fetches one extra row: see
  // store::PageRequest).
  Outcome ListMine(const Actor& by, const store::PageRequest& page,
                   std::vector<store::PostRecord>* out);
  // One page of the review queue, longest waiting first (plus the extra row).
  Outcome Queue(const Actor& by, const store::PageRequest& page,
                std::vector<store::PostRecord>* out);

 private:
  Outcome RunCheck(std::string_view text, std::string_view language, std::string_view photo,
                   store::PostRecord* post);
  // The post as `by` may see it: the author with their unsent edit in place of the text sent
  // for review, everyone else with the sent text alone.
  static void ViewFor(const Actor& by, store::PostRecord* post);
  // Loads the post (as stored) inside `tx` and checks the caller may see it.
  Outcome LoadVisible(store::Store& tx, const Actor& by, int64_t post_id, store::PostRecord* out);
  // Applies `change` to a visible post, records the event `action` (and an audit entry when
  // `audited`), all in one transaction.
  Outcome Transition(const Actor& by, int64_t post_id, std::string_view action,
                     std::string_view comment, bool audited,
                     const std::function<Outcome(store::PostRecord&)>& change,
                     store::PostRecord* out);

  store::Store& store_;
  const PolicyProgram& policy_;
  const RetentionRules retention_;
  store::PostPhotos* const photos_;
};

}  // namespace chorus::program
