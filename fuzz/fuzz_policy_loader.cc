// Fuzz target: any bytes given as a policy file are either accepted or answered with
// problems that carry a message; never a crash or an exception.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policy/policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto problems = chorus::LintPolicy(input);
  for (const auto& p : problems)
    if (p.ok() || p.message().empty()) std::abort();
  chorus::Policy policy;
  const chorus::Status s = chorus::LoadPolicy(input, &policy);
  if (s.ok() != problems.empty()) std::abort();
  return 0;
}
