#include "policy/language_pack.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "detect/cache_file.h"
#include "policy/embedded_data.h"
#include "policy/language_pack_cache.h"
#include "policy/scanner.h"
#include "policy/yaml_util.h"
#include "text/fold.h"
#include "text/inflection.h"

namespace chorus {
namespace {

std::shared_ptr<const text::EndingSet> FoldedEndings(const std::vector<std::string>& raw) {
  // No implicit empty ending: a bare stem is often another word ("wybor" from "wybory").
  text::EndingSet set;
  for (const auto& e : raw) set.insert(text::FoldTerm(e));
  return std::make_shared<const text::EndingSet>(std::move(set));
}

Status ParseInflection(const YAML::Node& node, text::InflectionRules* rules) {
  if (!node) return Status::Ok();
  if (!node.IsMap()) return yaml::ErrorAt(node, "inflection must be a mapping");
  if (node["min_stem"]) {
    try {
      rules->min_stem = node["min_stem"].as<size_t>();
    } catch (const YAML::Exception&) {
      return yaml::ErrorAt(node["min_stem"], "min_stem must be a whole number");
    }
  }
  std::vector<std::string> raw;
  if (Status s = yaml::ReadStringList(node["strip"], "inflection.strip", &raw); !s.ok()) return s;
  for (const auto& e : raw) rules->strip.push_back(text::FoldTerm(e));
  // Longest endings first, so the shortest stem is tried last.
  std::sort(rules->strip.begin(), rules->strip.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  if (Status s = yaml::ReadStringList(node["endings"], "inflection.endings", &raw); !s.ok())
    return s;
  rules->endings = FoldedEndings(raw);
  if (const YAML::Node alts = node["alternations"]) {
    if (!alts.IsSequence()) return yaml::ErrorAt(alts, "inflection.alternations must be a list");
    for (const auto& a : alts) {
      text::InflectionRules::Alternation alt;
      std::string from, to;
      if (Status s = yaml::ReadString(a["from"], "alternation.from", &from); !s.ok()) return s;
      if (Status s = yaml::ReadString(a["to"], "alternation.to", &to); !s.ok()) return s;
      if (Status s = yaml::ReadStringList(a["endings"], "alternation.endings", &raw); !s.ok())
        return s;
      alt.from = text::FoldTerm(from);
      alt.to = text::FoldTerm(to);
      alt.endings = FoldedEndings(raw);
      rules->alternations.push_back(std::move(alt));
    }
  }
  return Status::Ok();
}

// The lexicons the engine reads (scanner.cc and the `lexicon:` sources of
// packs/default-policy.yaml); a pack naming any other is a typo that would be ignored.
const std::vector<std::string>& KnownLexicons() {
  static const std::vector<std::string> names = {"aim_markers",
                                                 "aimed_insults",
                                                 "aimed_personal_attacks",
                                                 "amount_units",
                                                 "client_targets",
                                                 "colleague_targets",
                                                 "company_disparagement",
                                                 "company_targets",
                                                 "complaints",
                                                 "confidential_markers",
                                                 "financial_terms",
                                                 "insults",
                                                 "legal",
                                                 "location_markers",
                                                 "offensive",
                                                 "password_words",
                                                 "personal_attacks",
                                                 "plain_homographs",
                                                 "politics",
                                                 "reclaimed_slurs",
                                                 "religion"};
  return names;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
  return joined;
}

}  // namespace

const std::vector<std::string>& LanguagePack::Lexicon(std::string_view lexicon) const {
  static const std::vector<std::string> empty;
  auto it = lexicons.find(lexicon);
  return it == lexicons.end() ? empty : it->second;
}

std::string LanguagePack::Ui(std::string_view key) const {
  auto it = ui.find(key);
  return it == ui.end() ? std::string(key) : it->second;
}

Status ParseLanguagePack(std::string_view yaml_text, LanguagePack* out) {
  YAML::Node root;
  if (Status s = yaml::ParseYaml(yaml_text, &root); !s.ok()) return s;
  if (!root.IsMap()) return yaml::ErrorAt(root, "a language pack must be a mapping");
  try {
    static const std::vector<std::string> kKeys = {"language",     "name",       "direction",
                                                   "phone_region", "inflection", "common_words",
                                                   "prefixes",     "lexicons",   "ui"};
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end())
        return yaml::ErrorAt(kv.first,
                             "unknown key \"" + key + "\" (known: " + JoinNames(kKeys) + ")");
    }
    if (Status s = yaml::ReadString(root["language"], "language", &out->code); !s.ok()) return s;
    if (root["name"]) {
      if (Status s = yaml::ReadString(root["name"], "name", &out->name); !s.ok()) return s;
    }
    std::string direction = "ltr";
    if (root["direction"]) {
      if (Status s = yaml::ReadString(root["direction"], "direction", &direction); !s.ok())
        return s;
      if (direction != "ltr" && direction != "rtl")
        return yaml::ErrorAt(
            root["direction"],
            "direction must be ltr or rtl (lower case), not \"" + direction + "\"");
    }
    out->right_to_left = direction == "rtl";
    if (root["phone_region"]) {
      if (Status s = yaml::ReadString(root["phone_region"], "phone_region", &out->phone_region);
          !s.ok())
        return s;
    }
    out->inflection.language = out->code;
    if (Status s = ParseInflection(root["inflection"], &out->inflection); !s.ok()) return s;
    std::vector<std::string> prefixes;
    if (Status s = yaml::ReadStringList(root["prefixes"], "prefixes", &prefixes); !s.ok()) return s;
    for (const auto& p : prefixes) out->inflection.prefixes.push_back(text::FoldTerm(p));
    std::vector<std::string> common;
    if (root["common_words"]) {
      if (Status s = yaml::ReadStringList(root["common_words"], "common_words", &common); !s.ok())
        return s;
    }
    for (const auto& w : common) out->common_words.push_back(text::FoldTerm(w));
    if (const YAML::Node lex = root["lexicons"]) {
      if (!lex.IsMap()) return yaml::ErrorAt(lex, "lexicons must be a mapping");
      for (const auto& kv : lex) {
        std::vector<std::string> entries;
        const std::string name = kv.first.Scalar();
        const auto& known = KnownLexicons();
        if (std::find(known.begin(), known.end(), name) == known.end())
          return yaml::ErrorAt(
              kv.first, "unknown lexicon \"" + name + "\" (known: " + JoinNames(known) + ")");
        if (Status s = yaml::ReadStringList(kv.second, "lexicons." + name, &entries); !s.ok())
          return s;
        // "{wy,za,}jeb{ać,any}": alternatives written once, expanded here.
        std::vector<std::string> expanded;
        for (const auto& e : entries)
          for (auto& form : text::ExpandAlternatives(e)) expanded.push_back(std::move(form));
        out->lexicons[name] = std::move(expanded);
      }
    }
    if (const YAML::Node ui = root["ui"]) {
      if (!ui.IsMap()) return yaml::ErrorAt(ui, "ui must be a mapping");
      for (const auto& kv : ui) {
        std::string value;
        if (Status s = yaml::ReadString(kv.second, "ui." + kv.first.Scalar(), &value); !s.ok())
          return s;
        out->ui[kv.first.Scalar()] = value;
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(e.msg, e.mark.line + 1, e.mark.column + 1);
  }
  return Status::Ok();
}

const std::vector<LanguagePack>& BuiltinLanguagePacks() {
  static const std::vector<LanguagePack> packs = [] {
    std::vector<LanguagePack> result;
    // A warm start reads the parsed packs from the cache (language_pack_cache.h).
    constexpr const char* kKind = "packs";
    constexpr uint32_t kFormat = 1;
    detect::ByteWriter input;
    input.Str(kKind);
    input.U32(kFormat);
    for (const auto& f : EmbeddedFiles()) {
      if (f.path.substr(0, 5) != "lang/") continue;
      input.Str(f.path);
      input.Str(f.data);
    }
    const std::string dir = DefaultCacheDir();
    const std::string key = detect::CacheKey(input.bytes());
    const std::string file = dir.empty() ? std::string() : detect::CacheFilePath(dir, key, kKind);
    std::string payload;
    if (!file.empty() && detect::ReadCacheFile(file, kKind, kFormat, key, &payload) &&
        DecodeLanguagePacks(payload, &result))
      return result;
    for (const auto& f : EmbeddedFiles()) {
      if (f.path.substr(0, 5) != "lang/") continue;
      LanguagePack pack;
      Status s = ParseLanguagePack(f.data, &pack);
      if (!s.ok()) {
        std::fprintf(stderr, "chorus: built-in language pack %.*s is broken: %s\n",
                     static_cast<int>(f.path.size()), f.path.data(), s.ToString().c_str());
        std::abort();
      }
      result.push_back(std::move(pack));
    }
    std::sort(result.begin(), result.end(),
              [](const LanguagePack& a, const LanguagePack& b) { return a.code < b.code; });
    if (!file.empty())
      detect::WriteCacheFile(file, kKind, kFormat, key, EncodeLanguagePacks(result));
    return result;
  }();
  return packs;
}

const LanguagePack* FindLanguagePack(std::string_view code) {
  for (const auto& p : BuiltinLanguagePacks())
    if (p.code == code) return &p;
  return nullptr;
}

}  // namespace chorus
