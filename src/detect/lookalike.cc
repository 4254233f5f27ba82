#include "detect/lookalike.h"

#include <algorithm>
#include <unordered_map>

#include "detect/lookalike_keys.h"
#include "detect/profile_ref.h"
#include "text/utf8.h"

namespace chorus::detect {
namespace {

// Affix words in a trie over skeleton code points, so that segmenting a candidate allocates
// nothing.
class AffixTrie {
 public:
  AffixTrie() : nodes_(1) {}

  void Add(std::u32string_view word) {
    if (word.empty()) return;
    size_t node = 0;
    for (char32_t c : word) {
      auto it = nodes_[node].next.find(c);
      if (it == nodes_[node].next.end()) {
        nodes_.emplace_back();
        it = nodes_[node].next.emplace(c, nodes_.size() - 1).first;
      }
      node = it->second;
    }
    nodes_[node].terminal = true;
  }

  // Calls `at(j)` for every j such that s[i, j) is an affix word or a run of digits.
  template <typename Fn>
  void Ends(std::u32string_view s, size_t i, Fn at) const {
    size_t d = i;
    while (d < s.size() && s[d] >= '0' && s[d] <= '9') at(++d);
    size_t node = 0;
    for (size_t j = i; j < s.size(); ++j) {
      auto it = nodes_[node].next.find(s[j]);
      if (it == nodes_[node].next.end()) return;
      node = it->second;
      if (nodes_[node].terminal) at(j + 1);
    }
  }

 private:
  struct Node {
    std::unordered_map<char32_t, size_t> next;
    bool terminal = false;
  };
  std::vector<Node> nodes_;
};

struct Target {
  std::string shown;   // as the policy writes it
  std::string source;  // the name compared: the handle of an account, else `shown`
  NameKeys keys;
  size_t typos = 0;  // edit distance allowed
};

struct Official {
  std::string shown;
  ProfileRef ref;
  std::string key;  // HandleKey
};

// How a candidate key matched a target: the better match has the lower rank.
struct Match {
  bool found = false;
  size_t distance = 0;
  bool affixed = false;
  bool leet = false;
  size_t rank() const { return distance * 4 + (affixed ? 2 : 0) + (leet ? 1 : 0); }
};

size_t TyposFor(size_t length) {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// ASCII lower case with runs of spaces as one space: "Amber  Pay" and "amber pay" are one name.
std::string SpacesCollapsed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The name a URL of an unknown site shows: its host without "www." and the top-level domain
// ("dzintars-support" of "https://www.dzintars-support.com/login").
std::string_view HostName(std::string_view url) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos)
    url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  if (const size_t dot = url.rfind('.'); dot != std::string_view::npos) url = url.substr(0, dot);
  return url;
}

}  // namespace

std::string_view LookalikeVerdictName(LookalikeVerdict verdict) {
  switch (verdict) {
    case LookalikeVerdict::kOfficial:
      return "official";
    case LookalikeVerdict::kImpersonation:
      return "impersonation";
    case LookalikeVerdict::kOk:
      break;
  }
  return "ok";
}

struct LookalikeScreen::Impl {
  NameKeyer keyer;
  AffixTrie affixes;
  std::vector<Target> targets;
  std::vector<Official> officials;

  // Positions i where s[0, i) splits into affixes (prefix) and where s[i, n) does (suffix).
  void Segment(std::u32string_view s, std::vector<char>* prefix, std::vector<char>* suffix) const {
    const size_t n = s.size();
    prefix->assign(n + 1, 0);
    suffix->assign(n + 1, 0);
    (*prefix)[0] = 1;
    for (size_t i = 0; i < n; ++i)
      if ((*prefix)[i]) affixes.Ends(s, i, [&](size_t j) { (*prefix)[j] = 1; });
    (*suffix)[n] = 1;
    for (size_t i = n; i-- > 0;)
      affixes.Ends(s, i, [&](size_t j) {
        if ((*suffix)[j]) (*suffix)[i] = 1;
      });
  }

  Match MatchKey(std::u32string_view s, const std::vector<char>& prefix,
                 const std::vector<char>& suffix, const Target& t, bool leet) const {
    Match best;
    const std::u32string_view name = t.keys.skeleton;
    const size_t m = name.size();
    const size_t n = s.size();
    for (size_t i = 0; i < n; ++i) {
      if (!prefix[i]) continue;
      const size_t low = m > t.typos ? m - t.typos : 1;
      for (size_t len = low; len <= m + t.typos && i + len <= n; ++len) {
        if (!suffix[i + len]) continue;
        const size_t d = BoundedEditDistance(s.substr(i, len), name, t.typos);
        if (d > t.typos) continue;
        Match match{true, d, i > 0 || i + len < n, leet};
        if (!best.found || match.rank() < best.rank()) best = match;
      }
    }
    return best;
  }

  LookalikeResult ScreenName(std::string_view name) const {
    LookalikeResult result;
    const NameKeys keys = keyer.Keys(name);
    if (keys.skeleton.empty()) return result;
    std::vector<char> prefix, suffix, leet_prefix, leet_suffix;
    Segment(keys.skeleton, &prefix, &suffix);
    const bool has_leet = keys.leet != keys.skeleton;
    if (has_leet) Segment(keys.leet, &leet_prefix, &leet_suffix);
    const Target* best_target = nullptr;
    Match best;
    for (const Target& t : targets) {
      Match m = MatchKey(keys.skeleton, prefix, suffix, t, false);
      if (has_leet) {
        // Digits read as letters count only as an exact look-alike, never with typing slips
        // on top ("dzintra.rossi49" is not "dzintarssia").
        const Match l = MatchKey(keys.leet, leet_prefix, leet_suffix, t, true);
        if (l.found && l.distance == 0 && (!m.found || l.rank() < m.rank())) m = l;
      }
      if (m.found && (!best.found || m.rank() < best.rank())) best = m, best_target = &t;
    }
    if (!best_target) return result;
    const Target& t = *best_target;
    result.verdict = LookalikeVerdict::kImpersonation;
    result.similar_to = t.shown;
    const bool plain_has_name = keys.plain.find(t.keys.plain) != std::u32string::npos;
    if (best.distance > 0) {
      result.reason = keys.mixed_script ? "mixed_script" : "typo";
    } else if (!plain_has_name || best.leet) {
      result.reason = keys.mixed_script ? "mixed_script" : "homoglyph";
    } else if (best.affixed || keys.plain != t.keys.plain) {
      result.reason = "affix";
    } else {
      // The same letters: the name itself, or the name with separators added or moved.
      result.reason = SpacesCollapsed(name) == SpacesCollapsed(t.source) ? "name" : "separator";
    }
    return result;
  }
};

LookalikeScreen::LookalikeScreen() = default;
LookalikeScreen::~LookalikeScreen() = default;
LookalikeScreen::LookalikeScreen(LookalikeScreen&&) noexcept = default;
LookalikeScreen& LookalikeScreen::operator=(LookalikeScreen&&) noexcept = default;

Status LookalikeScreen::Create(const LookalikeConfig& config, LookalikeScreen* out) {
  auto impl = std::make_unique<Impl>();
  if (Status s = impl->keyer.Init(); !s.ok()) return s;
  for (const auto& word : config.affixes) {
    if (!text::IsValidUtf8(word)) continue;
    impl->affixes.Add(impl->keyer.Keys(word).skeleton);
  }
  auto add_target = [&](const std::string& shown, std::string_view name) {
    if (!text::IsValidUtf8(name)) return;
    Target t{shown, std::string(name), impl->keyer.Keys(name), 0};
    if (t.keys.skeleton.size() < 3) return;  // "AB" would match half the world
    for (const auto& other : impl->targets)
      if (other.keys.skeleton == t.keys.skeleton) return;
    t.typos = TyposFor(t.keys.plain.size());  // letters as written: "m" is "rn" in a skeleton
    impl->targets.push_back(std::move(t));
  };
  for (const auto& account : config.official_accounts) {
    Official o;
    if (!ParseProfileRef(account, &o.ref))
      return Status::Error("official account \"" + account +
                           "\" is neither a handle nor a profile URL of a known platform");
    o.shown = account;
    o.key = HandleKey(o.ref.handle);
    add_target(account, o.ref.handle);
    impl->officials.push_back(std::move(o));
  }
  for (const auto& name : config.names) add_target(name, name);
  out->impl_ = std::move(impl);
  return Status::Ok();
}

LookalikeResult LookalikeScreen::Screen(std::string_view input) const {
  LookalikeResult result;
  if (input.size() > kMaxLookalikeInputBytes) {
    result.reason = "too_long";
    return result;
  }
  if (!text::IsValidUtf8(input)) {
    result.reason = "invalid_utf8";
    return result;
  }
  input = Trim(input);
  if (input.empty()) {
    result.reason = "empty";
    return result;
  }
  if (!impl_) return result;
  ProfileRef ref;
  if (ParseProfileRef(input, &ref)) {
    const std::string key = HandleKey(ref.handle);
    for (const Official& o : impl_->officials) {
      if (o.key != key) continue;
      if (!o.ref.platform.empty() && !ref.platform.empty() && o.ref.platform != ref.platform)
        continue;
      if (!o.ref.host.empty() && !ref.host.empty() && o.ref.host != ref.host) continue;
      result.verdict = LookalikeVerdict::kOfficial;
      result.similar_to = o.shown;
      result.reason = "exact";
      return result;
    }
    return impl_->ScreenName(ref.handle);
  }
  if (LooksLikeUrl(input)) return impl_->ScreenName(HostName(input));
  return impl_->ScreenName(input);
}

}  // namespace chorus::detect
