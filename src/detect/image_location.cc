#include "detect/image_location.h"

#include <charconv>
#include <cmath>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <exiv2/exiv2.hpp>

#include "base/allocation_budget.h"
#include "base/capped_read.h"

namespace chorus::detect {
namespace {

constexpr double kMaxLatitude = 90.0;
constexpr double kMaxLongitude = 180.0;

// Location fields other than GPS, by exiv2 key.
constexpr std::string_view kIptcLocationKeys[] = {
    "Iptc.Application2.LocationName", "Iptc.Application2.SubLocation",
    "Iptc.Application2.City",         "Iptc.Application2.ProvinceState",
    "Iptc.Application2.CountryName",  "Iptc.Application2.CountryCode",
};
constexpr std::string_view kXmpLocationKeys[] = {
    "Xmp.iptc.Location",  // Iptc4xmpCore:Location (sub-location)
    "Xmp.photoshop.City", "Xmp.photoshop.State", "Xmp.photoshop.Country", "Xmp.iptc.CountryCode",
};
// IPTC Extension location structures; exiv2 flattens their fields into keys such as
// "Xmp.iptcExt.LocationCreated[1]/iptcExt:City".
constexpr std::string_view kXmpLocationStructPrefixes[] = {
    "Xmp.iptcExt.LocationCreated",
    "Xmp.iptcExt.LocationShown",
};

// The XMP toolkit inside exiv2 registers namespaces in global tables; initialize() must run
// once before any concurrent use, and the lock serializes later registrations.
std::mutex xmp_toolkit_mutex;

void LockXmpToolkit(void* /*unused*/, bool lock) {
  if (lock) {
    xmp_toolkit_mutex.lock();
  } else {
    xmp_toolkit_mutex.unlock();
  }
}

void InitializeExiv2Once() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::XmpParser::initialize(LockXmpToolkit, nullptr);
    // HEIC (ISO base media file format) is off in exiv2 until asked for.
    Exiv2::enableBMFF(true);
    // exiv2 prints warnings about odd metadata to stderr; callers get errors as Status instead.
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  });
}

// EXIF stores a coordinate as up to three unsigned rationals (degrees, minutes, seconds) and
// the hemisphere in a separate "Ref" tag ("N"/"S", "E"/"W").
std::optional<double> ExifCoordinate(const Exiv2::ExifData& exif, const char* value_key,
                                     const char* ref_key, double max_degrees) {
  auto datum = exif.findKey(Exiv2::ExifKey(value_key));
  if (datum == exif.end()) return std::nullopt;
  if (datum->typeId() != Exiv2::unsignedRational && datum->typeId() != Exiv2::signedRational) {
    return std::nullopt;
  }
  const long count = datum->count();
  if (count < 1 || count > 3) return std::nullopt;

  double degrees = 0.0;
  double unit = 1.0;  // 1 for degrees, 1/60 for minutes, 1/3600 for seconds
  for (long i = 0; i < count; ++i, unit /= 60.0) {
    Exiv2::Rational part = datum->toRational(i);
    if (part.second == 0) {
      if (part.first == 0) continue;  // "0/0": the camera left this part unknown
      return std::nullopt;
    }
    double value = static_cast<double>(part.first) / part.second;
    if (!std::isfinite(value) || value < 0) return std::nullopt;
    degrees += value * unit;
  }
  if (degrees > max_degrees) return std::nullopt;

  auto ref = exif.findKey(Exiv2::ExifKey(ref_key));
  if (ref != exif.end()) {
    std::string hemisphere = ref->toString();
    if (!hemisphere.empty() && (hemisphere[0] == 'S' || hemisphere[0] == 's' ||
                                hemisphere[0] == 'W' || hemisphere[0] == 'w')) {
      degrees = -degrees;
    }
  }
  return degrees;
}

std::optional<double> ParseNonNegative(std::string_view text) {
  double value = 0.0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (!std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

// XMP (exif:GPSLatitude, exif:GPSLongitude) writes a coordinate as "DDD,MM.mmk" or
// "DDD,MM,SSk", k being the hemisphere letter (XMP Specification Part 2, GPSCoordinate).
std::optional<double> XmpCoordinate(std::string_view text, char positive, char negative,
                                    double max_degrees) {
  if (text.size() < 2) return std::nullopt;
  char hemisphere = text.back();
  if (hemisphere >= 'a' && hemisphere <= 'z') hemisphere = static_cast<char>(hemisphere - 32);
  if (hemisphere != positive && hemisphere != negative) return std::nullopt;
  text.remove_suffix(1);

  double degrees = 0.0;
  double unit = 1.0;
  int parts = 0;
  while (true) {
    size_t comma = text.find(',');
    std::optional<double> value = ParseNonNegative(text.substr(0, comma));
    if (!value || ++parts > 3) return std::nullopt;
    degrees += *value * unit;
    unit /= 60.0;
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (degrees > max_degrees) return std::nullopt;
  return hemisphere == negative ? -degrees : degrees;
}

std::optional<double> XmpCoordinate(const Exiv2::XmpData& xmp, const char* key, char positive,
                                    char negative, double max_degrees) {
  auto datum = xmp.findKey(Exiv2::XmpKey(key));
  if (datum == xmp.end()) return std::nullopt;
  return XmpCoordinate(datum->toString(), positive, negative, max_degrees);
}

// Metadata text made fit for one line of a report: control characters become spaces, and
// surrounding spaces are dropped.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  size_t last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

std::string XmpText(const Exiv2::Xmpdatum& datum) {
  // Array and structure containers ("Xmp.iptcExt.LocationCreated", "...[1]") carry no text of
  // their own; exiv2 lists their fields as separate entries.
  const auto* xmp_value = dynamic_cast<const Exiv2::XmpValue*>(&datum.value());
  if (xmp_value != nullptr && datum.typeId() == Exiv2::xmpText &&
      (xmp_value->xmpArrayType() != Exiv2::XmpValue::xaNone ||
       xmp_value->xmpStruct() != Exiv2::XmpValue::xsNone)) {
    return "";
  }
  if (datum.typeId() != Exiv2::langAlt) return datum.toString();
  // A language alternative: the x-default entry, else the first one.
  const auto& alternatives = static_cast<const Exiv2::LangAltValue&>(datum.value());
  std::string text = alternatives.toString(0);
  if (text.empty() && !alternatives.value_.empty()) text = alternatives.value_.begin()->second;
  return text;
}

bool IsXmpLocationKey(std::string_view key) {
  for (std::string_view wanted : kXmpLocationKeys) {
    if (key == wanted) return true;
  }
  for (std::string_view prefix : kXmpLocationStructPrefixes) {
    if (key.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

bool IsIptcLocationKey(std::string_view key) {
  for (std::string_view wanted : kIptcLocationKeys) {
    if (key == wanted) return true;
  }
  return false;
}

void AddDetail(const std::string& key, std::string value, ImageLocation* out) {
  value = OneLine(std::move(value));
  if (!value.empty()) out->details.push_back(key + ": " + value);
}

void ReadLocation(const Exiv2::Image& image, ImageLocation* out) {
  const Exiv2::ExifData& exif = image.exifData();
  const Exiv2::XmpData& xmp = image.xmpData();

  out->latitude =
      ExifCoordinate(exif, "Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLatitudeRef", kMaxLatitude);
  out->longitude = ExifCoordinate(exif, "Exif.GPSInfo.GPSLongitude", "Exif.GPSInfo.GPSLongitudeRef",
                                  kMaxLongitude);
  if (!out->has_gps()) {
    out->latitude = XmpCoordinate(xmp, "Xmp.exif.GPSLatitude", 'N', 'S', kMaxLatitude);
    out->longitude = XmpCoordinate(xmp, "Xmp.exif.GPSLongitude", 'E', 'W', kMaxLongitude);
  }
  // Exactly 0,0 is what devices write when they had no fix, not a place in the Gulf of Guinea.
  if (out->has_gps() && *out->latitude == 0.0 && *out->longitude == 0.0) {
    out->latitude.reset();
    out->longitude.reset();
  }

  for (const Exiv2::Iptcdatum& datum : image.iptcData()) {
    if (IsIptcLocationKey(datum.key())) AddDetail(datum.key(), datum.toString(), out);
  }
  for (const Exiv2::Xmpdatum& datum : xmp) {
    if (IsXmpLocationKey(datum.key())) AddDetail(datum.key(), XmpText(datum), out);
  }
}

// exiv2 messages often start with the path ("/x.jpg: Failed to open the data source: ...");
// the path is already in our message.
std::string Exiv2Reason(const std::string& path, std::string message) {
  std::string prefix = path + ": ";
  if (message.compare(0, prefix.size(), prefix) == 0) message.erase(0, prefix.size());
  return message;
}

// Opens the image with `open` (which may throw) and reads its location data; every exiv2
// failure becomes an error that starts with `context`. Whatever exiv2 allocates meanwhile
// counts against one AllocationBudget.
template <typename OpenFn>
Status ReadWith(OpenFn open, const std::string& context, const std::string& path,
                ImageLocation* out) {
  *out = ImageLocation();
  InitializeExiv2Once();
  std::string error;
  AllocationBudget budget(kMaxMetadataAllocationBytes);
  try {
    auto image = open();
    if (image.get() == nullptr) {
      budget.End();
      error = "unknown image type";
    } else {
      image->readMetadata();
      ReadLocation(*image, out);
    }
    budget.End();
  } catch (const Exiv2::AnyError& e) {
    budget.End();
    error = Exiv2Reason(path, e.what());
  } catch (const std::exception& e) {
    budget.End();
    error = e.what();
  } catch (...) {
    budget.End();
    error = "unexpected error in exiv2";
  }
  // exiv2 may catch a refused allocation and go on; the photo is refused all the same.
  const bool over_budget = budget.exceeded();
  if (over_budget) {
    *out = ImageLocation();
    return Status::Error(context + "reading its metadata needs more than " +
                         DescribeBytes(kMaxMetadataAllocationBytes) +
                         " of memory; the photo is refused as broken or hostile");
  }
  if (!error.empty()) {
    *out = ImageLocation();
    return Status::Error(context + error);
  }
  return Status::Ok();
}

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string_view PhotoFormat(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (StartsWith(bytes, "\xFF\xD8\xFF"sv)) return "JPEG";
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n"sv)) return "PNG";
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv)
    return "WebP";
  // HEIC: an ISO base media file whose first box is "ftyp" with a HEIF image brand.
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp"sv) {
    const std::string_view brand = bytes.substr(8, 4);
    for (std::string_view heif : {"heic"sv, "heix"sv, "hevc"sv, "hevx"sv, "heim"sv, "heis"sv,
                                  "hevm"sv, "hevs"sv, "mif1"sv, "msf1"sv}) {
      if (brand == heif) return "HEIC";
    }
  }
  return "";
}

Status ReadImageLocation(const std::string& path, ImageLocation* out) {
  *out = ImageLocation();
  const std::string context = "cannot read image " + path + ": ";
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return Status::Error(context + "is a directory");
  std::string bytes;
  if (Status s = ReadFileCapped(path, kMaxImageFileBytes, &bytes); !s.ok()) return s;
  if (bytes.empty()) return Status::Error(context + "it is empty");
  if (PhotoFormat(bytes).empty())
    return Status::Error(context + "not a JPEG, HEIC, PNG or WebP photo");
  return ReadWith(
      [&] {
        return Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                         static_cast<long>(bytes.size()));
      },
      context, path, out);
}

Status ReadImageLocationFromBytes(std::string_view bytes, ImageLocation* out) {
  *out = ImageLocation();
  const std::string context = "cannot read the photo: ";
  if (bytes.empty()) return Status::Error(context + "it is empty");
  if (PhotoFormat(bytes).empty())
    return Status::Error(context + "not a JPEG, HEIC, PNG or WebP photo");
  return ReadWith(
      [&] {
        return Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                         static_cast<long>(bytes.size()));
      },
      context, "", out);
}

}  // namespace chorus::detect
