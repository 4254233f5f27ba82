// `chorus policy init` and `chorus policy lint` (`publish`: policy_publish_command.cc).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/counted.h"
#include "policy/embedded_data.h"
#include "policy/language_pack.h"

namespace chorus::cli {
namespace {

struct InitArgs {
  std::string language = "en";
  std::string output;
  bool force = false;
};

struct LintArgs {
  std::vector<std::string> files;
};

int RunInit(const InitArgs& args) {
  const auto tmpl = FindEmbeddedFile("templates/policy." + args.language + ".yaml");
  if (!tmpl) {
    std::string known;
    for (const auto& p : BuiltinLanguagePacks())
      if (FindEmbeddedFile("templates/policy." + p.code + ".yaml")) known += " " + p.code;
    std::cerr << "chorus policy init: no starter policy in \"" << args.language
              << "\"; available:" << known << "\n";
    return kExitUsage;
  }
  if (args.output.empty() || args.output == "-") {
    std::cout << *tmpl;
    return kExitOk;
  }
  if (std::filesystem::exists(args.output) && !args.force) {
    std::cerr << "chorus policy init: " << args.output
              << " already exists; use --force to overwrite it\n";
    return kExitUsage;
  }
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  out << *tmpl;
  out.close();
  if (!out) {
    std::cerr << "chorus policy init: cannot write " << args.output << "\n";
    return kExitUsage;
  }
  std::cerr << "chorus policy init: wrote " << args.output << "; check it with: chorus policy lint "
            << args.output << "\n";
  return kExitOk;
}

int RunLint(const LintArgs& args) {
  int exit_code = kExitOk;
  for (const auto& path : args.files) {
    std::string text;
    if (Status s = ReadPolicyFile(path, &text); !s.ok()) {
      std::cerr << path << ": error: " << s.message() << "\n";
      exit_code = kExitUsage;
      continue;
    }
    const std::vector<Status> problems = LintPolicy(text);
    for (const auto& p : problems) {
      std::cout << path << ":";
      if (p.line() > 0) std::cout << p.line() << ":" << p.column() << ":";
      std::cout << " error: " << p.message() << "\n";
    }
    if (!problems.empty()) {
      exit_code = kExitUsage;
      continue;
    }
    Policy policy;
    if (Status s = LoadPolicy(text, &policy); !s.ok()) {  // LintPolicy found nothing
      std::cout << path << ": error: " << s.ToString() << "\n";
      exit_code = kExitUsage;
      continue;
    }
    size_t enabled = 0;
    for (const auto& c : policy.clauses) enabled += c.enabled;
    std::cout << path << ": ok (" << enabled << " of "
              << Counted(policy.clauses.size(), "clause", "clauses") << " enabled; "
              << Counted(policy.clients.size(), "client", "clients") << ", "
              << Counted(policy.competitors.size(), "competitor", "competitors") << ", "
              << Counted(policy.confidential_terms.size(), "confidential term",
                         "confidential terms")
              << ")\n";
  }
  return exit_code;
}

}  // namespace

void AddPolicyCommand(CLI::App& app, int* exit_code) {
  CLI::App* policy = app.add_subcommand("policy", "Write and verify policy files");
  policy->require_subcommand(1);

  auto init = std::make_shared<InitArgs>();
  CLI::App* init_cmd =
      policy->add_subcommand("init", "Write a commented starter policy in a language");
  init_cmd->add_option("--lang,-l", init->language,
                       "Language of the comments and examples: en, lv, pl, he");
  init_cmd->add_option("--output,-o", init->output, "File to write (default: standard output)");
  init_cmd->add_flag("--force", init->force, "Overwrite an existing file");
  init_cmd->callback([init, exit_code] { *exit_code = RunInit(*init); });

  auto lint = std::make_shared<LintArgs>();
  CLI::App* lint_cmd =
      policy->add_subcommand("lint", "Report every error in policy files, with line and column");
  lint_cmd
      ->add_option("files", lint->files,
                   "Policy files (\"-\": standard input), 512 KiB each at most")
      ->required();
  lint_cmd->callback([lint, exit_code] { *exit_code = RunLint(*lint); });

  AddPolicyPublishCommand(*policy, exit_code);
}

}  // namespace chorus::cli
