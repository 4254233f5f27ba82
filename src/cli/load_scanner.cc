#include <iostream>

#include "cli/commands.h"

namespace chorus::cli {

bool LoadScanner(const std::string& path, std::shared_ptr<const Scanner>* out) {
  Policy policy = DefaultPolicy();
  if (!path.empty()) {
    if (Status s = LoadPolicyFile(path, &policy); !s.ok()) {
      std::cerr << "chorus: " << path << ":" << s.ToString() << "\n";
      return false;
    }
  }
  CompileOptions options;
  options.cache_dir = DefaultCacheDir();
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
