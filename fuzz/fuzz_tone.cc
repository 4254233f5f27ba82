// Fuzz target: any bytes as a post get tone tokens without newlines, tabs or label prefixes,
// and a tone from the shipped model with a score in [0, 1]. The first byte picks the
// language code, so unknown and empty codes are reached too.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "detect/tone.h"
#include "detect/tone_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kLanguages[] = {"en", "lv", "pl", "he", "", "x\n y", "__label__"};
  static std::shared_ptr<const chorus::detect::ToneModel> model = [] {
    std::shared_ptr<const chorus::detect::ToneModel> m;
    if (!chorus::detect::ToneModel::Shipped(&m).ok()) std::abort();
    return m;
  }();
  if (size == 0) return 0;
  const char* language = kLanguages[data[0] % 7];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string tokens = chorus::detect::ToneTokens(text, language);
  if (tokens.find_first_of("\n\t\r") != std::string::npos) std::abort();
  if (tokens.find("__label__") != std::string::npos) std::abort();
  const chorus::detect::Tone tone = model->Predict(text, language);
  if (!(tone.score >= 0.0f && tone.score <= 1.0f)) std::abort();
  return 0;
}
