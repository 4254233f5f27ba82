// `chorus handles --policy FILE [FILE|-]`: the look-alike screen over one handle, profile URL
// or display name per line, answering one JSON line per input line, in order:
//   {"handle","verdict":"official|impersonation|ok","similar_to","reason"}
// (detect/lookalike.h lists the reasons). Lines are read with a cap, so a huge line or a
// binary file is answered ("too_long", "invalid_utf8"), never a crash.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "detect/lookalike.h"
#include "policy/lookalike_config.h"
#include "text/line_reader.h"
#include "text/utf8.h"

namespace chorus::cli {
namespace {

struct HandlesArgs {
  std::string policy;
  std::vector<std::string> files;
};

// What the answer echoes of an input line: valid UTF-8, at most the screen's input limit.
std::string Echo(std::string_view line) {
  if (line.size() > detect::kMaxLookalikeInputBytes) {
    size_t cut = detect::kMaxLookalikeInputBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut);
  }
  return text::SanitizeUtf8(line);
}

// Screens every line of `in`; returns the number of impersonations.
size_t ScreenStream(std::istream& in, const detect::LookalikeScreen& screen) {
  text::LineReader reader(in, 4 * detect::kMaxLookalikeInputBytes);
  std::string line;
  bool truncated = false;
  size_t flagged = 0;
  while (reader.Next(&line, &truncated)) {
    detect::LookalikeResult r = screen.Screen(line);
    if (truncated) r = {detect::LookalikeVerdict::kOk, "", "too_long"};
    flagged += r.verdict == detect::LookalikeVerdict::kImpersonation;
    nlohmann::ordered_json out = {{"handle", Echo(line)},
                                  {"verdict", detect::LookalikeVerdictName(r.verdict)},
                                  {"similar_to", nullptr},
                                  {"reason", r.reason}};
    if (!r.similar_to.empty()) out["similar_to"] = r.similar_to;
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  }
  std::cout.flush();
  return flagged;
}

int RunHandles(const HandlesArgs& args) {
  Policy policy;
  if (Status s = LoadPolicyFile(args.policy, &policy); !s.ok()) {
    std::cerr << "chorus handles: " << args.policy << ":" << s.ToString() << "\n";
    return kExitUsage;
  }
  detect::LookalikeConfig config;
  detect::LookalikeScreen screen;
  if (Status s = LookalikeConfigFor(policy, &config); !s.ok()) {
    std::cerr << "chorus handles: " << s.ToString() << "\n";
    return kExitUsage;
  }
  if (Status s = detect::LookalikeScreen::Create(config, &screen); !s.ok()) {
    std::cerr << "chorus handles: " << s.ToString() << "\n";
    return kExitUsage;
  }
  std::vector<std::string> files = args.files;
  if (files.empty()) files.push_back("-");
  size_t flagged = 0;
  for (const auto& path : files) {
    std::ifstream in(path == "-" ? "/dev/stdin" : path, std::ios::binary);
    if (!in) {
      std::cerr << "chorus handles: cannot read " << path << "\n";
      return kExitUsage;
    }
    flagged += ScreenStream(in, screen);
  }
  return flagged > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void AddHandlesCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<HandlesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "handles",
      "Screen handles, profile URLs or display names (one a line) for look-alikes of the "
      "organisation's names, brands and official accounts; one JSON line each, in order: "
      "{\"handle\",\"verdict\":\"official|impersonation|ok\",\"similar_to\",\"reason\"}. "
      "Exit code 1 when any line is an impersonation");
  cmd->add_option("--policy", args->policy,
                  "Policy file (organization, aliases, brands, official_accounts)")
      ->required();
  cmd->add_option("files", args->files,
                  "Files of one name a line (default or \"-\": standard input)");
  cmd->callback([args, exit_code] { *exit_code = RunHandles(*args); });
}

}  // namespace chorus::cli
