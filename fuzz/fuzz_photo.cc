// Fuzz target: any bytes given as an uploaded photo. Only JPEG, HEIC, PNG and WebP reach
// exiv2; the reader answers with a location or an error with a message, never a crash, and
// what it reports is in range and fit for one line.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "detect/image_location.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  chorus::detect::ImageLocation location;
  const chorus::Status s = chorus::detect::ReadImageLocationFromBytes(input, &location);
  if (!s.ok()) {
    if (s.message().empty() || !location.empty()) std::abort();
    return 0;
  }
  if (chorus::detect::PhotoFormat(input).empty()) std::abort();  // refused formats never pass
  if (location.latitude && (*location.latitude < -90 || *location.latitude > 90)) std::abort();
  if (location.longitude && (*location.longitude < -180 || *location.longitude > 180)) std::abort();
  for (const auto& detail : location.details) {
    if (detail.empty()) std::abort();
    for (const char c : detail)
      if (static_cast<unsigned char>(c) < 0x20) std::abort();
  }
  return 0;
}
