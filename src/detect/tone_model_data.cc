// CMake defines CHORUS_TONE_MODEL_FILE (the absolute path of packs/tone/model.ftz) and
// CHORUS_TONE_MODEL_SHA256 (its hash, so that ccache compiles this file again whenever the
// model changes: the assembler reads the file, which the preprocessor never sees).
#include "detect/tone_model_data.h"

#ifndef CHORUS_TONE_MODEL_FILE
#error "CHORUS_TONE_MODEL_FILE must name packs/tone/model.ftz"
#endif

__asm__(
    ".pushsection .rodata\n"
    ".balign 16\n"
    "chorus_tone_model_begin:\n"
    ".incbin \"" CHORUS_TONE_MODEL_FILE
    "\"\n"
    "chorus_tone_model_end:\n"
    ".popsection\n");

extern "C" const char chorus_tone_model_begin[];
extern "C" const char chorus_tone_model_end[];

namespace chorus::detect {

std::string_view ShippedToneModelBytes() {
  // CHORUS_TONE_MODEL_SHA256 is used here so that it is part of what ccache hashes.
  static_assert(sizeof(CHORUS_TONE_MODEL_SHA256) > 1, "the model's hash is defined");
  return std::string_view(chorus_tone_model_begin,
                          static_cast<size_t>(chorus_tone_model_end - chorus_tone_model_begin));
}

}  // namespace chorus::detect
