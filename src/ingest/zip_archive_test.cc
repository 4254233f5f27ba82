#include "ingest/zip_archive.h"

#include "ingest/ingest_test_util.h"

namespace chorus::ingest {
namespace {

using testing::ImportAll;
using testing::MakeZip;

std::string ReadMember(ZipArchive& zip, const std::string& name, Status* status) {
  std::unique_ptr<ByteSource> member;
  *status = zip.OpenMember(name, &member);
  if (!status->ok()) return "";
  std::string out;
  char buf[4096];
  for (;;) {
    size_t got = 0;
    *status = member->Read(buf, sizeof buf, &got);
    if (!status->ok() || got == 0) return out;
    out.append(buf, got);
  }
}

TEST(ZipArchive, ReadsMembers) {
  const std::string bytes = MakeZip({{"a.txt", "alpha"}, {"dir/b.txt", std::string(100000, 'b')}});
  std::unique_ptr<ZipArchive> zip;
  ASSERT_TRUE(ZipArchive::OpenBytes(bytes, {}, &zip).ok());
  EXPECT_EQ(zip->names(), (std::vector<std::string>{"a.txt", "dir/b.txt"}));
  Status s;
  EXPECT_EQ(ReadMember(*zip, "a.txt", &s), "alpha");
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(ReadMember(*zip, "dir/b.txt", &s).size(), 100000u);
  EXPECT_TRUE(s.ok());
  ReadMember(*zip, "missing", &s);
  EXPECT_FALSE(s.ok());
}

TEST(ZipArchive, RefusesBombsAndOversizeMembers) {
  // 64 MiB of zeros packs into about 64 KiB: a ratio of about 1000.
  const std::string bomb = MakeZip({{"data/tweets.js", std::string(64 << 20, '\0')}});
  ASSERT_LT(bomb.size(), 1u << 20);
  std::unique_ptr<ZipArchive> zip;
  ASSERT_TRUE(ZipArchive::OpenBytes(bomb, {}, &zip).ok());
  Status s;
  ReadMember(*zip, "data/tweets.js", &s);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("zip bomb"), std::string::npos) << s.message();
  // The same through the importer: a clear error, no posts.
  Platform platform;
  std::vector<IngestedPost> posts;
  EXPECT_FALSE(ImportAll(bomb, &platform, &posts).ok());

  ZipLimits small;
  small.max_member_bytes = 1000;
  const std::string big = MakeZip({{"big.txt", std::string(5000, 'x')}}, true);
  ASSERT_TRUE(ZipArchive::OpenBytes(big, small, &zip).ok());
  ReadMember(*zip, "big.txt", &s);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("limit"), std::string::npos) << s.message();

  ZipLimits total;
  total.max_total_bytes = 6000;
  const std::string two =
      MakeZip({{"a", std::string(4000, 'x')}, {"b", std::string(4000, 'y')}}, true);
  ASSERT_TRUE(ZipArchive::OpenBytes(two, total, &zip).ok());
  ReadMember(*zip, "a", &s);
  EXPECT_TRUE(s.ok());
  ReadMember(*zip, "b", &s);
  EXPECT_FALSE(s.ok());
}

TEST(ZipArchive, DamagedArchivesAreErrors) {
  std::string bytes = MakeZip({{"outbox.json", std::string(20000, 'z')}}, true);
  std::unique_ptr<ZipArchive> zip;
  // Not a zip at all, and a zip cut short.
  EXPECT_FALSE(ZipArchive::OpenBytes("PK\x03\x04 garbage", {}, &zip).ok());
  EXPECT_FALSE(
      ZipArchive::OpenBytes(std::string_view(bytes).substr(0, bytes.size() / 2), {}, &zip).ok());
  // A flipped byte inside the stored data fails its CRC check.
  bytes[100] ^= 0x55;
  ASSERT_TRUE(ZipArchive::OpenBytes(bytes, {}, &zip).ok());
  Status s;
  ReadMember(*zip, "outbox.json", &s);
  EXPECT_FALSE(s.ok());
}

TEST(ZipArchive, ArchiveWithoutKnownMembersIsAnError) {
  Platform platform;
  std::vector<IngestedPost> posts;
  const Status s = ImportAll(MakeZip({{"photos/1.jpg", "jpg"}}), &platform, &posts);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("tweets.js"), std::string::npos);
}

}  // namespace
}  // namespace chorus::ingest
