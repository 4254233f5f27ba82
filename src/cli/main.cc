// The `chorus` command: checks posts against a company's social media policy.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Chorus — can I post this? Checks posts against your company's social media policy.",
               "chorus"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "chorus 0.1.0");
  int exit_code = chorus::cli::kExitOk;
  chorus::cli::AddCheckCommand(app, &exit_code);
  chorus::cli::AddScanCommand(app, &exit_code);
  chorus::cli::AddPolicyCommand(app, &exit_code);
  chorus::cli::AddDemoCommand(app, &exit_code);
  chorus::cli::AddServeCommand(app, &exit_code);
  chorus::cli::AddUserCommand(app, &exit_code);
  chorus::cli::AddTokenCommand(app, &exit_code);
  chorus::cli::AddHandlesCommand(app, &exit_code);
  chorus::cli::AddUsageCommand(app, &exit_code);
  chorus::cli::AddMonitorCommand(app, &exit_code);
  chorus::cli::AddToneCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return chorus::cli::kExitUsage;
  }
  return exit_code;
}
