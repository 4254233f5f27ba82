#include "program/notifications.h"

#include <algorithm>

namespace chorus::program {
namespace {

constexpr int64_t kLookBackSeconds = 30 * 24 * 3600;
constexpr int64_t kMaxItemsPerKind = 50;

}  // namespace

std::string_view NotificationKindName(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kPostDecided:
      return "post_decided";
    case NotificationKind::kQuestionAnswered:
      return "question_answered";
    case NotificationKind::kPolicyToAcknowledge:
      return "policy_to_acknowledge";
    case NotificationKind::kReviewQueue:
      return "review_queue";
    case NotificationKind::kQuestionsWaiting:
      return "questions_waiting";
  }
  return "unknown";
}

Outcome Notifications::List(const Actor& by, NotificationList* out) {
  NotificationList list;
  const int64_t now = clock_();
  if (Status s = store_.FindNotificationsSeenAt(by.user_id, &list.seen_at); !s.ok()) {
    return Outcome::Internal(s);
  }
  const auto unseen = [&](int64_t at) { return !list.seen_at || at > *list.seen_at; };
  const int64_t since = std::min(list.seen_at.value_or(0), now - kLookBackSeconds);

  std::vector<store::PostRecord> decided;
  if (Status s = store_.ListDecidedPostsOfAuthor(by.user_id, since, kMaxItemsPerKind, &decided);
      !s.ok()) {
    return Outcome::Internal(s);
  }
  for (auto& post : decided) {
    Notification n;
    n.kind = NotificationKind::kPostDecided;
    n.at = post.decided_at.value_or(post.updated_at);
    n.post = std::move(post);
    list.items.push_back(std::move(n));
  }

  std::vector<store::QuestionRecord> answered;
  if (Status s =
          store_.ListAnsweredQuestionsOfAuthor(by.user_id, since, kMaxItemsPerKind, &answered);
      !s.ok()) {
    return Outcome::Internal(s);
  }
  for (auto& question : answered) {
    Notification n;
    n.kind = NotificationKind::kQuestionAnswered;
    n.at = question.answered_at.value_or(question.created_at);
    n.question = std::move(question);
    list.items.push_back(std::move(n));
  }

  std::optional<store::PolicyVersionRecord> current;
  if (Status s = store_.FindCurrentPolicyVersion(&current); !s.ok()) return Outcome::Internal(s);
  if (current) {
    std::optional<store::AcknowledgementRecord> ack;
    if (Status s = store_.FindAcknowledgement(by.user_id, current->id, &ack); !s.ok()) {
      return Outcome::Internal(s);
    }
    if (!ack) {
      Notification n;
      n.kind = NotificationKind::kPolicyToAcknowledge;
      n.at = current->published_at.value_or(current->created_at);
      current->yaml.clear();  // the item names the version; its text is read elsewhere
      n.version = std::move(current);
      list.items.push_back(std::move(n));
    }
  }

  if (by.CanReview()) {
    store::WaitingWork work;
    if (Status s = store_.CountWaitingWork(&work); !s.ok()) return Outcome::Internal(s);
    if (work.posts_in_review > 0) {
      Notification n;
      n.kind = NotificationKind::kReviewQueue;
      n.at = work.newest_submitted_at.value_or(0);
      n.count = work.posts_in_review;
      list.items.push_back(std::move(n));
    }
    if (work.unanswered_questions > 0) {
      Notification n;
      n.kind = NotificationKind::kQuestionsWaiting;
      n.at = work.newest_question_at.value_or(0);
      n.count = work.unanswered_questions;
      list.items.push_back(std::move(n));
    }
  }

  for (auto& n : list.items) {
    n.unseen = unseen(n.at);
    list.unseen += n.unseen;
  }
  std::stable_sort(list.items.begin(), list.items.end(),
                   [](const Notification& a, const Notification& b) { return a.at > b.at; });
  *out = std::move(list);
  return Outcome::Ok();
}

Outcome Notifications::MarkSeen(const Actor& by, int64_t* seen_at) {
  const int64_t now = clock_();
  if (Status s = store_.MarkNotificationsSeen(by.user_id, now); !s.ok()) {
    return Outcome::Internal(s);
  }
  if (seen_at) *seen_at = now;
  return Outcome::Ok();
}

}  // namespace chorus::program
