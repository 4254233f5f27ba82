#include "ingest/mastodon_outbox.h"

#include <simdjson.h>

#include "ingest/dates.h"
#include "ingest/html_text.h"
#include "ingest/json_element_stream.h"

namespace chorus::ingest {
namespace {

constexpr std::string_view kPublic = "https://www.w3.org/ns/activitystreams#Public";

std::string_view Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get(v) != simdjson::SUCCESS) return {};
  return v;
}

// Whether `audience` ("to" or "cc": a string or an array of strings) reaches the public or
// the account's followers.
bool Reaches(simdjson::dom::element activity, const char* key) {
  simdjson::dom::element audience;
  if (activity[key].get(audience) != simdjson::SUCCESS) return false;
  const auto reaches = [](std::string_view to) {
    return to == kPublic || to == "as:Public" || to == "Public" ||
           (to.size() >= 10 && to.substr(to.size() - 10) == "/followers");
  };
  if (std::string_view one; audience.get(one) == simdjson::SUCCESS) return reaches(one);
  simdjson::dom::array list;
  if (audience.get(list) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element e : list) {
    if (std::string_view to; e.get(to) == simdjson::SUCCESS && reaches(to)) return true;
  }
  return false;
}

}  // namespace

bool IsMastodonOutboxMember(std::string_view name) {
  return name == "outbox.json" ||
         (name.size() > 12 && name.substr(name.size() - 12) == "/outbox.json");
}

Status ReadMastodonOutbox(ByteSource& source, const PostSink& sink) {
  JsonElementStream stream(source, {.keys = {"orderedItems"}});
  simdjson::dom::parser parser;
  std::string element;
  while (stream.Next(&element)) {
    const std::string where = "activity " + std::to_string(stream.count());
    simdjson::dom::element activity;
    if (auto error = parser.parse(element).get(activity); error) {
      return Status::Error(where + " is not valid JSON: " + simdjson::error_message(error));
    }
    if (!activity.is_object()) return Status::Error(where + " is not an object");
    if (Str(activity, "type") != "Create") continue;  // Announce (boosts) and the rest
    simdjson::dom::element object;
    if (activity["object"].get(object) != simdjson::SUCCESS || !object.is_object()) continue;
    const std::string_view type = Str(object, "type");
    if (type != "Note" && type != "Question" && type != "Article" && type != "Page") continue;
    const bool visible = Reaches(object, "to") || Reaches(object, "cc") ||
                         Reaches(activity, "to") || Reaches(activity, "cc");
    if (!visible) continue;  // a direct message, not a published post
    const std::string_view id = Str(object, "id");
    if (id.empty() || id.size() > 2048) return Status::Error(where + " has a note without an id");
    IngestedPost post;
    post.platform_id = std::string(id);
    post.url = std::string(Str(object, "url"));
    if (post.url.empty()) post.url = post.platform_id;
    std::string_view published = Str(object, "published");
    if (published.empty()) published = Str(activity, "published");
    post.published = TimeFromIso8601(published);
    const std::string warning = HtmlToText(Str(object, "summary"));
    const std::string body = HtmlToText(Str(object, "content"));
    post.text = warning.empty() ? body : body.empty() ? warning : warning + "\n\n" + body;
    if (Status s = sink(std::move(post)); !s.ok()) return s;
  }
  return stream.status();
}

}  // namespace chorus::ingest
