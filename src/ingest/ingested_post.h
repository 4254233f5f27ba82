// The plain record every importer of src/ingest produces from a platform's export: one post
// the account owner published, as text, with the platform's own id or link, its address and
// its time. Importers know nothing of policies or storage; they hand records to a PostSink.
// Thread-safety: plain values.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace chorus::ingest {

enum class Platform { kX, kMastodon, kLinkedIn, kFacebook, kFeed };

// "x", "mastodon", "linkedin", "facebook", "feed" (the command-line and API contract).
std::string_view PlatformName(Platform platform);
bool ParsePlatform(std::string_view name, Platform* out);

struct IngestedPost {
  std::string platform_id;  // the platform's id of the post, or its link when it has none
  std::string url;          // where the post can be seen ("" when the export has no address)
  std::string published;    // RFC 3339 in UTC ("2024-03-01T08:15:00Z"), "" when unknown
  std::string text;         // plain UTF-8 text: markup removed, entities decoded
};

// Receives the posts of an import in file order. A non-OK Status stops the importer, which
// returns that Status.
using PostSink = std::function<Status(IngestedPost&&)>;

}  // namespace chorus::ingest
