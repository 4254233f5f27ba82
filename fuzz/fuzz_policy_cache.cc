// Fuzz target: any bytes read as a cached policy (policy_cache.h) or cached language packs
// (language_pack_cache.h) are either rejected or give a value that encodes and decodes to
// itself; never a crash, a huge allocation or a hang.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "policy/language_pack_cache.h"
#include "policy/policy_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<chorus::LanguagePack> packs;
  if (chorus::DecodeLanguagePacks(input, &packs)) {
    const std::string bytes = chorus::EncodeLanguagePacks(packs);
    std::vector<chorus::LanguagePack> again;
    if (!chorus::DecodeLanguagePacks(bytes, &again) || chorus::EncodeLanguagePacks(again) != bytes)
      std::abort();
  }
  chorus::Policy policy;
  if (!chorus::DecodePolicy(input, &policy)) return 0;
  chorus::Policy again;
  if (!chorus::DecodePolicy(chorus::EncodePolicy(policy), &again) || !(again == policy))
    std::abort();
  return 0;
}
