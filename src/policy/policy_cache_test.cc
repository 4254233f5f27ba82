// The policy cache: a cached load gives the policy the YAML gives; a damaged cache file is
// ignored and rewritten; a changed file gets a new entry.
#include "policy/policy_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "detect/cache_file.h"
#include "policy/embedded_data.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;

class PolicyCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("chorus_policy_cache_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    dir_ = (root_ / "cache").string();
    path_ = (root_ / "policy.yaml").string();
    Write(path_, std::string(*FindEmbeddedFile("demo/policy.yaml")));
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  }
  fs::path PolicyFile() {
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().extension() == ".policy") return e.path();
    return {};
  }
  fs::path root_;
  std::string dir_, path_;
};

TEST_F(PolicyCacheTest, CachedLoadGivesWhatTheYamlGives) {
  Policy expected;
  ASSERT_TRUE(LoadPolicyFile(path_, &expected).ok());
  ASSERT_FALSE(expected.clients.empty());
  Policy cold, warm;
  ASSERT_TRUE(LoadPolicyFileCached(path_, dir_, &cold).ok());
  ASSERT_FALSE(PolicyFile().empty());
  EXPECT_EQ(cold, expected);
  ASSERT_TRUE(LoadPolicyFileCached(path_, dir_, &warm).ok());
  EXPECT_EQ(warm, expected);

  // Loaded from the cache: a cache entry with other content under this key is what is read.
  Policy marked = expected;
  marked.organization = "Read from the cache";
  const fs::path file = PolicyFile();
  detect::WriteCacheFile(file.string(), kPolicyCacheKind, kPolicyCacheFormat, file.stem().string(),
                         EncodePolicy(marked));
  Policy read;
  ASSERT_TRUE(LoadPolicyFileCached(path_, dir_, &read).ok());
  EXPECT_EQ(read.organization, "Read from the cache");
}

TEST_F(PolicyCacheTest, AChangedFileIsParsedAgain) {
  Policy first, second;
  ASSERT_TRUE(LoadPolicyFileCached(path_, dir_, &first).ok());
  std::string text(*FindEmbeddedFile("demo/policy.yaml"));
  text += "\nallow:\n  - Cached Name Test\n";
  Write(path_, text);
  Policy expected;
  ASSERT_TRUE(LoadPolicyFile(path_, &expected).ok());
  ASSERT_TRUE(LoadPolicyFileCached(path_, dir_, &second).ok());
  EXPECT_EQ(second, expected);
  EXPECT_NE(second, first);
}

TEST_F(PolicyCacheTest, DamagedCacheFilesAreIgnoredAndRewritten) {
  Policy expected;
  ASSERT_TRUE(LoadPolicyFile(path_, &expected).ok());
  Policy cold;
  ASSERT_TRUE(LoadPolicyFileCached(path_, dir_, &cold).ok());
  const fs::path file = PolicyFile();
  std::string original;
  ASSERT_TRUE(detect::ReadFileBytes(file.string(), &original));
  std::vector<std::string> damaged;
  for (size_t cut : {size_t{0}, size_t{9}, original.size() / 2, original.size() - 1})
    damaged.push_back(original.substr(0, cut));
  for (size_t at : {size_t{2}, size_t{30}, original.size() / 3, original.size() - 2}) {
    std::string flipped = original;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x21);
    damaged.push_back(flipped);
  }
  for (const auto& bytes : damaged) {
    Write(file.string(), bytes);
    Policy p;
    ASSERT_TRUE(LoadPolicyFileCached(path_, dir_, &p).ok());
    EXPECT_EQ(p, expected);
    std::string rewritten;
    ASSERT_TRUE(detect::ReadFileBytes(file.string(), &rewritten));
    EXPECT_EQ(rewritten, original);
  }
}

TEST(PolicyCodec, RoundTripsAndRejectsEveryTruncation) {
  const Policy& policy = DefaultPolicy();
  const std::string bytes = EncodePolicy(policy);
  Policy back;
  ASSERT_TRUE(DecodePolicy(bytes, &back));
  EXPECT_EQ(back, policy);
  for (size_t cut = 0; cut < bytes.size(); cut += 1 + bytes.size() / 211) {
    Policy p;
    EXPECT_FALSE(DecodePolicy(std::string_view(bytes).substr(0, cut), &p)) << cut;
  }
  EXPECT_FALSE(DecodePolicy(bytes + "x", &back));
}

}  // namespace
}  // namespace chorus
