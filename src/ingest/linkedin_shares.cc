#include "ingest/linkedin_shares.h"

#include <map>

#include "ingest/dates.h"
#include "text/csv_reader.h"
#include "text/utf8.h"

namespace chorus::ingest {

bool IsLinkedInSharesMember(std::string_view name) {
  return name == "Shares.csv" ||
         (name.size() > 11 && name.substr(name.size() - 11) == "/Shares.csv");
}

Status ReadLinkedInShares(ByteSource& source, const PostSink& sink) {
  std::map<std::string, size_t> column;
  Status failure;
  text::CsvReader reader(
      [&](int64_t number, std::vector<std::string>& fields) {
        if (number == 1) {
          for (size_t i = 0; i < fields.size(); ++i) column[fields[i]] = i;
          if (!column.count("ShareLink") || !column.count("ShareCommentary")) {
            failure = Status::Error(
                "not a LinkedIn Shares.csv: the header has no ShareLink and ShareCommentary");
            return false;
          }
          return true;
        }
        const auto field = [&](const char* name) -> std::string {
          const auto it = column.find(name);
          return it != column.end() && it->second < fields.size() ? fields[it->second] : "";
        };
        IngestedPost post;
        post.platform_id = field("ShareLink");
        post.text = field("ShareCommentary");
        if (post.text.empty()) return true;
        if (post.platform_id.empty() || post.platform_id.size() > 2048) {
          failure = Status::Error("row " + std::to_string(number) + " has no ShareLink");
          return false;
        }
        if (!text::IsValidUtf8(post.text)) {
          failure = Status::Error("row " + std::to_string(number) + " is not UTF-8 text");
          return false;
        }
        post.url = post.platform_id;
        post.published = TimeFromIso8601(field("Date"));
        failure = sink(std::move(post));
        return failure.ok();
      },
      1 << 20);
  std::string chunk(64 * 1024, '\0');
  for (;;) {
    size_t got = 0;
    if (Status s = source.Read(chunk.data(), chunk.size(), &got); !s.ok()) return s;
    if (got == 0) break;
    if (!reader.Feed(std::string_view(chunk.data(), got))) break;
  }
  if (failure.ok() && reader.error().empty()) reader.Finish();
  if (!failure.ok()) return failure;
  if (!reader.error().empty()) return Status::Error("Shares.csv: " + reader.error());
  if (reader.records() == 0) return Status::Error("Shares.csv is empty");
  return Status::Ok();
}

}  // namespace chorus::ingest
