// AllocationBudget: a cap on the bytes one thread may allocate with operator new while a
// piece of third-party code runs (exiv2 reading a photo's metadata), so that hostile input
// cannot make a library allocate gigabytes. While a budget is active on a thread, every
// operator new on that thread adds its size; once the total passes the limit, that and every
// later operator new on the thread throws std::bad_alloc until the budget ends. The count is
// cumulative (frees do not give bytes back), so it bounds the peak as well.
//
// The program's operator new is replaced for this (allocation_budget.cc) in ordinary builds;
// under AddressSanitizer, which owns operator new, budgets count nothing and `Enforced()`
// is false.
//
// Thread-safety: a budget belongs to the thread that created it; other threads are not
// counted. Budgets do not nest (a second one on the same thread aborts the program), and
// end on the thread that started them.
#pragma once

#include <cstddef>

namespace chorus {

class AllocationBudget {
 public:
  explicit AllocationBudget(size_t max_bytes);
  ~AllocationBudget();
  AllocationBudget(const AllocationBudget&) = delete;
  AllocationBudget& operator=(const AllocationBudget&) = delete;

  // Stops counting (as the destructor does) and keeps the numbers for reading; for catch
  // handlers that must allocate freely after the budget ran out.
  void End();

  // Bytes requested so far under this budget (including the refused request).
  size_t allocated() const { return allocated_; }
  // True once a request went past the limit.
  bool exceeded() const { return exceeded_; }
  size_t limit() const { return limit_; }

  // False in builds where operator new cannot be replaced (sanitizers).
  static bool Enforced();

  // Used by the replaced operator new: counts `size` against the thread's active budget and
  // returns false when it must be refused. Not for other callers.
  static bool Charge(size_t size) noexcept;

 private:
  size_t limit_;
  size_t allocated_ = 0;
  bool exceeded_ = false;
  bool active_ = true;
};

}  // namespace chorus
