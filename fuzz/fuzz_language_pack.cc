// Fuzz target: any bytes given as a language pack (packs/lang/*.yaml) either parse or fail
// with a message; never a crash, an exception or a runaway allocation (alias bombs are
// refused by the YAML size check).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policy/language_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  chorus::LanguagePack pack;
  const chorus::Status s = chorus::ParseLanguagePack(input, &pack);
  if (!s.ok() && s.message().empty()) std::abort();
  if (s.ok()) {
    // Labels and lexicons are usable as read.
    (void)pack.Ui("verdict_ok");
    (void)pack.Lexicon("no-such-lexicon");
  }
  return 0;
}
