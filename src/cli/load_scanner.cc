#include <iostream>

#include "cli/commands.h"
#include "policy/policy_cache.h"

namespace chorus::cli {

bool LoadScanner(const std::string& path, std::shared_ptr<const Scanner>* out) {
  CompileOptions options;
  options.cache_dir = DefaultCacheDir();
  Policy policy;
  if (path.empty()) {
    policy = DefaultPolicy();
  } else {
    // Cached: a warm start skips the YAML parse (policy_cache.h).
    if (Status s = LoadPolicyFileCached(path, options.cache_dir, &policy); !s.ok()) {
      std::cerr << "chorus: " << path << ":" << s.ToString() << "\n";
      return false;
    }
  }
  if (Status s = Scanner::Compile(policy, options, out); !s.ok()) {
    std::cerr << "chorus: cannot compile the policy: " << s.ToString() << "\n";
    return false;
  }
  return true;
}

bool ParseFailOn(const std::string& name, Severity* out) {
  return ParseSeverity(name, out) && *out != Severity::kOk;
}

}  // namespace chorus::cli
