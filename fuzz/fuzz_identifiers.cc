// Fuzz target: the identifier finder on any bytes. Findings lie inside the input, are ordered
// by start and never overlap; the phone region callback is asked at most once.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "detect/identifier_finder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const char* region : {"LV", "PL", "IL", "US"}) {
    int asked = 0;
    chorus::detect::IdentifierContext context;
    context.phone_region = [&] {
      ++asked;
      return std::string(region);
    };
    std::vector<chorus::detect::IdentifierFinding> found;
    chorus::detect::FindIdentifiers(input, context, &found);
    if (asked > 1) std::abort();
    size_t previous_end = 0;
    for (const auto& f : found) {
      if (f.start >= f.end || f.end > size || f.start < previous_end) std::abort();
      if (f.source.empty() || f.detail.empty()) std::abort();
      previous_end = f.end;
    }
  }
  return 0;
}
