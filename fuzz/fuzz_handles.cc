// Fuzz target: the line reader and the look-alike screen of `chorus handles` (with the demo
// policy) on any bytes: every line gets an answer, "official" only with reason "exact", an
// impersonation always names what it resembles, and nothing crashes on invalid UTF-8 or huge
// lines. Also normalises each line as a profile reference.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "detect/lookalike.h"
#include "detect/profile_ref.h"
#include "policy/embedded_data.h"
#include "policy/lookalike_config.h"
#include "text/line_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const chorus::detect::LookalikeScreen* screen = [] {
    chorus::Policy policy;
    if (!chorus::LoadPolicy(*chorus::FindEmbeddedFile("demo/policy.yaml"), &policy).ok())
      std::abort();
    chorus::detect::LookalikeConfig config;
    if (!chorus::LookalikeConfigFor(policy, &config).ok()) std::abort();
    auto* s = new chorus::detect::LookalikeScreen();
    if (!chorus::detect::LookalikeScreen::Create(config, s).ok()) std::abort();
    return s;
  }();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  chorus::text::LineReader reader(in, 600);
  std::string line;
  bool truncated = false;
  size_t lines = 0;
  while (reader.Next(&line, &truncated)) {
    ++lines;
    if (line.size() > 600) std::abort();
    const chorus::detect::LookalikeResult r = screen->Screen(line);
    if (r.reason.empty()) std::abort();
    if (r.verdict == chorus::detect::LookalikeVerdict::kOfficial && r.reason != "exact")
      std::abort();
    if (r.verdict == chorus::detect::LookalikeVerdict::kImpersonation && r.similar_to.empty())
      std::abort();
    chorus::detect::ProfileRef ref;
    if (chorus::detect::ParseProfileRef(line, &ref) && ref.handle.empty()) std::abort();
  }
  if (reader.line_number() != lines) std::abort();
  return 0;
}
