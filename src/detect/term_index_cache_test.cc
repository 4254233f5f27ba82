// The term index's cache: a warm Build gives the same matches as a cold one, and a damaged
// or stale cache file is rebuilt, never misread.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "detect/cache_file.h"
#include "detect/term_index.h"
#include "text/fold.h"

namespace chorus::detect {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const text::EndingSet> Endings(std::initializer_list<std::string> e) {
  text::EndingSet s{""};
  s.insert(e.begin(), e.end());
  return std::make_shared<const text::EndingSet>(s);
}

class TermIndexCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        (fs::temp_directory_path() /
         ("chorus_term_cache_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
          "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name()))
            .string();
    fs::remove_all(dir_);
    lv_.language = "lv";
    lv_.strip = {"is", "us", "s", "a"};
    lv_.endings = Endings({"s", "a", "am", "u", "i", "iem"});
    pl_.language = "pl";
    pl_.strip = {"a"};
    pl_.endings = Endings({"a", "i", "e", "ej"});
    pl_.alternations.push_back({"k", "c", Endings({"e"})});
    he_.language = "he";
    he_.prefixes = {"ב", "ה", "ל"};
    const std::vector<const text::InflectionRules*> all{&lv_, &pl_, &he_};
    for (const char* t :
         {"Rīgas Piens", "Logistyka Portowa", "Baltpay", "to suka", "בית המשפט", "Amber", "P&L"})
      specs_.push_back({t, 0, false, false, all});
    specs_.push_back({"fuck", 1, false, true, all});
    specs_.push_back({"Kalns", 2, true, false, all});
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Every match of the test posts, as "term:start-end".
  std::vector<std::string> Matches(const TermIndex& index) {
    std::vector<std::string> out;
    for (const char* post :
         {"Paldies Rīgas Pienam un Baltpay!", "Dziękujemy Logistyce Portowej, to suka",
          "פסק הדין בבית המשפט", "f*ck that, Amber's P&L", "Kalnam Kalns"}) {
      text::FoldedText folded;
      text::Fold(post, &folded);
      std::vector<TermMatch> matches;
      EXPECT_TRUE(index.Match(folded.text, folded.masked_tokens, &matches).ok());
      for (const auto& m : matches)
        out.push_back(std::to_string(m.term) + ":" + std::to_string(m.start) + "-" +
                      std::to_string(m.end));
    }
    return out;
  }
  fs::path TermsFile() {
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().extension() == ".terms") return e.path();
    return {};
  }

  std::string dir_;
  text::InflectionRules lv_, pl_, he_;
  std::vector<TermSpec> specs_;
};

TEST_F(TermIndexCacheTest, WarmBuildLoadsTheIndexAndMatchesAsTheColdOne) {
  TermIndex plain;
  ASSERT_TRUE(plain.Build(specs_, "").ok());
  const auto expected = Matches(plain);
  ASSERT_GE(expected.size(), 8u);

  TermIndex cold;
  ASSERT_TRUE(cold.Build(specs_, dir_).ok());
  EXPECT_FALSE(cold.index_loaded_from_cache());
  ASSERT_FALSE(TermsFile().empty());
  TermIndex warm;
  ASSERT_TRUE(warm.Build(specs_, dir_).ok());
  EXPECT_TRUE(warm.index_loaded_from_cache());
  EXPECT_EQ(Matches(warm), expected);
  EXPECT_EQ(warm.literal_count(), plain.literal_count());
}

TEST_F(TermIndexCacheTest, OtherSpecsOrRulesGetTheirOwnEntry) {
  TermIndex first;
  ASSERT_TRUE(first.Build(specs_, dir_).ok());
  lv_.endings = Endings({"s", "a"});  // the same pointer, other content: a different key
  TermIndex second;
  ASSERT_TRUE(second.Build(specs_, dir_).ok());
  EXPECT_FALSE(second.index_loaded_from_cache());
  specs_.pop_back();
  TermIndex third;
  ASSERT_TRUE(third.Build(specs_, dir_).ok());
  EXPECT_FALSE(third.index_loaded_from_cache());
}

TEST_F(TermIndexCacheTest, DamagedFilesAreRebuiltNotMisread) {
  TermIndex plain;
  ASSERT_TRUE(plain.Build(specs_, "").ok());
  const auto expected = Matches(plain);
  TermIndex cold;
  ASSERT_TRUE(cold.Build(specs_, dir_).ok());
  const fs::path file = TermsFile();
  std::string original;
  ASSERT_TRUE(ReadFileBytes(file.string(), &original));
  const std::string key = file.stem().string();
  std::string payload;
  ASSERT_TRUE(ReadCacheFile(file.string(), "terms", 1, key, &payload));

  auto write = [&](const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  };
  std::vector<std::string> damaged;
  for (size_t cut : {size_t{0}, size_t{5}, original.size() / 2, original.size() - 1})
    damaged.push_back(original.substr(0, cut));  // truncated
  for (size_t at : {size_t{3}, size_t{20}, size_t{60}, original.size() / 2, original.size() - 1}) {
    std::string flipped = original;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);  // a changed byte anywhere
    damaged.push_back(flipped);
  }
  damaged.push_back(original + "x");  // trailing garbage
  for (const auto& bytes : damaged) {
    write(bytes);
    TermIndex index;
    ASSERT_TRUE(index.Build(specs_, dir_).ok());
    EXPECT_FALSE(index.index_loaded_from_cache());
    EXPECT_EQ(Matches(index), expected);
    // It was rewritten: the next Build loads it again.
    TermIndex again;
    ASSERT_TRUE(again.Build(specs_, dir_).ok());
    EXPECT_TRUE(again.index_loaded_from_cache());
  }

  // A payload that passes the checksum (written as a valid file) but does not parse: cut at
  // every point, or with its counts changed, it is rejected by Load and rebuilt.
  for (size_t cut = 0; cut < payload.size(); cut += 1 + payload.size() / 97) {
    WriteCacheFile(file.string(), "terms", 1, key, payload.substr(0, cut));
    TermIndex index;
    ASSERT_TRUE(index.Build(specs_, dir_).ok());
    EXPECT_FALSE(index.index_loaded_from_cache()) << cut;
    EXPECT_EQ(Matches(index), expected);
  }
  for (size_t at = 0; at + 4 <= payload.size(); at += 1 + payload.size() / 61) {
    std::string changed = payload;
    const uint32_t big = 0x7FFFFFFF;
    std::memcpy(changed.data() + at, &big, 4);
    WriteCacheFile(file.string(), "terms", 1, key, changed);
    TermIndex index;
    ASSERT_TRUE(index.Build(specs_, dir_).ok());
    if (!index.index_loaded_from_cache()) {
      EXPECT_EQ(Matches(index), expected) << at;
    } else {
      Matches(index);  // a checksummed file of our own making: read, it must not crash
    }
  }
}

TEST(ByteReaderTest, ReadsNothingPastTheEnd) {
  ByteWriter w;
  w.Str("abc");
  w.U32(7);
  const std::string bytes = w.bytes();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    ByteReader r(std::string_view(bytes).substr(0, cut));
    const std::string s = r.Str();
    const uint32_t n = r.U32();
    EXPECT_TRUE(r.failed()) << cut;
    EXPECT_EQ(n, 0u);
    EXPECT_LE(s.size(), 3u);
  }
  ByteReader r(bytes);
  EXPECT_EQ(r.Str(), "abc");
  EXPECT_EQ(r.U32(), 7u);
  EXPECT_TRUE(r.at_end());
  EXPECT_FALSE(r.failed());
  ByteReader huge(std::string_view("\xff\xff\xff\x7f", 4));
  EXPECT_EQ(huge.Count(1), 0u);
  EXPECT_TRUE(huge.failed());
}

}  // namespace
}  // namespace chorus::detect
