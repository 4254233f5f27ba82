#include "program/review_desk.h"

#include "policy/result_json.h"
#include "program/audit.h"
#include "program/transaction.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

constexpr size_t kMaxCommentBytes = 8 * 1024;

bool CanEdit(const store::PostRecord& post) {
  return post.status == "draft" || post.status == "changes_requested";
}

Outcome ValidateComment(std::string_view comment, bool required) {
  if ((required && comment.empty()) || comment.size() > kMaxCommentBytes ||
      !text::IsValidUtf8(comment)) {
    return Outcome::Fail(Failure::kInvalid, required ? "comment_required" : "invalid_comment",
                         required ? "please explain the decision in a comment"
                                  : "the comment must be at most 8192 bytes of text");
  }
  return Outcome::Ok();
}

}  // namespace

bool ParseReviewDecision(std::string_view name, ReviewDecision* out) {
  if (name == "approve") {
    *out = ReviewDecision::kApprove;
  } else if (name == "reject") {
    *out = ReviewDecision::kReject;
  } else if (name == "request_changes") {
    *out = ReviewDecision::kRequestChanges;
  } else {
    return false;
  }
  return true;
}

Outcome ReviewDesk::RunCheck(std::string_view text, std::string_view language,
                             std::string_view photo, store::PostRecord* post) {
  if (text.empty() || text.size() > kMaxPostBytes) {
    return Outcome::Fail(Failure::kInvalid, "invalid_text",
                         "the post must have 1 to 65536 bytes of text");
  }
  if (!text::IsValidUtf8(text)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_utf8", "the text is not valid UTF-8");
  }
  CheckResult result;
  std::optional<int64_t> version_id;
  if (Outcome o = policy_.Check(text, language, &result, &version_id); !o.ok()) return o;
  if (!photo.empty()) {
    if (Outcome o = policy_.CheckPhoto(photo, &result); !o.ok()) return o;
  }
  post->text = std::string(text);
  post->language = result.language;
  post->verdict = std::string(SeverityName(result.verdict));
  post->result_json =
      CheckResultToJson(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  post->policy_version_id = version_id;
  return Outcome::Ok();
}

Outcome ReviewDesk::CheckDraft(const Actor& by, std::string_view text, std::string_view language,
                               std::string_view photo, store::PostRecord* out) {
  store::PostRecord post;
  if (Outcome o = RunCheck(text, language, photo, &post); !o.ok()) return o;
  post.author_id = by.user_id;
  post.status = "draft";
  post.created_at = post.updated_at = NowSeconds();
  Status s = store_.Transaction([&](store::Store& tx) {
    if (Status c = tx.CreatePost(&post); !c.ok()) return c;
    store::PostEventRecord event{0, post.id, by.user_id, "checked", "", post.created_at};
    return tx.AddPostEvent(&event);
  });
  if (!s.ok()) return Outcome::Internal(s);
  *out = std::move(post);
  return Outcome::Ok();
}

Outcome ReviewDesk::LoadVisible(store::Store& tx, const Actor& by, int64_t post_id,
                                store::PostRecord* out) {
  std::optional<store::PostRecord> post;
  if (Status s = tx.FindPost(post_id, &post); !s.ok()) return Outcome::Internal(s);
  if (!post) return Outcome::NotFound();
  const bool author = post->author_id == by.user_id;
  const bool reviewer_may_see = by.CanReview() && post->submitted_at.has_value();
  if (!author && !reviewer_may_see) return Outcome::NotFound();
  *out = std::move(*post);
  return Outcome::Ok();
}

void ReviewDesk::ViewFor(const Actor& by, store::PostRecord* post) {
  if (post->unsent && post->author_id == by.user_id) {
    post->text = std::move(post->unsent->text);
    post->language = std::move(post->unsent->language);
    post->verdict = std::move(post->unsent->verdict);
    post->result_json = std::move(post->unsent->result_json);
    post->policy_version_id = post->unsent->policy_version_id;
  }
  post->unsent.reset();
}

Outcome ReviewDesk::Transition(const Actor& by, int64_t post_id, std::string_view action,
                               std::string_view comment, bool audited,
                               const std::function<Outcome(store::PostRecord&)>& change,
                               store::PostRecord* out) {
  store::PostRecord post;
  const Outcome result = InTransaction(store_, [&](store::Store& tx) {
    if (Outcome o = LoadVisible(tx, by, post_id, &post); !o.ok()) return o;
    const std::string expected = post.status;
    if (Outcome o = change(post); !o.ok()) return o;
    post.updated_at = NowSeconds();
    if (Status u = tx.UpdatePost(post, expected); !u.ok()) {
      return u.message() == store::kConflict
                 ? Outcome::Fail(Failure::kConflict, "conflict", "the post changed meanwhile")
                 : Outcome::Internal(u);
    }
    store::PostEventRecord event{
        0, post.id, by.user_id, std::string(action), std::string(comment), post.updated_at};
    if (Status e = tx.AddPostEvent(&event); !e.ok()) return Outcome::Internal(e);
    if (!audited) return Outcome::Ok();
    const Status audit = RecordAudit(tx, &by, "review." + std::string(action),
                                     "post:" + std::to_string(post.id), {{"comment", comment}});
    return audit.ok() ? Outcome::Ok() : Outcome::Internal(audit);
  });
  if (!result.ok()) return result;
  if (out) {
    ViewFor(by, &post);
    *out = std::move(post);
  }
  return Outcome::Ok();
}

Outcome ReviewDesk::EditDraft(const Actor& by, int64_t post_id, std::string_view text,
                              std::string_view language, store::PostRecord* out) {
  store::PostRecord checked;
  if (Outcome o = RunCheck(text, language, "", &checked); !o.ok()) return o;
  return Transition(
      by, post_id, "edited", "", false,
      [&](store::PostRecord& post) {
        if (post.author_id != by.user_id) return Outcome::Forbidden();
        if (!CanEdit(post)) {
          return Outcome::Fail(Failure::kConflict, "not_editable",
                               "the post is in review or decided and cannot be edited");
        }
        if (post.submitted_at) {  // sent before: the edit stays the author's until sent again
          post.unsent = store::PostRecord::Unsent{checked.text, checked.language, checked.verdict,
                                                  checked.result_json, checked.policy_version_id};
          return Outcome::Ok();
        }
        post.text = checked.text;
        post.language = checked.language;
        post.verdict = checked.verdict;
        post.result_json = checked.result_json;
        post.policy_version_id = checked.policy_version_id;
        return Outcome::Ok();
      },
      out);
}

Outcome ReviewDesk::Submit(const Actor& by, int64_t post_id, std::string_view note,
                           store::PostRecord* out) {
  if (Outcome o = ValidateComment(note, false); !o.ok()) return o;
  return Transition(
      by, post_id, "submitted", note, false,
      [&](store::PostRecord& post) {
        if (post.author_id != by.user_id) return Outcome::Forbidden();
        if (!CanEdit(post)) {
          return Outcome::Fail(Failure::kConflict, "not_submittable",
                               "the post is already in review or decided");
        }
        if (post.unsent) {
          post.text = std::move(post.unsent->text);
          post.language = std::move(post.unsent->language);
          post.verdict = std::move(post.unsent->verdict);
          post.result_json = std::move(post.unsent->result_json);
          post.policy_version_id = post.unsent->policy_version_id;
          post.unsent.reset();
        }
        post.status = "in_review";
        post.author_note = std::string(note);
        post.submitted_at = NowSeconds();
        post.reviewer_id.reset();
        post.review_comment.clear();
        post.decided_at.reset();
        return Outcome::Ok();
      },
      out);
}

Outcome ReviewDesk::Decide(const Actor& by, int64_t post_id, ReviewDecision decision,
                           std::string_view comment, store::PostRecord* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (Outcome o = ValidateComment(comment, decision != ReviewDecision::kApprove); !o.ok()) {
    return o;
  }
  const char* status = decision == ReviewDecision::kApprove  ? "approved"
                       : decision == ReviewDecision::kReject ? "rejected"
                                                             : "changes_requested";
  return Transition(
      by, post_id, status, comment, true,
      [&](store::PostRecord& post) {
        if (post.author_id == by.user_id) {
          return Outcome::Fail(Failure::kForbidden, "own_post", "you cannot review your own post");
        }
        if (post.status != "in_review") {
          return Outcome::Fail(Failure::kConflict, "not_in_review", "the post is not in review");
        }
        post.status = status;
        post.reviewer_id = by.user_id;
        post.review_comment = std::string(comment);
        post.decided_at = NowSeconds();
        return Outcome::Ok();
      },
      out);
}

Outcome ReviewDesk::Get(const Actor& by, int64_t post_id, store::PostRecord* out,
                        std::vector<store::PostEventRecord>* events) {
  if (Outcome o = LoadVisible(store_, by, post_id, out); !o.ok()) return o;
  ViewFor(by, out);
  if (events) {
    if (Status s = store_.ListPostEvents(post_id, events); !s.ok()) return Outcome::Internal(s);
  }
  return Outcome::Ok();
}

Outcome ReviewDesk::ListMine(const Actor& by, const store::PageRequest& page,
                             std::vector<store::PostRecord>* out) {
  if (Status s = store_.ListPostsByAuthor(by.user_id, page, out); !s.ok())
    return Outcome::Internal(s);
  for (auto& post : *out) ViewFor(by, &post);
  return Outcome::Ok();
}

Outcome ReviewDesk::Queue(const Actor& by, const store::PageRequest& page,
                          std::vector<store::PostRecord>* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (Status s = store_.ListPostsByStatus("in_review", page, out); !s.ok())
    return Outcome::Internal(s);
  for (auto& post : *out) ViewFor(by, &post);
  return Outcome::Ok();
}

}  // namespace chorus::program
