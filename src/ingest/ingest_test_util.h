// Helpers for the importers' unit tests: zip archives built in memory with libzip, a source
// that hands out bytes a few at a time (every chunk boundary gets exercised), and collecting
// an importer's posts. Test-only; included by *_test.cc files of src/ingest and src/program.
#pragma once

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/importer.h"
#include "ingest/ingested_post.h"

namespace chorus::ingest::testing {

// A zip archive of the (name, content) members, deflated unless `store_only`.
inline std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members,
                           bool store_only = false) {
  char path[] = "/tmp/chorus-zip-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  close(fd);
  int error = 0;
  zip_t* z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : members) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0);
    if (store_only) zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::string bytes;
  if (std::FILE* f = std::fopen(path, "rb")) {
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    std::fclose(f);
  }
  std::remove(path);
  return bytes;
}

// Hands out 1 to 7 bytes per read.
class TrickleSource final : public ByteSource {
 public:
  explicit TrickleSource(std::string_view bytes) : bytes_(bytes) {}
  Status Read(char* buffer, size_t capacity, size_t* got) override {
    const size_t want = 1 + (position_ * 7 + 3) % 7;
    *got = std::min({capacity, want, bytes_.size() - position_});
    std::copy_n(bytes_.data() + position_, *got, buffer);
    position_ += *got;
    return Status::Ok();
  }
  size_t Position() const override { return position_; }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

// Runs `reader` over `bytes` read whole and read in trickles; both must agree.
template <typename Reader>
Status ReadAll(Reader reader, std::string_view bytes, std::vector<IngestedPost>* out) {
  out->clear();
  StringSource whole(bytes);
  const Status s = reader(whole, [&](IngestedPost&& p) {
    out->push_back(std::move(p));
    return Status::Ok();
  });
  std::vector<IngestedPost> trickled;
  TrickleSource trickle(bytes);
  const Status t = reader(trickle, [&](IngestedPost&& p) {
    trickled.push_back(std::move(p));
    return Status::Ok();
  });
  EXPECT_EQ(s.ok(), t.ok()) << s.ToString() << " / " << t.ToString();
  EXPECT_EQ(out->size(), trickled.size());
  for (size_t i = 0; i < std::min(out->size(), trickled.size()); ++i) {
    EXPECT_EQ((*out)[i].text, trickled[i].text);
    EXPECT_EQ((*out)[i].platform_id, trickled[i].platform_id);
  }
  return s;
}

// ImportBytes, collecting the posts.
inline Status ImportAll(std::string_view bytes, Platform* platform, std::vector<IngestedPost>* out,
                        const ImportOptions& options = {}) {
  out->clear();
  return ImportBytes(bytes, options, platform, [&](IngestedPost&& p) {
    out->push_back(std::move(p));
    return Status::Ok();
  });
}

}  // namespace chorus::ingest::testing
