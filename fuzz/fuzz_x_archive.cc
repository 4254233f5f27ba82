// Fuzz target: the x archive importer (src/ingest/x_archive.h). For any bytes it neither
// crashes nor hangs; every post it yields has an id; reading the same bytes in one piece or
// in small pieces gives the same posts and the same outcome.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "ingest/x_archive.h"
#include "ingest_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chorus::ingest::fuzz::CheckReader(chorus::ingest::ReadXTweets,
                                    std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
