#include "ingest/x_archive.h"

#include <simdjson.h>

#include "ingest/dates.h"
#include "ingest/html_text.h"
#include "ingest/json_element_stream.h"

namespace chorus::ingest {
namespace {

std::string_view Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get(v) != simdjson::SUCCESS) return {};
  return v;
}

// Replaces each t.co address of the tweet by the address it stands for.
void ExpandLinks(simdjson::dom::element tweet, std::string* text) {
  simdjson::dom::array urls;
  if (tweet["entities"]["urls"].get(urls) != simdjson::SUCCESS) return;
  for (simdjson::dom::element u : urls) {
    const std::string_view shortened = Str(u, "url");
    const std::string_view expanded = Str(u, "expanded_url");
    if (shortened.empty() || expanded.empty()) continue;
    for (size_t at = text->find(shortened); at != std::string::npos;
         at = text->find(shortened, at + expanded.size())) {
      text->replace(at, shortened.size(), expanded);
    }
  }
}

}  // namespace

bool IsXTweetsMember(std::string_view name) {
  const size_t slash = name.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const std::string_view dir = slash == std::string_view::npos ? "" : name.substr(0, slash);
  if (!(dir == "data" || (dir.size() > 5 && dir.substr(dir.size() - 5) == "/data"))) return false;
  for (std::string_view stem : {"tweets", "tweet"}) {
    if (base.substr(0, stem.size()) != stem) continue;
    std::string_view rest = base.substr(stem.size());
    if (rest == ".js") return true;
    if (rest.substr(0, 5) == "-part" && rest.size() > 8 && rest.substr(rest.size() - 3) == ".js") {
      const std::string_view digits = rest.substr(5, rest.size() - 8);
      bool all = !digits.empty();
      for (char c : digits) all = all && c >= '0' && c <= '9';
      if (all) return true;
    }
  }
  return false;
}

Status ReadXTweets(ByteSource& source, const PostSink& sink) {
  JsonElementStream stream(source, {.keys = {}, .javascript_prefix = true});
  simdjson::dom::parser parser;
  std::string element;
  while (stream.Next(&element)) {
    const std::string where = "tweet " + std::to_string(stream.count());
    simdjson::dom::element root;
    if (auto error = parser.parse(element).get(root); error) {
      return Status::Error(where + " is not valid JSON: " + simdjson::error_message(error));
    }
    simdjson::dom::element tweet = root;
    if (simdjson::dom::element wrapped; root["tweet"].get(wrapped) == simdjson::SUCCESS) {
      tweet = wrapped;
    }
    if (!tweet.is_object()) return Status::Error(where + " is not a tweet object");
    std::string id(Str(tweet, "id_str"));
    if (id.empty()) {
      if (uint64_t n; tweet["id"].get(n) == simdjson::SUCCESS) id = std::to_string(n);
      if (std::string_view s = Str(tweet, "id"); !s.empty()) id = std::string(s);
    }
    if (id.empty() || id.size() > 32) return Status::Error(where + " has no id_str");
    std::string_view raw = Str(tweet, "full_text");
    if (raw.empty()) raw = Str(tweet, "text");
    std::string text = DecodeEntities(raw);
    if (text.rfind("RT @", 0) == 0) continue;  // a retweet: someone else's post
    ExpandLinks(tweet, &text);
    IngestedPost post;
    post.url = "https://x.com/i/web/status/" + id;
    post.platform_id = std::move(id);
    post.published = TimeFromTwitter(Str(tweet, "created_at"));
    post.text = std::move(text);
    if (Status s = sink(std::move(post)); !s.ok()) return s;
  }
  return stream.status();
}

}  // namespace chorus::ingest
