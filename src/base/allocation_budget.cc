#include "base/allocation_budget.h"

#include <cstdio>
#include <cstdlib>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHORUS_NO_OPERATOR_NEW 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CHORUS_NO_OPERATOR_NEW 1
#endif

namespace chorus {
namespace {

thread_local AllocationBudget* active_budget = nullptr;

}  // namespace

AllocationBudget::AllocationBudget(size_t max_bytes) : limit_(max_bytes) {
  if (active_budget != nullptr) {
    std::fputs("chorus: nested AllocationBudget\n", stderr);
    std::abort();
  }
  active_budget = this;
}

AllocationBudget::~AllocationBudget() {
  End();
}

void AllocationBudget::End() {
  if (active_) active_budget = nullptr;
  active_ = false;
}

bool AllocationBudget::Enforced() {
#ifdef CHORUS_NO_OPERATOR_NEW
  return false;
#else
  return true;
#endif
}

bool AllocationBudget::Charge(size_t size) noexcept {
  AllocationBudget* budget = active_budget;
  if (budget == nullptr) return true;
  budget->allocated_ += size;
  if (budget->exceeded_ || budget->allocated_ > budget->limit_) {
    budget->exceeded_ = true;
    return false;
  }
  return true;
}

}  // namespace chorus

#ifndef CHORUS_NO_OPERATOR_NEW
// The replacement of the global allocation function (C++20 [new.delete.single]). libstdc++'s
// array and nothrow forms call this one, and its operator delete calls free(), which matches.
void* operator new(std::size_t size) {
  if (!chorus::AllocationBudget::Charge(size)) throw std::bad_alloc();
  if (size == 0) size = 1;
  while (true) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}
#endif
