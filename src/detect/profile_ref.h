// Profile references: a social media account written as a handle ("@dzintars",
// "dzintars_lv", "@ann@mastodon.social") or as a profile URL ("https://x.com/dzintars",
// "linkedin.com/company/dzintars", "https://mastodon.social/@ann"), normalised to the platform
// and the handle, so that different spellings of one account compare equal.
//
// Platforms: "x" (x.com, twitter.com), "linkedin" (/in/NAME, /company/NAME, /school/NAME),
// "facebook" (facebook.com/NAME, profile.php?id=N; m., www., web. and fb.com), "instagram",
// "tiktok" (/@NAME), "youtube" (/@NAME, /c/NAME, /user/NAME, /channel/ID), "mastodon"
// (https://HOST/@NAME or @NAME@HOST, any host). A bare handle has no platform ("").
// Handles keep the case they were written in; compare them with HandleKey().
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace chorus::detect {

struct ProfileRef {
  std::string platform;  // "" for a bare handle
  std::string handle;    // without "@" and without the Mastodon host
  std::string host;      // Mastodon only: the server ("mastodon.social")
};

// Reads `text` (surrounding spaces ignored) as a handle or a profile URL. False when it is
// neither: empty, a display name with spaces, a URL of an unknown site or without an account
// in its path, or a handle with characters no platform allows.
bool ParseProfileRef(std::string_view text, ProfileRef* out);

// True if `text` looks like a URL or a host/path ("https://…", "x.com/…"), whether or not it
// names a known platform.
bool LooksLikeUrl(std::string_view text);

// The handle's comparison key: ASCII lower-cased (handles are case-insensitive on every
// platform listed above); other characters as written.
std::string HandleKey(std::string_view handle);

}  // namespace chorus::detect
