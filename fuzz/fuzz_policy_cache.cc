// Fuzz target: any bytes read as a cached policy (policy_cache.h) are either rejected or give
// a Policy that encodes and decodes to itself; never a crash, a huge allocation or a hang.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policy/policy_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  chorus::Policy policy;
  if (!chorus::DecodePolicy(input, &policy)) return 0;
  chorus::Policy again;
  if (!chorus::DecodePolicy(chorus::EncodePolicy(policy), &again) || !(again == policy))
    std::abort();
  return 0;
}
