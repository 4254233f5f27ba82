// The subcommands of `chorus`. Each Add*Command registers one subcommand on the CLI11 app;
// when it runs, it stores the process exit code in *exit_code:
//   0 = nothing at or above --fail-on, 1 = findings at or above it, 2 = usage or input error.
// Thread-safety: called from main() only.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "policy/scanner.h"

namespace chorus::cli {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

void AddCheckCommand(CLI::App& app, int* exit_code);
void AddScanCommand(CLI::App& app, int* exit_code);
void AddPolicyCommand(CLI::App& app, int* exit_code);
void AddDemoCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
void AddUserCommand(CLI::App& app, int* exit_code);
void AddTokenCommand(CLI::App& app, int* exit_code);
void AddHandlesCommand(CLI::App& app, int* exit_code);
void AddUsageCommand(CLI::App& app, int* exit_code);
void AddMonitorCommand(CLI::App& app, int* exit_code);
// `chorus policy publish`, registered by AddPolicyCommand on its `policy` subcommand.
void AddPolicyPublishCommand(CLI::App& policy, int* exit_code);
void AddToneCommand(CLI::App& app, int* exit_code);

// Loads the policy file (or the built-in default when `path` is empty) and compiles it,
// using the on-disk cache. On failure prints "chorus: …" to stderr and returns false.
bool LoadScanner(const std::string& path, std::shared_ptr<const Scanner>* out);

// Severity names accepted by --fail-on.
bool ParseFailOn(const std::string& name, Severity* out);

}  // namespace chorus::cli
