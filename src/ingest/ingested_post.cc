#include "ingest/ingested_post.h"

namespace chorus::ingest {

std::string_view PlatformName(Platform platform) {
  switch (platform) {
    case Platform::kX:
      return "x";
    case Platform::kMastodon:
      return "mastodon";
    case Platform::kLinkedIn:
      return "linkedin";
    case Platform::kFacebook:
      return "facebook";
    case Platform::kFeed:
      return "feed";
  }
  return "x";
}

bool ParsePlatform(std::string_view name, Platform* out) {
  for (Platform p : {Platform::kX, Platform::kMastodon, Platform::kLinkedIn, Platform::kFacebook,
                     Platform::kFeed}) {
    if (PlatformName(p) == name) {
      *out = p;
      return true;
    }
  }
  return false;
}

}  // namespace chorus::ingest
