#include "program/platform_domains.h"

#include "policy/embedded_data.h"
#include "policy/yaml_util.h"

namespace chorus::program {

Status PlatformDomains::Parse(std::string_view yaml_text, PlatformDomains* out) {
  PlatformDomains table;
  YAML::Node root;
  if (Status s = yaml::ParseYaml(yaml_text, &root); !s.ok()) return s;
  try {
    if (!root.IsMap() || !root["platforms"] || !root["platforms"].IsMap())
      return yaml::ErrorAt(root, "platform domains must be {platforms: {ID: [domain, ...]}}");
    for (const auto& kv : root["platforms"]) {
      std::string id;
      if (Status s = yaml::ReadString(kv.first, "platform id", &id); !s.ok()) return s;
      if (id.empty() || id == "total" ||
          id.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") != std::string::npos)
        return yaml::ErrorAt(
            kv.first,
            "platform id \"" + id + "\" must be lower-case letters, digits or _ (not total)");
      std::vector<std::string> domains;
      if (Status s = yaml::ReadStringList(kv.second, id, &domains); !s.ok()) return s;
      const size_t index = table.platforms_.size();
      table.platforms_.push_back(id);
      for (size_t i = 0; i < domains.size(); ++i) {
        std::string domain = domains[i];
        for (char& c : domain)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (!table.platform_of_.emplace(domain, index).second)
          return yaml::ErrorAt(kv.second.IsSequence() ? kv.second[i] : kv.second,
                               "domain \"" + domain + "\" is listed twice");
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(e.msg, e.mark.line + 1, e.mark.column + 1);
  }
  *out = std::move(table);
  return Status::Ok();
}

Status PlatformDomains::Builtin(PlatformDomains* out) {
  const auto data = FindEmbeddedFile("platform-domains.yaml");
  if (!data) return Status::Error("platform-domains.yaml is missing from the build");
  return Parse(*data, out);
}

std::string_view PlatformDomains::PlatformOf(std::string_view host) const {
  // host, then each parent domain: "static.xx.fbcdn.net", "xx.fbcdn.net", "fbcdn.net", "net"
  for (;;) {
    if (auto it = platform_of_.find(std::string(host)); it != platform_of_.end())
      return platforms_[it->second];
    const size_t dot = host.find('.');
    if (dot == std::string_view::npos) return {};
    host.remove_prefix(dot + 1);
  }
}

}  // namespace chorus::program
