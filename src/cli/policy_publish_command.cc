// `chorus policy publish --data DIR FILE`: policy as code. Publishes a policy file as the
// next version of the installation in DIR, through the same PolicyProgram step as the web
// app's "Publish" (LintPolicy, compile, one transaction with the "policy.publish" audit
// entry), and prints the new version's number. A file with problems prints each as
// FILE:LINE:COLUMN: error: MESSAGE and exits 2, publishing nothing. Runs beside `chorus serve`:
// the server picks the new version up within about a second.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/open_data_directory.h"
#include "program/accounts.h"
#include "program/policy_program.h"
#include "store/data_directory.h"

namespace chorus::cli {
namespace {

struct PublishArgs {
  std::string data;
  std::string file;
  std::string title;
  std::string as;
};

void PrintProblem(const std::string& path, const Status& p) {
  std::cerr << path << ":";
  if (p.line() > 0) std::cerr << p.line() << ":" << p.column() << ":";
  std::cerr << " error: " << p.message() << "\n";
}

// The admin the version is recorded under: --as, else the earliest active admin.
bool FindPublisher(store::Store& store, const std::string& as, std::optional<program::Actor>* by,
                   int64_t* recorded_as) {
  std::vector<store::UserRecord> users;
  std::optional<store::UserRecord> named;
  Status s = as.empty() ? store.ListUsers(&users) : store.FindUserByEmail(as, &named);
  if (!s.ok()) {
    std::cerr << "chorus policy publish: " << s.ToString() << "\n";
    return false;
  }
  if (named) users.push_back(*named);
  const store::UserRecord* chosen = nullptr;
  for (const auto& u : users) {
    if (u.active && u.role == "admin" && (!chosen || u.id < chosen->id)) chosen = &u;
  }
  if (!chosen) {
    std::cerr << "chorus policy publish: "
              << (as.empty() ? "the data directory has no active admin; add one with chorus "
                               "user add --role admin"
                             : as + " is not an active admin")
              << "\n";
    return false;
  }
  *recorded_as = chosen->id;
  if (!as.empty()) *by = program::Accounts::ActorOf(*chosen);
  return true;
}

int RunPublish(const PublishArgs& args) {
  std::string text;
  if (Status s = ReadPolicyFile(args.file, &text); !s.ok()) {
    std::cerr << args.file << ": error: " << s.message() << "\n";
    return kExitUsage;
  }
  // Problems first, before touching the data directory.
  if (const std::vector<Status> problems = LintPolicy(text); !problems.empty()) {
    for (const auto& p : problems) PrintProblem(args.file, p);
    return kExitUsage;
  }
  std::unique_ptr<store::SqliteStore> store;
  if (Status s = OpenDataDirectoryForTool("policy publish", args.data, &store); !s.ok()) {
    std::cerr << "chorus policy publish: " << s.ToString() << "\n";
    return kExitUsage;
  }
  std::optional<program::Actor> by;
  int64_t recorded_as = 0;
  if (!FindPublisher(*store, args.as, &by, &recorded_as)) return kExitUsage;
  const std::string title =
      args.title.empty() ? "Published from " + std::filesystem::path(args.file).filename().string()
                         : args.title;
  program::PolicyProgram policy(*store, store::CacheDirectoryOf(args.data), "");
  std::vector<Status> problems;
  store::PolicyVersionRecord version;
  const program::Outcome o =
      policy.PublishText(by ? &*by : nullptr, recorded_as, title, text, &problems, &version);
  if (!o.ok()) {
    for (const auto& p : problems) PrintProblem(args.file, p);
    if (problems.empty()) std::cerr << args.file << ": error: " << o.message << "\n";
    return kExitUsage;
  }
  std::cout << version.number.value_or(0) << "\n";
  return kExitOk;
}

}  // namespace

void AddPolicyPublishCommand(CLI::App& policy, int* exit_code) {
  auto args = std::make_shared<PublishArgs>();
  CLI::App* cmd = policy.add_subcommand(
      "publish",
      "Publish a policy file as the next version of a data directory; prints its number");
  cmd->add_option("--data", args->data, "Data directory of `chorus serve`")->required();
  cmd->add_option("file", args->file, "Policy file (\"-\": standard input)")->required();
  cmd->add_option("--title", args->title, "Title of the version (default: from the file name)");
  cmd->add_option("--as", args->as,
                  "E-mail of the admin who publishes (default: recorded under the first admin, "
                  "audited as the command line)");
  cmd->callback([args, exit_code] { *exit_code = RunPublish(*args); });
}

}  // namespace chorus::cli
