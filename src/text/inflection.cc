#include "text/inflection.h"

#include <algorithm>
#include <cctype>

namespace chorus::text {
const std::shared_ptr<const EndingSet>& BareEnding() {
  static const auto bare = std::make_shared<const EndingSet>(EndingSet{""});
  return bare;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::vector<StemForm> WordForms(std::string_view folded_word,
                                const std::vector<const InflectionRules*>& rules, bool exact) {
  std::set<StemForm> forms;
  const std::string word(folded_word);
  forms.insert({word, BareEnding()});
  if (!exact) {
    for (const InflectionRules* r : rules) {
      if (!r || !r->endings) continue;
      // Short words (abbreviations, "ABC") keep their letters; endings may still follow.
      if (word.size() < r->min_stem) continue;
      forms.insert({word, r->endings});
      std::vector<std::string> stems{word};
      for (const auto& ending : r->strip) {
        if (ending.empty() || !EndsWith(word, ending)) continue;
        if (word.size() - ending.size() < r->min_stem) continue;
        std::string stem = word.substr(0, word.size() - ending.size());
        forms.insert({stem, r->endings});
        stems.push_back(std::move(stem));
      }
      for (const auto& stem : stems) {
        for (const auto& alt : r->alternations) {
          if (alt.from.empty() || !EndsWith(stem, alt.from) || !alt.endings) continue;
          std::string changed = stem.substr(0, stem.size() - alt.from.size()) + alt.to;
          if (changed.size() < r->min_stem) continue;
          forms.insert({std::move(changed), alt.endings});
        }
      }
    }
  }
  return {forms.begin(), forms.end()};
}

std::vector<std::string> ExpandAlternatives(std::string_view entry, size_t limit) {
  std::vector<std::string> out{""};
  size_t i = 0;
  while (i < entry.size()) {
    const size_t open = entry.find('{', i);
    const size_t close = open == std::string_view::npos ? open : entry.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos ||
        entry.substr(open + 1, close - open - 1).find('{') != std::string_view::npos) {
      for (auto& s : out) s.append(entry.substr(i));
      break;
    }
    for (auto& s : out) s.append(entry.substr(i, open - i));
    std::vector<std::string> parts;
    const std::string_view group = entry.substr(open + 1, close - open - 1);
    for (size_t p = 0;;) {
      const size_t comma = group.find(',', p);
      parts.emplace_back(group.substr(p, comma == std::string_view::npos ? comma : comma - p));
      if (comma == std::string_view::npos) break;
      p = comma + 1;
    }
    std::vector<std::string> next;
    for (const auto& s : out)
      for (const auto& part : parts)
        if (next.size() < limit) next.push_back(s + part);
    out.swap(next);
    i = close + 1;
  }
  return out;
}

std::vector<std::string> SocialSpellings(std::string_view entry, bool run_together) {
  std::vector<std::string> out;
  int words = 1;
  bool camel = false;
  for (size_t i = 0; i < entry.size(); ++i) {
    const auto c = static_cast<unsigned char>(entry[i]);
    if (c == ' ') {
      ++words;
    } else if (c >= 0xD6 && c <= 0xDB) {
      return out;  // Hebrew and other scripts that do not join words
    } else if (c < 0x80 && !std::isalnum(c)) {
      return out;
    }
    if (i > 0 && std::isupper(c) && std::islower(static_cast<unsigned char>(entry[i - 1])))
      camel = true;
  }
  if (run_together && words >= 2 && words <= 4) {
    std::string joined;
    for (char c : entry)
      if (c != ' ') joined.push_back(c);
    out.push_back(std::move(joined));
  }
  if (camel && words == 1) {
    std::string spaced;
    for (size_t i = 0; i < entry.size(); ++i) {
      if (i > 0 && std::isupper(static_cast<unsigned char>(entry[i])) &&
          std::islower(static_cast<unsigned char>(entry[i - 1])))
        spaced.push_back(' ');
      spaced.push_back(entry[i]);
    }
    out.push_back(std::move(spaced));
  }
  return out;
}

bool MatchesForms(std::string_view token, const std::vector<StemForm>& forms) {
  for (const auto& f : forms) {
    if (token.size() < f.stem.size() || token.compare(0, f.stem.size(), f.stem) != 0) continue;
    if (f.endings->count(token.substr(f.stem.size()))) return true;
  }
  return false;
}

std::string CommonStem(const std::vector<StemForm>& forms) {
  if (forms.empty()) return {};
  std::string_view common = forms.front().stem;
  for (const auto& f : forms) {
    size_t n = 0;
    while (n < common.size() && n < f.stem.size() && common[n] == f.stem[n]) ++n;
    common = common.substr(0, n);
  }
  // Never cut a UTF-8 sequence in half.
  size_t n = common.size();
  while (n > 0 && n < forms.front().stem.size() &&
         (static_cast<unsigned char>(forms.front().stem[n]) & 0xC0) == 0x80)
    --n;
  return std::string(common.substr(0, n));
}

}  // namespace chorus::text
