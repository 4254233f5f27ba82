// Consultation: employees ask the communications team a question ("may I mention our new
// client?") and read the answer; reviewers and admins see every question, unanswered first,
// and answer them. A question is visible only to its author and to reviewers/admins.
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
  // The caller's own questions; for reviewers and admins, every question.
  Outcome List(const Actor& by, std::vector<store::QuestionRecord>* out);

 private:
  store::Store& store_;
};

}  // namespace chorus::program
