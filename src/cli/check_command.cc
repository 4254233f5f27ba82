// `chorus check`: one post (an argument or standard input) and optionally a photo.
#include <unistd.h>

#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/report.h"
#include "policy/result_json.h"

namespace chorus::cli {
namespace {

struct CheckArgs {
  std::string policy;
  std::string language;
  std::string format = "text";
  std::string fail_on = "review";
  std::string color = "auto";
  std::string image;
  std::vector<std::string> text;
  size_t max_bytes = 1 << 20;
};

int RunCheck(const CheckArgs& args) {
  Severity fail_on;
  if (!ParseFailOn(args.fail_on, &fail_on)) {
    std::cerr << "chorus check: --fail-on must be caution, review or block\n";
    return kExitUsage;
  }
  std::string post;
  const bool from_stdin = args.text.empty() || (args.text.size() == 1 && args.text[0] == "-");
  if (from_stdin && (args.image.empty() || !args.text.empty())) {
    if (isatty(STDIN_FILENO) && args.text.empty()) {
      std::cerr << "chorus check: give the post as an argument, or pipe it in with \"-\"\n";
      return kExitUsage;
    }
    // Read at most one byte over the limit: enough to refuse an oversized post.
    post.resize(args.max_bytes + 1);
    std::cin.read(post.data(), static_cast<std::streamsize>(post.size()));
    post.resize(static_cast<size_t>(std::cin.gcount()));
  } else if (!from_stdin) {
    for (size_t i = 0; i < args.text.size(); ++i) post += (i ? " " : "") + args.text[i];
  }

  std::shared_ptr<const Scanner> scanner;
  if (!LoadScanner(args.policy, &scanner)) return kExitUsage;

  CheckResult result;
  CheckOptions options;
  options.language = args.language;
  options.max_bytes = args.max_bytes;
  if (Status s = scanner->Check(post, options, &result); !s.ok()) {
    std::cerr << "chorus check: " << s.ToString() << "\n";
    return kExitUsage;
  }
  if (!args.image.empty()) {
    std::vector<Finding> image_findings;
    if (Status s = scanner->CheckImage(args.image, result.language, &image_findings); !s.ok()) {
      std::cerr << "chorus check: " << args.image << ": " << s.ToString() << "\n";
      return kExitUsage;
    }
    for (auto& f : image_findings) {
      result.verdict = std::max(result.verdict, f.severity);
      result.findings.push_back(std::move(f));
    }
  }

  if (args.format == "json") {
    std::cout << CheckResultToJson(result).dump(2, ' ', false,
                                                nlohmann::json::error_handler_t::replace)
              << "\n";
  } else if (args.format == "sarif") {
    std::cout << SarifReport(post, result, args.image.empty() ? "post" : args.image,
                             scanner->policy())
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    const bool color = args.color == "always" || (args.color == "auto" && isatty(STDOUT_FILENO));
    std::cout << TextReport(post, result, "post", color);
  }
  return result.verdict >= fail_on ? kExitFindings : kExitOk;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd =
      app.add_subcommand("check", "Check one post against the policy and explain every finding");
  cmd->add_option(
      "text", args->text,
      "The post (several words are joined by spaces); \"-\" or nothing reads standard input");
  cmd->add_option("--policy,-p", args->policy, "Policy file (default: the built-in policy)");
  cmd->add_option("--lang,-l", args->language,
                  "Language of the post: en, lv, pl, he (default: detected)");
  cmd->add_option("--format,-f", args->format, "Output: text, json or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit with 1 when a finding is at least this severe: caution, review, block")
      ->check(CLI::IsMember({"caution", "review", "block"}));
  cmd->add_option("--image,-i", args->image,
                  "A photo to check for location data (EXIF GPS, IPTC/XMP places)");
  cmd->add_option("--color", args->color, "Colours in text output: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--max-bytes", args->max_bytes, "Refuse posts longer than this many bytes")
      ->check(CLI::PositiveNumber);
  cmd->callback([args, exit_code] { *exit_code = RunCheck(*args); });
}

}  // namespace chorus::cli
