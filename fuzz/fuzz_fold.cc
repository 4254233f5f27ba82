// Fuzz target: folding any bytes keeps its invariants (valid UTF-8 out, one origin per byte,
// origins inside the input and never decreasing).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/fold.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  chorus::text::FoldedText folded;
  chorus::text::Fold(input, &folded);
  if (folded.origin.size() != folded.text.size() + 1) std::abort();
  if (!chorus::text::IsValidUtf8(folded.text)) std::abort();
  for (size_t i = 0; i < folded.origin.size(); ++i) {
    if (folded.origin[i] > size) std::abort();
    if (i > 0 && folded.origin[i] < folded.origin[i - 1]) std::abort();
  }
  for (const auto& [s, e] : folded.masked_tokens)
    if (s > e || e > folded.text.size()) std::abort();
  for (size_t end = 1; end <= folded.text.size(); end += 7)
    if (folded.OriginalEnd(end) > size) std::abort();
  return 0;
}
