// Fuzz target: an uploaded export as a whole (src/ingest/importer.h): zip archives with
// their members, or any plain format, detected from content. For any bytes it neither
// crashes nor unpacks without limit (small limits here); the outcome is deterministic.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/importer.h"

namespace {

chorus::Status Run(std::string_view input, size_t* posts) {
  chorus::ingest::ImportOptions options;
  options.zip.max_member_bytes = 1 << 20;
  options.zip.max_total_bytes = 4 << 20;
  chorus::ingest::Platform platform;
  *posts = 0;
  return chorus::ingest::ImportBytes(input, options, &platform,
                                     [&](chorus::ingest::IngestedPost&& p) {
                                       if (p.platform_id.empty()) std::abort();
                                       ++*posts;
                                       return chorus::Status::Ok();
                                     });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t a = 0, b = 0;
  const bool first = Run(input, &a).ok();
  const bool second = Run(input, &b).ok();
  if (first != second || a != b) std::abort();
  return 0;
}
