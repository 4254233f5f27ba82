// `chorus demo` (what `make run` starts until the server exists): checks the sample posts of
// packs/demo/ in all four languages against the demo company's policy and prints the results.
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/report.h"
#include "policy/embedded_data.h"

namespace chorus::cli {
namespace {

int RunDemo() {
  const auto policy_text = FindEmbeddedFile("demo/policy.yaml");
  const auto posts_text = FindEmbeddedFile("demo/posts.yaml");
  if (!policy_text || !posts_text) {
    std::cerr << "chorus demo: the demo data is missing from this build\n";
    return kExitUsage;
  }
  Policy policy;
  if (Status s = LoadPolicy(*policy_text, &policy); !s.ok()) {
    std::cerr << "chorus demo: demo policy: " << s.ToString() << "\n";
    return kExitUsage;
  }
  std::shared_ptr<const Scanner> scanner;
  CompileOptions options;
  options.cache_dir = DefaultCacheDir();
  if (Status s = Scanner::Compile(policy, options, &scanner); !s.ok()) {
    std::cerr << "chorus demo: " << s.ToString() << "\n";
    return kExitUsage;
  }
  const bool color = isatty(STDOUT_FILENO);
  std::cout << "Chorus demo — the policy of " << policy.organization
            << " (packs/demo/policy.yaml)\n"
            << "Each sample post is checked as `chorus check` would check it.\n\n";
  const YAML::Node posts = YAML::Load(std::string(*posts_text));
  int n = 0;
  for (const auto& item : posts["posts"]) {
    const std::string text = item["text"].as<std::string>();
    const std::string lang = item["lang"] ? item["lang"].as<std::string>() : "";
    CheckResult result;
    CheckOptions check_options;
    check_options.language = lang;
    if (Status s = scanner->Check(text, check_options, &result); !s.ok()) {
      std::cerr << "chorus demo: " << s.ToString() << "\n";
      continue;
    }
    ++n;
    std::cout << "── post " << n << " [" << result.language << "] ─────────────────\n"
              << text << "\n\n"
              << TextReport(text, result, "post" + std::to_string(n), color) << "\n";
  }
  std::cout << "Try your own: build/chorus check --policy packs/demo/policy.yaml \"…\"\n"
            << "Many posts:   build/chorus scan --policy packs/demo/policy.yaml posts.jsonl\n";
  return kExitOk;
}

}  // namespace

void AddDemoCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd =
      app.add_subcommand("demo", "Check sample posts in four languages against a demo policy");
  cmd->callback([exit_code] { *exit_code = RunDemo(); });
}

}  // namespace chorus::cli
