// PlatformDomains: which web host belongs to which social media platform, read from
// packs/platform-domains.yaml (`platforms: {facebook: [facebook.com, ...], ...}`). A domain
// covers itself and its subdomains; the longest listed suffix wins.
//
// Thread-safety: immutable after Parse; PlatformOf is safe from several threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace chorus::program {

class PlatformDomains {
 public:
  // Reads the YAML text; errors carry line and column.
  static Status Parse(std::string_view yaml_text, PlatformDomains* out);
  // The table built into the binary (packs/platform-domains.yaml).
  static Status Builtin(PlatformDomains* out);

  // The platform id of `host` (lower case), or "" when it belongs to none.
  std::string_view PlatformOf(std::string_view host) const;

  const std::vector<std::string>& platforms() const { return platforms_; }

 private:
  std::vector<std::string> platforms_;                   // in file order
  std::unordered_map<std::string, size_t> platform_of_;  // domain -> index
};

}  // namespace chorus::program
