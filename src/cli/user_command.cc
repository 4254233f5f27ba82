// `chorus user add`: adds a person to a data directory (the first admin, or scripted setup).
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/open_data_directory.h"
#include "program/accounts.h"
#include "store/data_directory.h"

namespace chorus::cli {
namespace {

struct UserAddArgs {
  std::string data;
  program::NewUser user;
  bool password_stdin = false;
};

int RunUserAdd(UserAddArgs args) {
  if (args.password_stdin) {
    if (!std::getline(std::cin, args.user.password)) {
      std::cerr << "chorus user add: no password on standard input\n";
      return kExitUsage;
    }
    if (!args.user.password.empty() && args.user.password.back() == '\r') {
      args.user.password.pop_back();
    }
    if (args.user.password.empty()) {
      std::cerr << "chorus user add: the password is empty\n";
      return kExitUsage;
    }
  }
  if (args.user.name.empty() && !args.password_stdin && isatty(STDIN_FILENO)) {
    std::cout << "Name (as colleagues will see it; Enter leaves it empty): " << std::flush;
    std::getline(std::cin, args.user.name);
  }
  std::unique_ptr<store::SqliteStore> store;
  if (Status s = OpenDataDirectoryForTool("user add", args.data, &store); !s.ok()) {
    std::cerr << "chorus user add: " << s.ToString() << "\n";
    return kExitUsage;
  }
  program::LoginThrottle throttle;
  program::Accounts accounts(*store, throttle);
  store::UserRecord created;
  if (program::Outcome o = accounts.AddUser(args.user, nullptr, &created); !o.ok()) {
    std::cerr << "chorus user add: " << o.message << "\n";
    return kExitUsage;
  }
  std::cout << "added " << created.email << " (" << created.role << ", id " << created.id << ")"
            << (args.user.password.empty() ? "; no password yet: they cannot sign in" : "") << "\n";
  if (created.name.empty()) {
    std::cout << "no name given: Chorus shows " << created.email
              << " where the name would be (add --name to give one)\n";
  }
  return kExitOk;
}

}  // namespace

void AddUserCommand(CLI::App& app, int* exit_code) {
  CLI::App* user = app.add_subcommand("user", "Manage the people of a Chorus installation");
  user->require_subcommand(1);
  auto args = std::make_shared<UserAddArgs>();
  CLI::App* add = user->add_subcommand("add", "Add a person (admin, reviewer or employee)");
  add->add_option("--data", args->data, "Data directory of `chorus serve`")->required();
  add->add_option("--email", args->user.email, "E-mail address (the sign-in name)")->required();
  add->add_option("--role", args->user.role, "admin, reviewer or employee")
      ->required()
      ->check(CLI::IsMember({"admin", "reviewer", "employee"}));
  add->add_option("--name", args->user.name, "Display name (asked for on a terminal; else empty)");
  add->add_option("--team", args->user.team, "Team name (created if new)");
  add->add_option("--language", args->user.language, "Interface language: en, lv, pl, he");
  add->add_flag("--password-stdin", args->password_stdin,
                "Read the password from the first line of standard input");
  add->callback([args, exit_code] { *exit_code = RunUserAdd(*args); });
}

}  // namespace chorus::cli
