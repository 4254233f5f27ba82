// The tone model shipped in packs/tone/model.ftz, compiled into the binary (by the
// assembler's .incbin, see tone_model_data.cc and CMakeLists.txt) so that `chorus` carries it
// wherever it is copied, like the language packs. Thread-safe: the bytes are immutable.
#pragma once

#include <string_view>

namespace chorus::detect {

std::string_view ShippedToneModelBytes();

}  // namespace chorus::detect
