// `chorus usage import|report`: time on social media from company proxy logs, summarised per
// team, platform and ISO week, never per person (program/usage.h has the rules).
#include <iostream>

#include "cli/commands.h"
#include "cli/open_data_directory.h"
#include "program/actor.h"
#include "program/usage.h"
#include "program/usage_report.h"
#include "store/data_directory.h"
#include "store/sqlite_usage_store.h"

namespace chorus::cli {
namespace {

struct UsageArgs {
  std::string data;
  std::vector<std::string> files;
  bool skip_bad_lines = false;
  std::string format = "json";
  std::string from, to;
  std::string policy;
  int min_group = 0;
};

int RunImport(const UsageArgs& args) {
  std::unique_ptr<store::SqliteStore> store;
  if (Status s = OpenDataDirectoryForTool("usage import", args.data, &store); !s.ok()) {
    std::cerr << "chorus usage import: " << s.ToString() << "\n";
    return kExitUsage;
  }
  program::PlatformDomains domains;
  if (Status s = program::PlatformDomains::Builtin(&domains); !s.ok()) {
    std::cerr << "chorus usage import: " << s.ToString() << "\n";
    return kExitUsage;
  }
  store::SqliteUsageStore usage_store(*store);
  program::UsageSummaries usage(*store, usage_store, domains);
  program::UsageImportOptions options;
  options.skip_bad_lines = args.skip_bad_lines;
  options.now = program::NowSeconds();
  program::UsageImportReport report;
  const program::Outcome o = usage.Import(args.files, options, &report);
  for (const auto& message : report.bad_line_messages)
    std::cerr << message << (args.skip_bad_lines ? " (skipped)" : "") << "\n";
  if (report.bad_lines > static_cast<int64_t>(report.bad_line_messages.size()))
    std::cerr << "… and "
              << report.bad_lines - static_cast<int64_t>(report.bad_line_messages.size())
              << " more bad lines\n";
  if (!o.ok()) {
    std::cerr << "chorus usage import: " << o.message << (o.internal_detail.empty() ? "" : " ")
              << o.internal_detail << "\n";
    return kExitUsage;
  }
  std::cout << "imported " << report.lines << " lines from " << args.files.size()
            << " files: " << report.platform_requests << " requests to social media by "
            << report.people << " people in " << report.sessions << " sessions; weeks:";
  for (const auto& w : report.weeks) std::cout << " " << w;
  std::cout << "\nnot counted: " << report.other_requests << " requests to other sites, "
            << report.no_user_lines << " lines without a user, " << report.unknown_user_lines
            << " lines of " << report.unknown_users << " unknown users, "
            << report.people_without_team << " people without a team, "
            << report.closed_week_sessions << " sessions in closed weeks, " << report.bad_lines
            << " bad lines skipped\n";
  for (const auto& path : report.delete_failures)
    std::cerr << "chorus usage import: imported, but could not delete " << path
              << "; delete it by hand (importing it again is refused)\n";
  std::cout << (report.delete_failures.empty() ? "the log files were deleted\n" : "");
  return report.delete_failures.empty() ? kExitOk : kExitUsage;
}

// min_group: --min-group, else --policy FILE, else the published policy in DIR, else 5.
bool MinGroup(const UsageArgs& args, store::Store& store, int* out) {
  *out = Policy().usage_min_group;
  if (args.min_group > 0) {
    *out = args.min_group;
    return true;
  }
  Policy policy;
  if (!args.policy.empty()) {
    if (Status s = LoadPolicyFile(args.policy, &policy); !s.ok()) {
      std::cerr << "chorus usage report: " << args.policy << ":" << s.ToString() << "\n";
      return false;
    }
    *out = policy.usage_min_group;
    return true;
  }
  std::optional<store::PolicyVersionRecord> current;
  if (Status s = store.FindCurrentPolicyVersion(&current); !s.ok()) {
    std::cerr << "chorus usage report: " << s.ToString() << "\n";
    return false;
  }
  if (current && LoadPolicy(current->yaml, &policy).ok()) *out = policy.usage_min_group;
  return true;
}

int RunReport(const UsageArgs& args) {
  if (args.format != "json" && args.format != "csv") {
    std::cerr << "chorus usage report: --format must be json or csv\n";
    return kExitUsage;
  }
  std::unique_ptr<store::SqliteStore> store;
  if (Status s = store::OpenDataDirectory(args.data, &store); !s.ok()) {
    std::cerr << "chorus usage report: " << s.ToString() << "\n";
    return kExitUsage;
  }
  program::PlatformDomains domains;
  if (Status s = program::PlatformDomains::Builtin(&domains); !s.ok()) {
    std::cerr << "chorus usage report: " << s.ToString() << "\n";
    return kExitUsage;
  }
  int min_group = 5;
  if (!MinGroup(args, *store, &min_group)) return kExitUsage;
  store::SqliteUsageStore usage_store(*store);
  program::UsageSummaries usage(*store, usage_store, domains);
  program::UsageReport report;
  if (program::Outcome o = usage.Report(nullptr, args.from, args.to, min_group, &report); !o.ok()) {
    std::cerr << "chorus usage report: " << o.message << "\n";
    return kExitUsage;
  }
  if (args.format == "csv")
    std::cout << program::UsageReportCsv(report);
  else
    std::cout << program::UsageReportJson(report).dump(
                     -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
  return kExitOk;
}

}  // namespace

void AddUsageCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<UsageArgs>();
  CLI::App* usage = app.add_subcommand(
      "usage", "Time on social media from company proxy logs, per team and never per person");
  usage->require_subcommand(1);

  CLI::App* import = usage->add_subcommand(
      "import",
      "Import Squid access logs (native format). The user column is the person's sign-in "
      "e-mail or its local part; \"-\" is skipped, unknown users are counted and not stored. "
      "Only totals per team, platform and ISO week are kept. All or nothing: a bad line fails "
      "the import (nothing stored, no file deleted) unless --skip-bad-lines; bad lines are "
      "listed as FILE:LINE. THE LOG FILES ARE DELETED after a successful import");
  import->add_option("--data", args->data, "Data directory")->required();
  import->add_flag("--skip-bad-lines", args->skip_bad_lines,
                   "Skip lines that are not Squid's native format (listed) instead of failing");
  import->add_option("files", args->files, "Squid access.log files")->required();
  import->callback([args, exit_code] { *exit_code = RunImport(*args);
});

CLI::App* report = usage->add_subcommand(
    "report",
    "Minutes per team and platform: {\"from\",\"to\",\"min_group\",\"teams\":[{\"team\","
    "\"people\",\"minutes\":{PLATFORM: N, \"total\": N}}],\"suppressed_teams\":N}; teams "
    "with fewer than min_group people in a week of the range are left out and counted");
report->add_option("--data", args->data, "Data directory")->required();
report->add_option("--format", args->format, "json or csv")->capture_default_str();
report->add_option("--from", args->from, "First day, YYYY-MM-DD (its ISO week counts whole)");
report->add_option("--to", args->to, "Last day, YYYY-MM-DD (its ISO week counts whole)");
report->add_option("--policy", args->policy,
                   "Policy file whose usage.min_group applies (default: the published policy "
                   "in the data directory, else 5)");
report->add_option("--min-group", args->min_group, "Override min_group (at least 2)")
    ->check(CLI::Range(2, 1000));
report->callback([args, exit_code] { *exit_code = RunReport(*args); });
}  // namespace chorus::cli

}  // namespace chorus::cli
