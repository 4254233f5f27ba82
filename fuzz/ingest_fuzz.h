// Shared checks of the importers' fuzz targets: the reader runs over the input whole and in
// pieces of 1 to 13 bytes; both runs must agree, and every post must have an id. Aborts
// (a finding for libFuzzer) otherwise.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/ingested_post.h"

namespace chorus::ingest::fuzz {

class PieceSource final : public ByteSource {
 public:
  PieceSource(std::string_view bytes, size_t piece) : bytes_(bytes), piece_(piece) {}
  Status Read(char* buffer, size_t capacity, size_t* got) override {
    *got = std::min({capacity, piece_, bytes_.size() - position_});
    std::copy_n(bytes_.data() + position_, *got, buffer);
    position_ += *got;
    return Status::Ok();
  }
  size_t Position() const override { return position_; }

 private:
  std::string_view bytes_;
  size_t piece_;
  size_t position_ = 0;
};

template <typename Reader>
void CheckReader(Reader reader, std::string_view input) {
  const size_t piece = input.empty() ? 1 : 1 + static_cast<unsigned char>(input[0]) % 13;
  std::vector<IngestedPost> runs[2];
  bool ok[2];
  for (int run = 0; run < 2; ++run) {
    PieceSource source(input, run == 0 ? input.size() + 1 : piece);
    const Status s = reader(source, [&](IngestedPost&& p) {
      if (p.platform_id.empty()) std::abort();
      runs[run].push_back(std::move(p));
      return Status::Ok();
    });
    ok[run] = s.ok();
  }
  if (ok[0] != ok[1] || runs[0].size() != runs[1].size()) std::abort();
  for (size_t i = 0; i < runs[0].size(); ++i) {
    if (runs[0][i].text != runs[1][i].text || runs[0][i].platform_id != runs[1][i].platform_id ||
        runs[0][i].published != runs[1][i].published) {
      std::abort();
    }
  }
}

}  // namespace chorus::ingest::fuzz
