// Fuzz target: the whole engine on any bytes, with the demo policy; every finding's span
// lies inside the post and the verdict is the most severe finding.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "policy/embedded_data.h"
#include "policy/scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const chorus::Scanner> scanner = [] {
    chorus::Policy policy;
    if (!chorus::LoadPolicy(*chorus::FindEmbeddedFile("demo/policy.yaml"), &policy).ok())
      std::abort();
    std::shared_ptr<const chorus::Scanner> s;
    if (!chorus::Scanner::Compile(policy, {}, &s).ok()) std::abort();
    return s;
  }();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const char* lang : {"", "lv", "he"}) {
    chorus::CheckResult result;
    chorus::CheckOptions options;
    options.language = lang;
    if (!scanner->Check(input, options, &result).ok()) std::abort();
    chorus::Severity worst = chorus::Severity::kOk;
    for (const auto& f : result.findings) {
      if (f.start >= f.end || f.end > size) std::abort();
      if (f.message.empty()) std::abort();
      if (f.severity > worst) worst = f.severity;
    }
    if (worst != result.verdict) std::abort();
  }
  return 0;
}
