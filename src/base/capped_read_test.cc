#include "base/capped_read.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace chorus {
namespace {

namespace fs = std::filesystem;

class CappedReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "chorus_capped_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  fs::path FileOf(size_t bytes) {
    fs::path path = dir_ / ("f" + std::to_string(bytes));
    std::ofstream(path, std::ios::binary) << std::string(bytes, 'a');
    return path;
  }
  fs::path dir_;
};

TEST(DescribeBytesTest, UsesTheLargestWholeUnit) {
  EXPECT_EQ(DescribeBytes(512 * 1024), "512 KiB");
  EXPECT_EQ(DescribeBytes(64 << 20), "64 MiB");
  EXPECT_EQ(DescribeBytes(1000), "1000 bytes");
  EXPECT_EQ(DescribeBytes(1), "1 byte");
}

TEST_F(CappedReadTest, ReadsAFileUpToTheCapExactly) {
  std::string out;
  ASSERT_TRUE(ReadFileCapped(FileOf(100000).string(), 100000, &out).ok());
  EXPECT_EQ(out, std::string(100000, 'a'));
  ASSERT_TRUE(ReadFileCapped(FileOf(0).string(), 10, &out).ok());
  EXPECT_TRUE(out.empty());
}

TEST_F(CappedReadTest, RefusesOneByteOverTheCapNamingPathAndLimit) {
  const fs::path path = FileOf(1025);
  std::string out = "stale";
  const Status s = ReadFileCapped(path.string(), 1024, &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), path.string() + " is larger than the limit of 1 KiB");
  EXPECT_TRUE(out.empty());
}

TEST_F(CappedReadTest, EndlessInputStopsAtTheCap) {
  std::string out;
  const Status s = ReadFileCapped("/dev/zero", 512 * 1024, &out);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/dev/zero is larger than the limit of 512 KiB"), std::string::npos)
      << s.message();
}

TEST_F(CappedReadTest, MissingFilesAndDirectoriesAreErrors) {
  std::string out;
  Status s = ReadFileCapped((dir_ / "missing").string(), 10, &out);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("missing"), std::string::npos) << s.message();
  s = ReadFileCapped(dir_.string(), 10, &out);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("directory"), std::string::npos) << s.message();
}

TEST(CappedStreamTest, ReadsAndCapsStreams) {
  std::string out;
  std::istringstream small("hello");
  ASSERT_TRUE(ReadStreamCapped(small, "standard input", 5, &out).ok());
  EXPECT_EQ(out, "hello");
  std::istringstream big(std::string(200000, 'b'));
  const Status s = ReadStreamCapped(big, "standard input", 100000, &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "standard input is larger than the limit of 100000 bytes");
}

}  // namespace
}  // namespace chorus
