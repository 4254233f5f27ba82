// Consultation: employees ask the communications team a question ("may I mention our new
// client?") and read the answer; reviewers and admins see every question, unanswered first,
// and answer them. A question is visible only to its author and to reviewers/admins.
//
// A question has one answer. When two reviewers answer at once, the first wins and the
// second gets kConflict ("already_answered") with nothing changed, so no answer is ever
// silently replaced; the second reviewer reads the first answer and may add nothing or ask
// the author to open a new question. The audit entry of an answer records the answer's text
// in full (it is the communications team's official reply, written for the record) and the
// question's id and author, but not the question's text: that is the employee's own words and
// may be personal, so it stays only in the question, visible to its author and reviewers.
// Thread-safety: all methods are safe from any thread.
#pragma once

#include <string_view>
#include <vector>

#include "program/actor.h"
#include "program/outcome.h"
#include "store/store.h"

namespace chorus::program {

class Consultation {
 public:
  explicit Consultation(store::Store& store) : store_(store) {}

  Outcome Ask(const Actor& by, std::string_view text, store::QuestionRecord* out);
  Outcome Answer(const Actor& by, int64_t question_id, std::string_view answer,
                 store::QuestionRecord* out);
  Outcome Get(const Actor& by, int64_t question_id, store::QuestionRecord* out);
  // One page of the caller's own questions; for reviewers and admins, of every question
  // (plus the extra row: see store::PageRequest).
  Outcome List(const Actor& by, const store::PageRequest& page,
               std::vector<store::QuestionRecord>* out);

 private:
  store::Store& store_;
};

}  // namespace chorus::program
