#include "ingest/facebook_posts.h"

#include <simdjson.h>
#include <xxhash.h>

#include <cstdio>

#include "ingest/dates.h"
#include "ingest/json_element_stream.h"
#include "text/utf8.h"

namespace chorus::ingest {
namespace {

std::string_view Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get(v) != simdjson::SUCCESS) return {};
  return v;
}

// The first link the post shares (attachments[].data[].external_context.url).
std::string SharedLink(simdjson::dom::element post) {
  simdjson::dom::array attachments;
  if (post["attachments"].get(attachments) != simdjson::SUCCESS) return "";
  for (simdjson::dom::element a : attachments) {
    simdjson::dom::array data;
    if (a["data"].get(data) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element d : data) {
      std::string_view url;
      if (d["external_context"]["url"].get(url) == simdjson::SUCCESS && !url.empty()) {
        return std::string(url);
      }
    }
  }
  return "";
}

}  // namespace

bool IsFacebookPostsMember(std::string_view name) {
  const size_t slash = name.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const std::string_view dir = slash == std::string_view::npos ? "" : name.substr(0, slash + 1);
  const bool in_posts =
      dir == "posts/" || (dir.size() >= 7 && dir.substr(dir.size() - 7) == "/posts/");
  return in_posts && base.rfind("your_posts", 0) == 0 && base.size() > 5 &&
         base.substr(base.size() - 5) == ".json";
}

std::string FixFacebookText(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  bool any_high = false;
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    const char32_t cp = text::DecodeUtf8(text, i, &length);
    if (cp > 0xFF) return std::string(text);  // real characters: not Facebook's escaping
    any_high = any_high || cp >= 0x80;
    bytes.push_back(static_cast<char>(cp));
    i += length;
  }
  if (!any_high || !text::IsValidUtf8(bytes)) return std::string(text);
  return bytes;
}

Status ReadFacebookPosts(ByteSource& source, const PostSink& sink) {
  JsonElementStream stream(source,
                           {.keys = {"status_updates_v2", "status_updates", "posts_v2", "posts"}});
  simdjson::dom::parser parser;
  std::string element;
  while (stream.Next(&element)) {
    const std::string where = "post " + std::to_string(stream.count());
    simdjson::dom::element item;
    if (auto error = parser.parse(element).get(item); error) {
      return Status::Error(where + " is not valid JSON: " + simdjson::error_message(error));
    }
    if (!item.is_object()) return Status::Error(where + " is not an object");
    int64_t timestamp = 0;
    if (item["timestamp"].get(timestamp) != simdjson::SUCCESS) {
      return Status::Error(where + " has no timestamp");
    }
    std::string text;
    simdjson::dom::array data;
    if (item["data"].get(data) == simdjson::SUCCESS) {
      for (simdjson::dom::element d : data) {
        const std::string_view piece = Str(d, "post");
        if (piece.empty()) continue;
        if (!text.empty()) text += "\n\n";
        text += FixFacebookText(piece);
      }
    }
    if (text.empty()) continue;  // a photo or check-in without words
    char id[64];
    std::snprintf(id, sizeof id, "fb:%lld:%016llx", static_cast<long long>(timestamp),
                  static_cast<unsigned long long>(XXH3_64bits(text.data(), text.size())));
    IngestedPost post;
    post.platform_id = id;
    post.url = SharedLink(item);
    post.published = TimeFromUnix(timestamp);
    post.text = std::move(text);
    if (Status s = sink(std::move(post)); !s.ok()) return s;
  }
  return stream.status();
}

}  // namespace chorus::ingest
