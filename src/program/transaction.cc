#include "program/transaction.h"

namespace chorus::program {

Outcome InTransaction(store::Store& store, const std::function<Outcome(store::Store&)>& body) {
  Outcome result;
  const Status s = store.Transaction([&](store::Store& tx) {
    result = body(tx);
    // The store rolls back on any error; the message is never shown (result says why).
    return result.ok() ? Status::Ok() : Status::Error("rolled back: " + result.code);
  });
  if (!result.ok()) return result;
  if (!s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

}  // namespace chorus::program
