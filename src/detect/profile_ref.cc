#include "detect/profile_ref.h"

#include <array>
#include <cctype>

#include "text/fold.h"
#include "text/utf8.h"

namespace chorus::detect {
namespace {

constexpr size_t kMaxHandleBytes = 100;

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Letters and digits of any script, "_", "." and "-"; not empty, not only punctuation.
bool IsHandle(std::string_view s) {
  if (s.empty() || s.size() > kMaxHandleBytes) return false;
  bool any_word_char = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    const char32_t cp = text::DecodeUtf8(s, i, &len);
    if (cp == text::kReplacementChar) return false;
    if (cp == '_' || cp == '.' || cp == '-') {
      // allowed, but not as the whole handle
    } else if (text::IsLetterOrDigit(cp)) {
      any_word_char = true;
    } else {
      return false;
    }
    i += len;
  }
  return any_word_char;
}

// The first path segment of `path` ("dzintars" of "dzintars/posts?x=1").
std::string_view Segment(std::string_view path) {
  const size_t end = path.find_first_of("/?#");
  return path.substr(0, end);
}

// What follows "segment/" in `path`, or "" when the path has no second segment.
std::string_view AfterSegment(std::string_view path) {
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos) return {};
  const size_t query = path.find_first_of("?#");
  if (query != std::string_view::npos && query < slash) return {};
  return path.substr(slash + 1);
}

bool Set(ProfileRef* out, std::string_view platform, std::string_view handle,
         std::string_view host = {}) {
  if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
  if (!IsHandle(handle)) return false;
  out->platform = std::string(platform);
  out->handle = std::string(handle);
  out->host = std::string(host);
  return true;
}

// A query parameter's value ("123" of "id=123&x" for "id").
std::string_view QueryValue(std::string_view path, std::string_view name) {
  const size_t q = path.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = path.substr(q + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (StartsWith(pair, name) && pair.size() > name.size() && pair[name.size()] == '=')
      return pair.substr(name.size() + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

bool FromUrl(std::string_view host, std::string_view path, ProfileRef* out) {
  for (std::string_view prefix : {"www.", "m.", "mobile.", "web.", "business."})
    if (StartsWith(host, prefix)) host.remove_prefix(prefix.size());
  const std::string_view first = Segment(path);
  if (host == "x.com" || host == "twitter.com") {
    static constexpr std::array<std::string_view, 8> kReserved = {
        "home", "search", "explore", "intent", "i", "hashtag", "share", "settings"};
    for (auto r : kReserved)
      if (LowerAscii(first) == r) return false;
    return Set(out, "x", first);
  }
  if (host == "linkedin.com") {
    if (first == "in" || first == "company" || first == "school" || first == "showcase")
      return Set(out, "linkedin", Segment(AfterSegment(path)));
    return false;
  }
  if (host == "facebook.com" || host == "fb.com") {
    if (first == "profile.php") return Set(out, "facebook", QueryValue(path, "id"));
    if (first == "pages" || first == "people") {
      // facebook.com/pages/NAME/ID: the name is what people see
      return Set(out, "facebook", Segment(AfterSegment(path)));
    }
    static constexpr std::array<std::string_view, 6> kReserved = {"sharer", "sharer.php", "share",
                                                                  "groups", "events",     "watch"};
    for (auto r : kReserved)
      if (first == r) return false;
    return Set(out, "facebook", first);
  }
  if (host == "instagram.com") {
    if (first == "p" || first == "reel" || first == "explore" || first == "stories") return false;
    return Set(out, "instagram", first);
  }
  if (host == "tiktok.com") {
    if (first.empty() || first.front() != '@') return false;
    return Set(out, "tiktok", first);
  }
  if (host == "youtube.com") {
    if (!first.empty() && first.front() == '@') return Set(out, "youtube", first);
    if (first == "c" || first == "user" || first == "channel")
      return Set(out, "youtube", Segment(AfterSegment(path)));
    return false;
  }
  // Any other server with /@NAME is taken for a Mastodon (fediverse) profile.
  if (!first.empty() && first.front() == '@' && host.find('.') != std::string_view::npos)
    return Set(out, "mastodon", first, host);
  return false;
}

}  // namespace

bool LooksLikeUrl(std::string_view text) {
  text = Trim(text);
  if (text.find("://") != std::string_view::npos) return true;
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  const std::string_view host = text.substr(0, slash);
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot + 1 >= host.size()) return false;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  return true;
}

bool ParseProfileRef(std::string_view text, ProfileRef* out) {
  text = Trim(text);
  if (text.empty() || text.size() > 2048) return false;
  if (LooksLikeUrl(text)) {
    std::string_view rest = text;
    if (const size_t scheme = rest.find("://"); scheme != std::string_view::npos) {
      const std::string scheme_name = LowerAscii(rest.substr(0, scheme));
      if (scheme_name != "http" && scheme_name != "https") return false;
      rest.remove_prefix(scheme + 3);
    }
    const size_t slash = rest.find_first_of("/?#");
    std::string host = LowerAscii(rest.substr(0, slash));
    if (const size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    if (const size_t colon = host.find(':'); colon != std::string::npos) host.erase(colon);
    std::string_view path =
        slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    return FromUrl(host, path, out);
  }
  std::string_view handle = text;
  if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
  // @NAME@HOST: a fediverse address.
  if (const size_t at = handle.find('@'); at != std::string_view::npos) {
    const std::string host = LowerAscii(handle.substr(at + 1));
    if (host.find('.') == std::string::npos || !IsHandle(host)) return false;
    return Set(out, "mastodon", handle.substr(0, at), host);
  }
  return Set(out, "", handle);
}

std::string HandleKey(std::string_view handle) {
  return LowerAscii(handle);
}

}  // namespace chorus::detect
