// Notifications: what a signed-in person should look at, derived on request from the records
// already kept (nothing is pushed and nothing is sent by e-mail):
// - their submitted posts that got a decision (approved, rejected, changes requested);
// - answers to their questions;
// - the current policy version, while they have not acknowledged it;
// - for reviewers and admins: how many posts wait in the review queue and how many questions
//   wait for an answer.
// Items come newest first. The only state is, per person, the time up to which they have seen
// their notifications (MarkSeen moves it to now). An item is unseen when it happened after
// that mark; for the queue and the questions, when the newest waiting one arrived after it.
// Times are whole seconds, so an item from the same second as the mark counts as seen.
// Decisions and answers are listed back to the mark or 30 days, whichever is earlier, at most
// 50 of each.
//
// Authorisation: items are about the caller's own posts and questions, or (reviewers and
// admins only) counts of waiting work; nobody ever sees another person's items.
// Thread-safety: all methods are safe from any thread (state lives in the Store).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "program/actor.h"
#include "program/outcome.h"
#include "store/store.h"

namespace chorus::program {

enum class NotificationKind {
  kPostDecided,
  kQuestionAnswered,
  kPolicyToAcknowledge,
  kReviewQueue,
  kQuestionsWaiting,
};

// "post_decided", "question_answered", "policy_to_acknowledge", "review_queue",
// "questions_waiting": the API's names, a contract.
std::string_view NotificationKindName(NotificationKind kind);

struct Notification {
  NotificationKind kind = NotificationKind::kPostDecided;
  int64_t at = 0;  // when it happened; for counts, when the newest waiting one arrived
  bool unseen = false;
  std::optional<store::PostRecord> post;              // kPostDecided
  std::optional<store::QuestionRecord> question;      // kQuestionAnswered
  std::optional<store::PolicyVersionRecord> version;  // kPolicyToAcknowledge
  int64_t count = 0;                                  // kReviewQueue, kQuestionsWaiting
};

struct NotificationList {
  std::vector<Notification> items;  // newest first
  int64_t unseen = 0;
  std::optional<int64_t> seen_at;  // none: never looked
};

class Notifications {
 public:
  // `clock` gives the current Unix time in seconds.
  explicit Notifications(store::Store& store, std::function<int64_t()> clock = &NowSeconds)
      : store_(store), clock_(std::move(clock)) {}

  Outcome List(const Actor& by, NotificationList* out);
  // Marks everything up to now as seen; *seen_at (optional) receives the mark.
  Outcome MarkSeen(const Actor& by, int64_t* seen_at);

 private:
  store::Store& store_;
  const std::function<int64_t()> clock_;
};

}  // namespace chorus::program
