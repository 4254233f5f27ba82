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

bool IsBlank(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    const char32_t cp = text::DecodeUtf8(text, i, &length);
    const bool space = cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 ||
                       cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 ||
                       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
                       cp == 0x3000 || cp == 0xFEFF;
    if (!space) return false;
    i += length;
  }
  return true;
}

// The media type of a photo file from its first bytes; empty for anything else.
std::string_view PhotoMediaType(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (bytes.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP")
    return "image/webp";
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return "image/heic";
  return {};
}

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
  if (IsBlank(text)) {
    return Outcome::Fail(Failure::kInvalid, "empty_text", "the post has no text to check");
  }
  if (text.size() > kMaxPostBytes) {
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
  const std::string_view media_type = PhotoMediaType(photo);
  Status s = store_.Transaction([&](store::Store& tx) {
    if (Status c = tx.CreatePost(&post); !c.ok()) return c;
    store::PostEventRecord event{0, post.id, by.user_id, "checked", "", post.created_at};
    if (Status e = tx.AddPostEvent(&event); !e.ok()) return e;
    if (photos_ == nullptr || media_type.empty()) return Status::Ok();
    return photos_->SavePostPhoto({post.id, std::string(media_type), std::string(photo)});
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

Outcome ReviewDesk::GetPhoto(const Actor& by, int64_t post_id, store::PostPhotoRecord* out) {
  if (photos_ == nullptr) return Outcome::NotFound();
  store::PostRecord post;
  std::optional<store::PostPhotoRecord> photo;
  const Outcome o = InTransaction(store_, [&](store::Store& tx) {
    if (Outcome v = LoadVisible(tx, by, post_id, &post); !v.ok()) return v;
    if (Status s = photos_->FindPostPhoto(post_id, &photo); !s.ok()) return Outcome::Internal(s);
    return photo ? Outcome::Ok() : Outcome::NotFound();
  });
  if (!o.ok()) return o;
  *out = std::move(*photo);
  return Outcome::Ok();
}

bool ReviewDesk::HasPhoto(int64_t post_id) {
  bool has = false;
  return photos_ != nullptr && photos_->HasPostPhoto(post_id, &has).ok() && has;
}

Outcome ReviewDesk::DeleteDraft(const Actor& by, int64_t post_id) {
  return InTransaction(store_, [&](store::Store& tx) {
    store::PostRecord post;
    if (Outcome o = LoadVisible(tx, by, post_id, &post); !o.ok()) return o;
    if (post.author_id != by.user_id) return Outcome::Forbidden();
    if (post.status != "draft" || post.submitted_at) {
      return Outcome::Fail(Failure::kConflict, "not_deletable",
                           "only a draft that was never sent for review can be deleted");
    }
    if (Status d = tx.DeletePost(post.id, "draft"); !d.ok()) {
      return d.message() == store::kConflict
                 ? Outcome::Fail(Failure::kConflict, "conflict", "the post changed meanwhile")
                 : Outcome::Internal(d);
    }
    const Status audit =
        RecordAudit(tx, &by, "post.deleted", "post:" + std::to_string(post.id), {});
    return audit.ok() ? Outcome::Ok() : Outcome::Internal(audit);
  });
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
