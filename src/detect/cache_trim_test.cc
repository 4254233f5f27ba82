// The cache directory stays under its limit: least recently used entries go first, the one
// just written and files that are not cache entries stay, old temporaries are removed.
#include "detect/cache_trim.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "detect/cache_file.h"

namespace chorus::detect {
namespace {

namespace fs = std::filesystem;

class CacheTrimTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chorus_cache_trim_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // A file of `kib` KiB last used `minutes_ago`.
  fs::path Make(const std::string& name, int kib, int minutes_ago) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << std::string(static_cast<size_t>(kib) * 1024, 'x');
    fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::minutes(minutes_ago));
    return p;
  }
  fs::path dir_;
};

TEST_F(CacheTrimTest, LeastRecentlyUsedEntriesGoFirst) {
  const fs::path oldest = Make("a.terms", 100, 300);
  const fs::path old = Make("b.hsdb", 100, 200);
  const fs::path recent = Make("c.policy", 100, 10);
  const fs::path just_written = Make("d.packs", 100, 400);  // kept whatever its time
  const fs::path other = Make("notes.txt", 500, 1000);      // not a cache entry
  TrimCacheDirectory(dir_.string(), 250 * 1024, just_written.string());
  EXPECT_FALSE(fs::exists(oldest));
  EXPECT_FALSE(fs::exists(old));
  EXPECT_TRUE(fs::exists(recent));
  EXPECT_TRUE(fs::exists(just_written));
  EXPECT_TRUE(fs::exists(other));
}

TEST_F(CacheTrimTest, UnderTheLimitNothingGoesButOldTemporaries) {
  const fs::path entry = Make("a.terms", 10, 5000);
  const fs::path stale_tmp = Make("b.hsdb.tmp4242", 10, 120);
  const fs::path fresh_tmp = Make("c.terms.tmp4343", 10, 1);  // a writer may be at work
  TrimCacheDirectory(dir_.string(), 1 << 20, "");
  EXPECT_TRUE(fs::exists(entry));
  EXPECT_FALSE(fs::exists(stale_tmp));
  EXPECT_TRUE(fs::exists(fresh_tmp));
  TrimCacheDirectory(dir_.string(), 0, "");  // 0: trimming off
  EXPECT_TRUE(fs::exists(entry));
}

TEST_F(CacheTrimTest, ReadingAnEntryMakesItRecent) {
  const fs::path p = dir_ / "k.policy";
  WriteCacheFile(p.string(), "policy", 1, "k", "payload");
  fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(50));
  std::string payload;
  ASSERT_TRUE(ReadCacheFile(p.string(), "policy", 1, "k", &payload));
  EXPECT_EQ(payload, "payload");
  EXPECT_GT(fs::last_write_time(p), fs::file_time_type::clock::now() - std::chrono::minutes(5));
}

TEST_F(CacheTrimTest, TheLimitComesFromTheEnvironment) {
  ::setenv("CHORUS_CACHE_MAX_MB", "3", 1);
  EXPECT_EQ(CacheLimitBytes(), 3u << 20);
  ::setenv("CHORUS_CACHE_MAX_MB", "0", 1);
  EXPECT_EQ(CacheLimitBytes(), 0u);
  ::setenv("CHORUS_CACHE_MAX_MB", "lots", 1);
  EXPECT_EQ(CacheLimitBytes(), 512u << 20);
  ::unsetenv("CHORUS_CACHE_MAX_MB");
  EXPECT_EQ(CacheLimitBytes(), 512u << 20);
}

}  // namespace
}  // namespace chorus::detect
