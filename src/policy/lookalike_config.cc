#include "policy/lookalike_config.h"

#include "policy/embedded_data.h"
#include "policy/yaml_util.h"

namespace chorus {

Status LookalikeConfigFor(const Policy& policy, detect::LookalikeConfig* out) {
  *out = detect::LookalikeConfig();
  if (!policy.organization.empty()) out->names.push_back(policy.organization);
  out->names.insert(out->names.end(), policy.aliases.begin(), policy.aliases.end());
  out->names.insert(out->names.end(), policy.brands.begin(), policy.brands.end());
  out->official_accounts = policy.official_accounts;
  const auto data = FindEmbeddedFile("lookalike-affixes.yaml");
  if (!data) return Status::Error("lookalike-affixes.yaml is missing from the build");
  YAML::Node root;
  if (Status s = yaml::ParseYaml(*data, &root); !s.ok()) return s;
  try {
    return yaml::ReadStringList(root["affixes"], "affixes", &out->affixes);
  } catch (const YAML::Exception& e) {
    return Status::Error("lookalike-affixes.yaml: " + e.msg);
  }
}

}  // namespace chorus
