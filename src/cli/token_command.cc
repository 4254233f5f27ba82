// `chorus token create|list|revoke`: API tokens for integrations that call the API with
// "Authorization: Bearer <token>". A new token is printed once; only its hash is stored.
// Tokens expire (90 days unless --days says otherwise) and can be revoked.
#include <ctime>
#include <iostream>

#include "cli/commands.h"
#include "cli/open_data_directory.h"
#include "program/accounts.h"
#include "store/data_directory.h"

namespace chorus::cli {
namespace {

struct TokenArgs {
  std::string data;
  std::string email;
  std::string name = "cli";
  int64_t days = program::kDefaultApiTokenDays;
  int64_t id = 0;
};

std::string Date(std::optional<int64_t> at) {
  if (!at) return "-";
  const std::time_t t = static_cast<std::time_t>(*at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &tm);
  return buffer;
}

// Opens the data directory and runs `body` with the accounts; prints failures.
template <typename Body>
int WithAccounts(const std::string& command, const std::string& data, Body body) {
  std::unique_ptr<store::SqliteStore> store;
  if (Status s = OpenDataDirectoryForTool("token " + command, data, &store); !s.ok()) {
    std::cerr << "chorus token " << command << ": " << s.ToString() << "\n";
    return kExitUsage;
  }
  program::LoginThrottle throttle;
  program::Accounts accounts(*store, throttle);
  if (program::Outcome o = body(*store, accounts); !o.ok()) {
    std::cerr << "chorus token " << command << ": " << o.message << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

int RunCreate(const TokenArgs& args) {
  return WithAccounts("create", args.data, [&](store::Store&, program::Accounts& accounts) {
    std::string token;
    program::Outcome o = accounts.CreateApiToken(args.email, args.name, args.days, nullptr, &token);
    if (o.ok()) std::cout << token << "\n";
    return o;
  });
}

int RunList(const TokenArgs& args) {
  return WithAccounts("list", args.data, [&](store::Store& store, program::Accounts& accounts) {
    std::optional<store::UserRecord> user;
    if (Status s = store.FindUserByEmail(args.email, &user); !s.ok()) {
      return program::Outcome::Internal(s);
    }
    if (!user) {
      return program::Outcome::Fail(program::Failure::kNotFound, "no_such_user",
                                    "no user with this e-mail");
    }
    std::vector<store::ApiTokenRecord> tokens;
    program::Outcome o = accounts.ListApiTokens(user->id, nullptr, &tokens);
    if (!o.ok()) return o;
    const int64_t now = std::time(nullptr);
    std::cout << "id\tname\tcreated\tlast used\texpires\tstate\n";
    for (const auto& t : tokens) {
      const char* state = t.revoked ? "revoked" : t.expires_at <= now ? "expired" : "active";
      std::cout << t.id << "\t" << t.name << "\t" << Date(t.created_at) << "\t"
                << Date(t.last_used_at) << "\t" << Date(t.expires_at) << "\t" << state << "\n";
    }
    return o;
  });
}

int RunRevoke(const TokenArgs& args) {
  return WithAccounts("revoke", args.data, [&](store::Store&, program::Accounts& accounts) {
    program::Outcome o = accounts.RevokeApiToken(args.id, nullptr, nullptr);
    if (o.ok()) std::cout << "revoked token " << args.id << "\n";
    return o;
  });
}

}  // namespace

void AddTokenCommand(CLI::App& app, int* exit_code) {
  CLI::App* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  auto args = std::make_shared<TokenArgs>();

  CLI::App* create = token->add_subcommand("create", "Print a new API token for a user");
  create->add_option("--data", args->data, "Data directory of `chorus serve`")->required();
  create->add_option("--email", args->email, "The user the token acts as")->required();
  create->add_option("--name", args->name, "A label for the token (default: cli)");
  create->add_option("--days", args->days, "Days until the token expires (default: 90)")
      ->check(CLI::Range(int64_t{1}, program::kMaxApiTokenDays));
  create->callback([args, exit_code] { *exit_code = RunCreate(*args); });

  CLI::App* list = token->add_subcommand("list", "List a user's tokens (never their secrets)");
  list->add_option("--data", args->data, "Data directory of `chorus serve`")->required();
  list->add_option("--email", args->email, "Whose tokens")->required();
  list->callback([args, exit_code] { *exit_code = RunList(*args); });

  CLI::App* revoke = token->add_subcommand("revoke", "Revoke a token by its id (see list)");
  revoke->add_option("--data", args->data, "Data directory of `chorus serve`")->required();
  revoke->add_option("--id", args->id, "The token's id")->required();
  revoke->callback([args, exit_code] { *exit_code = RunRevoke(*args); });
}

}  // namespace chorus::cli
