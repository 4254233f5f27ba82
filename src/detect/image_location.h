// Location data in photos: reads EXIF GPS tags and other location metadata (IPTC and XMP
// city, country, sub-location) with exiv2. Used by `chorus check --image FILE` and the
// server's photo checks to warn that a photo reveals where it was taken.
//
// Photos are untrusted: only the formats phones produce (JPEG, HEIC, PNG, WebP, recognised by
// their first bytes) reach exiv2, files are read up to kMaxImageFileBytes, and exiv2 may
// allocate at most kMaxMetadataAllocationBytes while reading one photo (see
// base/allocation_budget.h); past that the photo is refused with an error.
// Thread-safe: each call opens its own image.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace chorus::detect {

// Largest photo file `ReadImageLocation` reads.
constexpr size_t kMaxImageFileBytes = 64 << 20;
// What exiv2 may allocate, in total, while reading one photo's metadata.
constexpr size_t kMaxMetadataAllocationBytes = 64 << 20;

// "JPEG", "HEIC", "PNG" or "WebP" when `bytes` start like a photo in that format; "" otherwise.
std::string_view PhotoFormat(std::string_view bytes);

struct ImageLocation {
  std::optional<double> latitude;   // decimal degrees, south negative
  std::optional<double> longitude;  // decimal degrees, west negative
  // Other location metadata as "key: value" ("Iptc.Application2.City: Riga",
  // "Xmp.photoshop.Country: Latvia"), in the order found.
  std::vector<std::string> details;

  bool has_gps() const { return latitude.has_value() && longitude.has_value(); }
  bool empty() const { return !has_gps() && details.empty(); }
};

// Reads the image at `path` into `out`. Returns an error (with exiv2's reason in plain words)
// when the file is missing, unreadable, too large, not in an accepted format, or needs more
// memory to read than allowed; an image without any location data is OK with `out->empty()`.
Status ReadImageLocation(const std::string& path, ImageLocation* out);

// The same for an image held in memory (an upload), without a temporary file.
Status ReadImageLocationFromBytes(std::string_view bytes, ImageLocation* out);

}  // namespace chorus::detect
