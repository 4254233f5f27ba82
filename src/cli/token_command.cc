// `chorus token create`: prints a new API token for a user, for integrations that call
// POST /api/v1/check with "Authorization: Bearer <token>". The token is shown once; only its
// hash is stored.
#include <iostream>

#include "cli/commands.h"
#include "program/accounts.h"
#include "store/data_directory.h"

namespace chorus::cli {
namespace {

struct TokenCreateArgs {
  std::string data;
  std::string email;
  std::string name = "cli";
};

int RunTokenCreate(const TokenCreateArgs& args) {
  std::unique_ptr<store::SqliteStore> store;
  if (Status s = store::OpenDataDirectory(args.data, &store); !s.ok()) {
    std::cerr << "chorus token create: " << s.ToString() << "\n";
    return kExitUsage;
  }
  program::LoginThrottle throttle;
  program::Accounts accounts(*store, throttle);
  std::string token;
  if (program::Outcome o = accounts.CreateApiToken(args.email, args.name, nullptr, &token);
      !o.ok()) {
    std::cerr << "chorus token create: " << o.message << "\n";
    return kExitUsage;
  }
  std::cout << token << "\n";
  return kExitOk;
}

}  // namespace

void AddTokenCommand(CLI::App& app, int* exit_code) {
  CLI::App* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  auto args = std::make_shared<TokenCreateArgs>();
  CLI::App* create = token->add_subcommand("create", "Print a new API token for a user");
  create->add_option("--data", args->data, "Data directory of `chorus serve`")->required();
  create->add_option("--email", args->email, "The user the token acts as")->required();
  create->add_option("--name", args->name, "A label for the token (default: cli)");
  create->callback([args, exit_code] { *exit_code = RunTokenCreate(*args); });
}

}  // namespace chorus::cli
