#include "detect/image_location.h"

#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <exiv2/exiv2.hpp>

#include "base/allocation_budget.h"

namespace chorus::detect {
namespace {

namespace fs = std::filesystem;

constexpr double kTolerance = 1e-6;

// A 1x1 grey baseline JPEG with no metadata, built marker by marker.
std::string MinimalJpeg() {
  std::string jpeg;
  auto bytes = [&jpeg](std::initializer_list<int> values) {
    for (int value : values) jpeg.push_back(static_cast<char>(value));
  };
  bytes({0xFF, 0xD8});  // SOI
  // APP0 "JFIF", version 1.1, no units, 1:1 pixel aspect, no thumbnail.
  bytes({0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
         0x00, 0x00});
  // DQT: table 0, 8-bit, all 64 quantizers 1.
  bytes({0xFF, 0xDB, 0x00, 0x43, 0x00});
  jpeg.append(64, '\x01');
  // SOF0: 8-bit samples, 1 line of 1 pixel, one component (id 1, 1x1 sampling, table 0).
  bytes({0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00});
  // DHT: DC table 0 and AC table 0, each a single 1-bit code "0" for symbol 0x00 (DC: no
  // difference; AC: end of block).
  for (int table_class : {0x00, 0x10}) {
    bytes({0xFF, 0xC4, 0x00, 0x14, table_class, 0x01});
    jpeg.append(15, '\0');
    bytes({0x00});
  }
  // SOS: one component with tables 0/0, spectral selection 0..63, no approximation.
  bytes({0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00});
  // Entropy-coded data: DC code "0", EOB code "0", padded with 1 bits.
  bytes({0x3F});
  bytes({0xFF, 0xD9});  // EOI
  return jpeg;
}

void WriteFile(const fs::path& path, const std::string& contents) {
  std::ofstream file(path, std::ios::binary);
  file << contents;
  ASSERT_TRUE(file.good()) << path;
}

using Tags = std::vector<std::pair<std::string, std::string>>;

// Sets metadata with exiv2 itself; keys starting "Exif.", "Iptc." or "Xmp." go to their block.
void WriteTags(const fs::path& path, const Tags& tags) {
  auto image = Exiv2::ImageFactory::open(path.string());
  image->readMetadata();
  for (const auto& [key, value] : tags) {
    if (key.rfind("Exif.", 0) == 0) {
      image->exifData()[key] = value;
    } else if (key.rfind("Iptc.", 0) == 0) {
      image->iptcData()[key] = value;
    } else {
      image->xmpData()[key] = value;
    }
  }
  image->writeMetadata();
}

class ImageLocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "chorus_image_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // A fresh copy of the minimal JPEG carrying `tags`.
  fs::path ImageWith(const std::string& name, const Tags& tags) {
    fs::path path = dir_ / name;
    WriteFile(path, MinimalJpeg());
    if (!tags.empty()) WriteTags(path, tags);
    return path;
  }

  ImageLocation Read(const fs::path& path) {
    ImageLocation location;
    Status status = ReadImageLocation(path.string(), &location);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return location;
  }

  fs::path dir_;
};

TEST_F(ImageLocationTest, ImageWithoutMetadataIsEmpty) {
  ImageLocation location = Read(ImageWith("plain.jpg", {}));
  EXPECT_TRUE(location.empty());
  EXPECT_FALSE(location.has_gps());
  EXPECT_TRUE(location.details.empty());
}

TEST_F(ImageLocationTest, NorthEastIsPositive) {
  // Riga: 56° 56' 58.56" N, 24° 6' 18.72" E.
  ImageLocation location =
      Read(ImageWith("riga.jpg", {
                                     {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                     {"Exif.GPSInfo.GPSLatitude", "56/1 56/1 5856/100"},
                                     {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                     {"Exif.GPSInfo.GPSLongitude", "24/1 6/1 1872/100"},
                                 }));
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, 56.9496, kTolerance);
  EXPECT_NEAR(*location.longitude, 24.1052, kTolerance);
  EXPECT_FALSE(location.empty());
}

TEST_F(ImageLocationTest, SouthLatitudeIsNegative) {
  // Sydney: 33° 52' 7.68" S, 151° 12' 33.48" E.
  ImageLocation location =
      Read(ImageWith("sydney.jpg", {
                                       {"Exif.GPSInfo.GPSLatitudeRef", "S"},
                                       {"Exif.GPSInfo.GPSLatitude", "33/1 52/1 768/100"},
                                       {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                       {"Exif.GPSInfo.GPSLongitude", "151/1 12/1 3348/100"},
                                   }));
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, -33.8688, kTolerance);
  EXPECT_NEAR(*location.longitude, 151.2093, kTolerance);
}

TEST_F(ImageLocationTest, WestLongitudeIsNegative) {
  // New York: 40° 42' 46.08" N, 74° 0' 21.6" W.
  ImageLocation location =
      Read(ImageWith("new_york.jpg", {
                                         {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                         {"Exif.GPSInfo.GPSLatitude", "40/1 42/1 4608/100"},
                                         {"Exif.GPSInfo.GPSLongitudeRef", "W"},
                                         {"Exif.GPSInfo.GPSLongitude", "74/1 0/1 216/10"},
                                     }));
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, 40.7128, kTolerance);
  EXPECT_NEAR(*location.longitude, -74.0060, kTolerance);
}

TEST_F(ImageLocationTest, SouthWestAreBothNegative) {
  // Rio de Janeiro: 22° 54' 25.2" S, 43° 10' 22.8" W, written as degrees and decimal minutes.
  ImageLocation location =
      Read(ImageWith("rio.jpg", {
                                    {"Exif.GPSInfo.GPSLatitudeRef", "S"},
                                    {"Exif.GPSInfo.GPSLatitude", "22/1 5442/100 0/1"},
                                    {"Exif.GPSInfo.GPSLongitudeRef", "W"},
                                    {"Exif.GPSInfo.GPSLongitude", "43/1 1038/100 0/1"},
                                }));
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, -22.907, kTolerance);
  EXPECT_NEAR(*location.longitude, -43.173, kTolerance);
}

TEST_F(ImageLocationTest, MissingReferenceMeansNorthAndEast) {
  ImageLocation location =
      Read(ImageWith("no_ref.jpg", {
                                       {"Exif.GPSInfo.GPSLatitude", "10/1 30/1 0/1"},
                                       {"Exif.GPSInfo.GPSLongitude", "20/1 15/1 0/1"},
                                   }));
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, 10.5, kTolerance);
  EXPECT_NEAR(*location.longitude, 20.25, kTolerance);
}

TEST_F(ImageLocationTest, UnknownSecondsWrittenAsZeroOverZeroAreIgnored) {
  ImageLocation location =
      Read(ImageWith("zero_zero.jpg", {
                                          {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                          {"Exif.GPSInfo.GPSLatitude", "56/1 30/1 0/0"},
                                          {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                          {"Exif.GPSInfo.GPSLongitude", "24/1 6/1 0/0"},
                                      }));
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, 56.5, kTolerance);
  EXPECT_NEAR(*location.longitude, 24.1, kTolerance);
}

TEST_F(ImageLocationTest, ImpossibleCoordinatesAreIgnored) {
  ImageLocation location =
      Read(ImageWith("impossible.jpg", {
                                           {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                           {"Exif.GPSInfo.GPSLatitude", "95/1 0/1 0/1"},
                                           {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                           {"Exif.GPSInfo.GPSLongitude", "24/0 6/1 0/1"},
                                       }));
  EXPECT_FALSE(location.latitude.has_value());
  EXPECT_FALSE(location.longitude.has_value());
  EXPECT_TRUE(location.empty());
}

TEST_F(ImageLocationTest, ZeroZeroMeansNoFix) {
  ImageLocation location =
      Read(ImageWith("null_island.jpg", {
                                            {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                            {"Exif.GPSInfo.GPSLatitude", "0/1 0/1 0/1"},
                                            {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                            {"Exif.GPSInfo.GPSLongitude", "0/1 0/1 0/1"},
                                        }));
  EXPECT_TRUE(location.empty());
}

TEST_F(ImageLocationTest, ReadsIptcLocationFields) {
  ImageLocation location =
      Read(ImageWith("iptc.jpg", {
                                     {"Iptc.Application2.City", "Riga"},
                                     {"Iptc.Application2.SubLocation", "Old Town"},
                                     {"Iptc.Application2.CountryName", "Latvia"},
                                     {"Iptc.Application2.Caption", "Not a place"},
                                 }));
  EXPECT_FALSE(location.has_gps());
  EXPECT_FALSE(location.empty());
  EXPECT_EQ(location.details, (std::vector<std::string>{
                                  "Iptc.Application2.City: Riga",
                                  "Iptc.Application2.SubLocation: Old Town",
                                  "Iptc.Application2.CountryName: Latvia",
                              }));
}

TEST_F(ImageLocationTest, ReadsXmpLocationFields) {
  ImageLocation location = Read(ImageWith("xmp.jpg", {
                                                         {"Xmp.photoshop.City", "Kraków"},
                                                         {"Xmp.photoshop.Country", "Poland"},
                                                         {"Xmp.iptc.Location", "Rynek Główny"},
                                                         {"Xmp.dc.creator", "Not a place"},
                                                     }));
  EXPECT_FALSE(location.has_gps());
  ASSERT_EQ(location.details.size(), 3u);
  EXPECT_EQ(location.details[0], "Xmp.photoshop.City: Kraków");
  EXPECT_EQ(location.details[1], "Xmp.photoshop.Country: Poland");
  EXPECT_EQ(location.details[2], "Xmp.iptc.Location: Rynek Główny");
}

TEST_F(ImageLocationTest, ReadsIptcExtensionLocationStructures) {
  fs::path path = ImageWith("iptc_ext.jpg", {});
  {
    auto image = Exiv2::ImageFactory::open(path.string());
    image->readMetadata();
    Exiv2::XmpTextValue bag;
    bag.setXmpArrayType(Exiv2::XmpValue::xaBag);
    image->xmpData().add(Exiv2::XmpKey("Xmp.iptcExt.LocationCreated"), &bag);
    image->xmpData()["Xmp.iptcExt.LocationCreated[1]/iptcExt:City"] = "Tel Aviv";
    image->xmpData().add(Exiv2::XmpKey("Xmp.iptcExt.LocationShown"), &bag);
    // A language alternative without an x-default entry: its first entry is reported.
    Exiv2::LangAltValue name("lang=lv Vecrīga");
    image->xmpData().add(Exiv2::XmpKey("Xmp.iptcExt.LocationShown[1]/iptcExt:LocationName"), &name);
    image->writeMetadata();
  }
  ImageLocation location = Read(path);
  EXPECT_EQ(location.details, (std::vector<std::string>{
                                  "Xmp.iptcExt.LocationCreated[1]/iptcExt:City: Tel Aviv",
                                  "Xmp.iptcExt.LocationShown[1]/iptcExt:LocationName: Vecrīga",
                              }));
}

TEST_F(ImageLocationTest, ReadsXmpGpsWhenExifHasNone) {
  ImageLocation location =
      Read(ImageWith("xmp_gps.jpg", {
                                        {"Xmp.exif.GPSLatitude", "33,52.128S"},
                                        {"Xmp.exif.GPSLongitude", "151,12,33.48E"},
                                    }));
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, -33.8688, kTolerance);
  EXPECT_NEAR(*location.longitude, 151.2093, kTolerance);
}

TEST_F(ImageLocationTest, IgnoresMalformedXmpGps) {
  ImageLocation location =
      Read(ImageWith("xmp_bad_gps.jpg", {
                                            {"Xmp.exif.GPSLatitude", "north"},
                                            {"Xmp.exif.GPSLongitude", "1,2,3,4E"},
                                        }));
  EXPECT_TRUE(location.empty());
}

TEST_F(ImageLocationTest, GpsAndDetailsTogether) {
  ImageLocation location =
      Read(ImageWith("both.jpg", {
                                     {"Exif.GPSInfo.GPSLatitudeRef", "N"},
                                     {"Exif.GPSInfo.GPSLatitude", "32/1 4/1 0/1"},
                                     {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                     {"Exif.GPSInfo.GPSLongitude", "34/1 46/1 0/1"},
                                     {"Xmp.photoshop.City", "Tel Aviv"},
                                 }));
  EXPECT_TRUE(location.has_gps());
  EXPECT_EQ(location.details, std::vector<std::string>{"Xmp.photoshop.City: Tel Aviv"});
}

TEST_F(ImageLocationTest, MissingFileIsAnError) {
  ImageLocation location;
  location.details.push_back("stale");
  fs::path missing = dir_ / "missing.jpg";
  Status status = ReadImageLocation(missing.string(), &location);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find(missing.string()), std::string::npos) << status.message();
  EXPECT_TRUE(location.empty());
}

TEST_F(ImageLocationTest, NonImageFileIsAnError) {
  fs::path text = dir_ / "notes.jpg";
  WriteFile(text, "This is a text file, not a photo.\n");
  ImageLocation location;
  Status status = ReadImageLocation(text.string(), &location);
  EXPECT_FALSE(status.ok());
  EXPECT_FALSE(status.message().empty());
}

TEST_F(ImageLocationTest, EmptyFileIsAnError) {
  fs::path empty = dir_ / "empty.jpg";
  WriteFile(empty, "");
  ImageLocation location;
  EXPECT_FALSE(ReadImageLocation(empty.string(), &location).ok());
}

TEST_F(ImageLocationTest, DirectoryIsAnError) {
  ImageLocation location;
  Status status = ReadImageLocation(dir_.string(), &location);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("directory"), std::string::npos) << status.message();
}

TEST_F(ImageLocationTest, TruncatedJpegDoesNotThrow) {
  std::string jpeg = MinimalJpeg();
  for (size_t length : {size_t{2}, size_t{3}, size_t{25}, jpeg.size() / 2}) {
    fs::path path = dir_ / ("truncated_" + std::to_string(length) + ".jpg");
    WriteFile(path, jpeg.substr(0, length));
    ImageLocation location;
    Status status = ReadImageLocation(path.string(), &location);
    if (status.ok()) {
      EXPECT_TRUE(location.empty()) << length;
    }
  }
}

TEST_F(ImageLocationTest, ConcurrentReads) {
  fs::path path = ImageWith("shared.jpg", {
                                              {"Exif.GPSInfo.GPSLatitudeRef", "S"},
                                              {"Exif.GPSInfo.GPSLatitude", "33/1 52/1 768/100"},
                                              {"Exif.GPSInfo.GPSLongitudeRef", "E"},
                                              {"Exif.GPSInfo.GPSLongitude", "151/1 12/1 3348/100"},
                                              {"Xmp.photoshop.City", "Sydney"},
                                          });
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&path, &failures, t] {
      for (int i = 0; i < 25; ++i) {
        ImageLocation location;
        bool good = ReadImageLocation(path.string(), &location).ok() && location.has_gps() &&
                    *location.latitude < 0 && location.details.size() == 1;
        if (!good) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : failures) EXPECT_EQ(count, 0);
}

// A little-endian TIFF whose first IFD has `entries` entries of type UNDEFINED, all claiming
// the same `data_bytes` bytes as their value: a reader that copies each value multiplies it.
std::string HostileTiff(size_t data_bytes, int entries) {
  std::string tiff = std::string("II*\0", 4);
  auto u16 = [&tiff](uint32_t v) {
    tiff.push_back(static_cast<char>(v & 0xFF));
    tiff.push_back(static_cast<char>(v >> 8));
  };
  auto u32 = [&](uint32_t v) {
    u16(v & 0xFFFF);
    u16(v >> 16);
  };
  u32(8);
  u16(static_cast<uint32_t>(entries));
  const uint32_t data_offset = 8 + 2 + 12 * static_cast<uint32_t>(entries) + 4;
  for (int i = 0; i < entries; ++i) {
    u16(0xC000 + static_cast<uint32_t>(i));
    u16(7);
    u32(static_cast<uint32_t>(data_bytes));
    u32(data_offset);
  }
  u32(0);
  tiff.append(data_bytes, 'A');
  return tiff;
}

// The TIFF as the EXIF chunk of an (image-less) extended WebP file.
std::string WebpWithExif(const std::string& tiff) {
  auto le32 = [](size_t v) {
    std::string s;
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    return s;
  };
  std::string body = "WEBP";
  body += "VP8X" + le32(10) + std::string("\x08\0\0\0\0\0\0\0\0\0", 10);
  body += "EXIF" + le32(tiff.size()) + tiff;
  if (tiff.size() % 2) body.push_back('\0');
  return "RIFF" + le32(body.size()) + body;
}

TEST(PhotoFormatTest, RecognisesPhoneFormatsByTheirFirstBytes) {
  using namespace std::string_literals;
  EXPECT_EQ(PhotoFormat(MinimalJpeg()), "JPEG");
  EXPECT_EQ(PhotoFormat("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s), "PNG");
  EXPECT_EQ(PhotoFormat("RIFF\x10\0\0\0WEBPVP8 "s), "WebP");
  EXPECT_EQ(PhotoFormat("\0\0\0\x18"
                        "ftypheic\0\0\0\0mif1heic"s),
            "HEIC");
  EXPECT_EQ(PhotoFormat("\0\0\0\x18"
                        "ftypmif1\0\0\0\0mif1heic"s),
            "HEIC");
  // Not phone photo formats: TIFF (either byte order), GIF, BMP, MP4 video, RIFF audio.
  EXPECT_EQ(PhotoFormat(HostileTiff(16, 1)), "");
  EXPECT_EQ(PhotoFormat("MM\0*\0\0\0\x08"s), "");
  EXPECT_EQ(PhotoFormat("GIF89a"), "");
  EXPECT_EQ(PhotoFormat("BM\x36\0\0\0"s), "");
  EXPECT_EQ(PhotoFormat("\0\0\0\x18"
                        "ftypisom\0\0\0\0"s),
            "");
  EXPECT_EQ(PhotoFormat("RIFF\x10\0\0\0WAVEfmt "s), "");
  EXPECT_EQ(PhotoFormat("\xFF\xD8"s), "");
  EXPECT_EQ(PhotoFormat(""), "");
}

TEST_F(ImageLocationTest, TiffIsRefusedBeforeExiv2ReadsIt) {
  // A well-formed TIFF that exiv2 would read; phones do not produce TIFF, so it is refused.
  const std::string tiff = HostileTiff(16, 1);
  ImageLocation location;
  Status status = ReadImageLocationFromBytes(tiff, &location);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("JPEG, HEIC, PNG or WebP"), std::string::npos)
      << status.message();

  fs::path path = dir_ / "photo.tif";
  WriteFile(path, tiff);
  status = ReadImageLocation(path.string(), &location);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("JPEG, HEIC, PNG or WebP"), std::string::npos)
      << status.message();
}

TEST_F(ImageLocationTest, MetadataThatMultipliesInMemoryIsRefused) {
  if (!AllocationBudget::Enforced()) GTEST_SKIP() << "allocation budgets need operator new";
  // 100 entries sharing 1 MiB: exiv2 would copy about 100 MiB (twice) to read it.
  const std::string webp = WebpWithExif(HostileTiff(1 << 20, 100));
  ASSERT_EQ(PhotoFormat(webp), "WebP");
  ImageLocation location;
  Status status = ReadImageLocationFromBytes(webp, &location);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("64 MiB of memory"), std::string::npos) << status.message();
  EXPECT_TRUE(location.empty());
  // The reader works normally afterwards, on the same thread.
  EXPECT_TRUE(Read(ImageWith("after.jpg", {{"Xmp.photoshop.City", "Riga"}})).details.size() == 1);
}

TEST_F(ImageLocationTest, ModestMetadataInWebpIsRead) {
  // The same layout with a few small entries stays far inside the budget.
  const std::string webp = WebpWithExif(HostileTiff(64, 4));
  ImageLocation location;
  Status status = ReadImageLocationFromBytes(webp, &location);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(location.empty());
}

TEST_F(ImageLocationTest, FileLargerThanTheCapIsRefused) {
  fs::path path = dir_ / "huge.jpg";
  WriteFile(path, MinimalJpeg());
  fs::resize_file(path, kMaxImageFileBytes + 1);  // sparse: no disk used
  ImageLocation location;
  Status status = ReadImageLocation(path.string(), &location);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("larger than the limit of 64 MiB"), std::string::npos)
      << status.message();
}

// The sample images in tests/data, used by the command-line tests.
fs::path SampleImage(const std::string& name) {
  return fs::path(__FILE__).parent_path() / ".." / ".." / "tests" / "data" / name;
}

TEST(ImageLocationSampleTest, GeotaggedSampleIsInRiga) {
  fs::path path = SampleImage("geotagged.jpg");
  if (!fs::exists(path)) GTEST_SKIP() << "sample not found at " << path;
  ImageLocation location;
  ASSERT_TRUE(ReadImageLocation(path.string(), &location).ok());
  ASSERT_TRUE(location.has_gps());
  EXPECT_NEAR(*location.latitude, 56.9496, kTolerance);
  EXPECT_NEAR(*location.longitude, 24.1052, kTolerance);
}

TEST(ImageLocationSampleTest, PlainSampleHasNoLocation) {
  fs::path path = SampleImage("plain.jpg");
  if (!fs::exists(path)) GTEST_SKIP() << "sample not found at " << path;
  ImageLocation location;
  ASSERT_TRUE(ReadImageLocation(path.string(), &location).ok());
  EXPECT_TRUE(location.empty());
}

}  // namespace
}  // namespace chorus::detect
