#include "program/playbook.h"

#include <cstdio>

#include "policy/embedded_data.h"
#include "policy/yaml_util.h"

namespace chorus::program {
namespace {

const char* const kPlatforms[] = {"x", "mastodon", "linkedin", "facebook", "feed"};

// Replaces every {name} of `values` in `text`; other braces stay as they are.
std::string FillPlaceholders(const std::string& text,
                             const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size() + 64);
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(text.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

Status ReadStringMap(const YAML::Node& node, const std::string& what,
                     std::map<std::string, std::string>* out) {
  if (!node || !node.IsMap()) return yaml::ErrorAt(node, what + " must be a map of texts");
  for (const auto& kv : node) {
    std::string key, value;
    if (Status s = yaml::ReadString(kv.first, what + " key", &key); !s.ok()) return s;
    if (Status s = yaml::ReadString(kv.second, what + "." + key, &value); !s.ok()) return s;
    if (value.empty()) return yaml::ErrorAt(kv.second, what + "." + key + " is empty");
    (*out)[key] = value;
  }
  return Status::Ok();
}

}  // namespace

Status Playbook::Parse(std::string_view yaml_text, Playbook* out) {
  Playbook book;
  YAML::Node root;
  if (Status s = yaml::ParseYaml(yaml_text, &root); !s.ok()) return s;
  try {
    if (!root.IsMap() || !root["languages"] || !root["languages"].IsMap())
      return yaml::ErrorAt(root, "the playbook must be {languages: {CODE: {...}}}");
    for (const auto& kv : root["languages"]) {
      std::string code;
      if (Status s = yaml::ReadString(kv.first, "language code", &code); !s.ok()) return s;
      const YAML::Node& node = kv.second;
      if (!node.IsMap()) return yaml::ErrorAt(node, code + " must be a map");
      Language lang;
      if (Status s = yaml::ReadString(node["date"], code + ".date", &lang.date); !s.ok()) return s;
      if (Status s = yaml::ReadStringList(node["months"], code + ".months", &lang.months); !s.ok())
        return s;
      if (lang.months.size() != 12)
        return yaml::ErrorAt(node["months"], code + ".months must name twelve months");
      if (Status s = ReadStringMap(node["platforms"], code + ".platforms", &lang.platforms);
          !s.ok())
        return s;
      for (const char* platform : kPlatforms)
        if (!lang.platforms.count(platform))
          return yaml::ErrorAt(node["platforms"],
                               code + ".platforms has no " + std::string(platform));
      if (Status s = ReadStringMap(node["what"], code + ".what", &lang.what); !s.ok()) return s;
      if (!lang.what.count("default"))
        return yaml::ErrorAt(node["what"], code + ".what has no default");
      if (Status s = ReadStringMap(node["templates"], code + ".templates", &lang.templates);
          !s.ok())
        return s;
      for (std::string_view kind : kPlaybookKinds)
        if (!lang.templates.count(std::string(kind)))
          return yaml::ErrorAt(node["templates"], code + ".templates has no " + std::string(kind));
      book.languages_[code] = std::move(lang);
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(e.msg, e.mark.line + 1, e.mark.column + 1);
  }
  if (book.languages_.empty()) return Status::Error("the playbook has no languages");
  *out = std::move(book);
  return Status::Ok();
}

Status Playbook::Builtin(Playbook* out) {
  const auto data = FindEmbeddedFile("playbook.yaml");
  if (!data) return Status::Error("playbook.yaml is missing from the build");
  return Parse(*data, out);
}

std::vector<std::string> Playbook::Languages() const {
  std::vector<std::string> codes;
  for (const auto& [code, _] : languages_) codes.push_back(code);
  return codes;
}

Status Playbook::Fill(std::string_view language, const PlaybookFacts& facts,
                      std::vector<PlaybookText>* out) const {
  out->clear();
  const auto it = languages_.find(std::string(language));
  if (it == languages_.end())
    return Status::Error("the playbook has no language " + std::string(language));
  const Language& lang = it->second;

  std::string date;
  int year = 0, month = 0, day = 0;
  if (facts.published.size() >= 10 &&
      std::sscanf(facts.published.c_str(), "%4d-%2d-%2d", &year, &month, &day) == 3 && month >= 1 &&
      month <= 12 && day >= 1 && day <= 31) {
    date = FillPlaceholders(lang.date, {{"day", std::to_string(day)},
                                        {"month", lang.months[static_cast<size_t>(month - 1)]},
                                        {"year", std::to_string(year)}});
  }
  const auto platform = lang.platforms.find(facts.platform);
  std::string what = facts.summary;
  if (what.empty()) {
    what = lang.what.at("default");
    if (!facts.categories.empty()) {
      if (auto w = lang.what.find(facts.categories.front()); w != lang.what.end()) what = w->second;
    }
  }
  const std::map<std::string, std::string> values = {
      {"organisation", facts.organisation},
      {"platform", platform != lang.platforms.end() ? platform->second : facts.platform},
      {"date", date},
      {"what", what}};
  for (std::string_view kind : kPlaybookKinds) {
    out->push_back(
        {std::string(kind), FillPlaceholders(lang.templates.at(std::string(kind)), values)});
  }
  return Status::Ok();
}

}  // namespace chorus::program
