#include "program/consultation.h"

#include "program/audit.h"
#include "program/transaction.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

constexpr size_t kMaxQuestionBytes = 8 * 1024;

Outcome ValidateText(std::string_view text) {
  if (text.empty() || text.size() > kMaxQuestionBytes || !text::IsValidUtf8(text)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_text",
                         "the text must have 1 to 8192 bytes of UTF-8");
  }
  return Outcome::Ok();
}

Outcome AlreadyAnswered() {
  return Outcome::Fail(Failure::kConflict, "already_answered",
                       "this question has been answered meanwhile; read that answer first");
}

}  // namespace

Outcome Consultation::Ask(const Actor& by, std::string_view text, store::QuestionRecord* out) {
  if (Outcome o = ValidateText(text); !o.ok()) return o;
  store::QuestionRecord q;
  q.author_id = by.user_id;
  q.text = std::string(text);
  q.created_at = NowSeconds();
  if (Status s = store_.CreateQuestion(&q); !s.ok()) return Outcome::Internal(s);
  if (out) *out = q;
  return Outcome::Ok();
}

Outcome Consultation::Get(const Actor& by, int64_t question_id, store::QuestionRecord* out) {
  std::optional<store::QuestionRecord> q;
  if (Status s = store_.FindQuestion(question_id, &q); !s.ok()) return Outcome::Internal(s);
  if (!q || (q->author_id != by.user_id && !by.CanReview())) return Outcome::NotFound();
  *out = std::move(*q);
  return Outcome::Ok();
}

Outcome Consultation::Answer(const Actor& by, int64_t question_id, std::string_view answer,
                             store::QuestionRecord* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (Outcome o = ValidateText(answer); !o.ok()) return o;
  return InTransaction(store_, [&](store::Store& tx) {
    std::optional<store::QuestionRecord> q;
    if (Status f = tx.FindQuestion(question_id, &q); !f.ok()) return Outcome::Internal(f);
    if (!q) return Outcome::NotFound();
    if (q->answer) return AlreadyAnswered();
    const int64_t now = NowSeconds();
    if (Status a = tx.AnswerQuestion(question_id, answer, by.user_id, now); !a.ok()) {
      return a.message() == store::kConflict ? AlreadyAnswered() : Outcome::Internal(a);
    }
    q->answer = std::string(answer);
    q->answered_by = by.user_id;
    q->answered_at = now;
    if (out) *out = *q;
    const Status audit =
        RecordAudit(tx, &by, "question.answer", "question:" + std::to_string(question_id),
                    {{"answer", answer}, {"question_author", q->author_id}});
    return audit.ok() ? Outcome::Ok() : Outcome::Internal(audit);
  });
}

Outcome Consultation::List(const Actor& by, const store::PageRequest& page,
                           std::vector<store::QuestionRecord>* out) {
  const Status s = by.CanReview() ? store_.ListAllQuestions(page, out)
                                  : store_.ListQuestionsByAuthor(by.user_id, page, out);
  return s.ok() ? Outcome::Ok() : Outcome::Internal(s);
}

}  // namespace chorus::program
