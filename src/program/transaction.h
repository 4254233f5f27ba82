// InTransaction: one store transaction whose body answers with an Outcome. The single place
// that turns a refused step (not found, conflict, invalid) into a rollback: the body returns
// the failed Outcome, the transaction is rolled back and that Outcome is returned unchanged.
// A storage failure inside the body is returned by the body as Outcome::Internal(status);
// a failure to commit becomes Outcome::Internal too. A successful body is committed.
//
// Thread-safety: as store::Store::Transaction (the body runs on the calling thread).
#pragma once

#include <functional>

#include "program/outcome.h"
#include "store/store.h"

namespace chorus::program {

Outcome InTransaction(store::Store& store, const std::function<Outcome(store::Store&)>& body);

}  // namespace chorus::program
