// Outcome: the result of a workflow step of the policy program, returned as a value. Besides
// OK it says what kind of failure happened (so the HTTP layer can choose the status code), a
// stable machine-readable `code` (the web app translates it) and an English `message` for
// logs and API users. Internal failures carry no storage detail in `message`; the detail is in
// `internal_detail` for the server log only.
//
// Thread-safety: a plain value.
#pragma once

#include <string>
#include <utility>

#include "base/status.h"

namespace chorus::program {

enum class Failure {
  kNone,
  kInvalid,          // bad input: 400/422
  kUnauthenticated,  // not signed in / bad credentials: 401
  kForbidden,        // signed in but not allowed: 403
  kNotFound,         // 404 (also used where revealing existence would leak)
  kConflict,         // the object changed state meanwhile: 409
  kThrottled,        // too many attempts: 429
  kInternal,         // storage or engine failure: 500
};

struct [[nodiscard]] Outcome {
  Failure failure = Failure::kNone;
  std::string code;     // e.g. "not_found", "invalid_email"
  std::string message;  // English, for API users
  std::string internal_detail;
  int retry_after_seconds = 0;

  bool ok() const { return failure == Failure::kNone; }

  static Outcome Ok() { return {}; }
  static Outcome Fail(Failure failure, std::string code, std::string message) {
    Outcome o;
    o.failure = failure;
    o.code = std::move(code);
    o.message = std::move(message);
    return o;
  }
  // A storage or engine failure: the message is generic, the detail goes to the log.
  // Ok for an ok status, else Internal(status): a storage step inside a transaction body.
  static Outcome FromStatus(const Status& status) { return status.ok() ? Ok() : Internal(status); }
  static Outcome Internal(const Status& status) {
    Outcome o = Fail(Failure::kInternal, "internal", "internal error");
    o.internal_detail = status.ToString();
    return o;
  }
  static Outcome NotFound() { return Fail(Failure::kNotFound, "not_found", "no such object"); }
  static Outcome Forbidden() {
    return Fail(Failure::kForbidden, "forbidden", "you are not allowed to do this");
  }
};

}  // namespace chorus::program
