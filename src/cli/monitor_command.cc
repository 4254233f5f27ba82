// `chorus monitor import` and `chorus monitor list`: monitoring after publication from the
// command line (an operator's tool on a data directory, beside a running server or not).
//
//   chorus monitor import --data DIR --email EMAIL [--handle H] FILE...
//     one JSON object per file on stdout:
//     {"file","platform":"x|mastodon|linkedin|facebook|feed","posts","new","duplicates","flagged"}
//     progress on stderr; a file that cannot be imported prints {"file","error"} and changes
//     nothing (the other files still run); exit 2 if any file failed.
//   chorus monitor list --data DIR [--email EMAIL] --format jsonl
//     one line per monitored post:
//     {"id","email","platform","url","published","text","verdict","findings"}
//     with "findings" exactly as `chorus scan` writes them for the same text.
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/open_data_directory.h"
#include "program/incidents.h"
#include "program/monitoring.h"
#include "program/policy_program.h"
#include "store/data_directory.h"
#include "store/sqlite_incidents_store.h"
#include "store/sqlite_monitoring_store.h"

namespace chorus::cli {
namespace {

struct ImportArgs {
  std::string data, email, handle;
  std::vector<std::string> files;
  bool progress = true;
};

struct ListArgs {
  std::string data, email, format = "jsonl";
};

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The data directory, its current policy and the person named by --email.
struct Session {
  std::unique_ptr<store::SqliteStore> store;
  std::unique_ptr<store::SqliteMonitoringStore> records;
  std::unique_ptr<program::PolicyProgram> policy;
  std::unique_ptr<store::SqliteIncidentsStore> incident_records;
  program::Playbook playbook;
  std::unique_ptr<program::Incidents> incidents;  // opened by imports as in the server
  std::unique_ptr<program::Monitoring> monitoring;
};

bool OpenSession(const std::string& command, const std::string& data, Session* s) {
  if (Status st = OpenDataDirectoryForTool(command, data, &s->store); !st.ok()) {
    std::cerr << "chorus " << command << ": " << st.ToString() << "\n";
    return false;
  }
  s->records = std::make_unique<store::SqliteMonitoringStore>(*s->store);
  s->policy =
      std::make_unique<program::PolicyProgram>(*s->store, store::CacheDirectoryOf(data), "");
  if (program::Outcome o = s->policy->Start(); !o.ok()) {
    std::cerr << "chorus " << command << ": the current policy cannot be loaded: " << o.message
              << " " << o.internal_detail << "\n";
    return false;
  }
  if (Status st = program::Playbook::Builtin(&s->playbook); !st.ok()) {
    std::cerr << "chorus " << command << ": " << st.ToString() << "\n";
    return false;
  }
  s->incident_records = std::make_unique<store::SqliteIncidentsStore>(*s->store);
  s->incidents = std::make_unique<program::Incidents>(*s->store, *s->incident_records, *s->records,
                                                      *s->policy, s->playbook);
  s->monitoring =
      std::make_unique<program::Monitoring>(*s->store, *s->records, *s->policy, s->incidents.get());
  return true;
}

bool FindPerson(const std::string& command, store::Store& store, const std::string& email,
                store::UserRecord* out) {
  std::optional<store::UserRecord> user;
  if (Status s = store.FindUserByEmail(email, &user); !s.ok()) {
    std::cerr << "chorus " << command << ": " << s.ToString() << "\n";
    return false;
  }
  if (!user) {
    std::cerr << "chorus " << command << ": nobody with the e-mail " << email << "\n";
    return false;
  }
  *out = *user;
  return true;
}

int RunImport(const ImportArgs& args) {
  Session session;
  if (!OpenSession("monitor import", args.data, &session)) return kExitUsage;
  store::UserRecord user;
  if (!FindPerson("monitor import", *session.store, args.email, &user)) return kExitUsage;
  if (!session.monitoring->Settings().enabled) {
    std::cerr << "chorus monitor import: monitoring is off: the current policy does not enable "
                 "it (add monitoring: {enabled: true} and publish it)\n";
    return kExitUsage;
  }
  int exit_code = kExitOk;
  for (const auto& file : args.files) {
    program::ImportRequest request;
    request.user_id = user.id;
    request.path = file;
    request.name = file;
    request.handle = args.handle;
    if (args.progress) {
      request.progress = [&file](size_t bytes, int64_t posts) {
        std::cerr << "chorus monitor import: " << file << ": " << (bytes >> 20) << " MiB, " << posts
                  << " posts read\n";
      };
    }
    program::ImportSummary summary;
    const program::Outcome o = session.monitoring->Import(nullptr, request, &summary);
    if (!o.ok()) {
      std::cout << Dump({{"file", file},
                         {"error", o.message + (o.internal_detail.empty()
                                                    ? std::string()
                                                    : " (" + o.internal_detail + ")")}})
                << std::endl;
      exit_code = kExitUsage;
      continue;
    }
    std::cout << Dump({{"file", summary.file},
                       {"platform", ingest::PlatformName(summary.platform)},
                       {"posts", summary.posts},
                       {"new", summary.fresh},
                       {"duplicates", summary.duplicates},
                       {"flagged", summary.flagged}})
              << std::endl;
  }
  return exit_code;
}

int RunList(const ListArgs& args) {
  Session session;
  if (!OpenSession("monitor list", args.data, &session)) return kExitUsage;
  std::optional<int64_t> only;
  if (!args.email.empty()) {
    store::UserRecord user;
    if (!FindPerson("monitor list", *session.store, args.email, &user)) return kExitUsage;
    only = user.id;
  }
  std::map<int64_t, std::string> emails;
  std::vector<store::UserRecord> users;
  if (Status s = session.store->ListUsers(&users); !s.ok()) {
    std::cerr << "chorus monitor list: " << s.ToString() << "\n";
    return kExitUsage;
  }
  for (const auto& u : users) emails[u.id] = u.email;
  int64_t after = 0;
  std::string out;
  for (;;) {
    std::vector<store::MonitoredPostRecord> page;
    const program::Outcome o =
        session.monitoring->ListPosts(nullptr, false, only, after, 1000, &page);
    if (!o.ok()) {
      std::cerr << "chorus monitor list: " << o.message << " " << o.internal_detail << "\n";
      return kExitUsage;
    }
    if (page.empty()) break;
    out.clear();
    for (const auto& p : page) {
      nlohmann::json findings = nlohmann::json::parse(p.findings_json, nullptr, false);
      if (findings.is_discarded()) findings = nlohmann::json::array();
      out += Dump({{"id", p.id},
                   {"email", emails[p.user_id]},
                   {"platform", p.platform},
                   {"url", p.url},
                   {"published", p.published},
                   {"text", p.text},
                   {"verdict", p.verdict},
                   {"findings", findings}});
      out += '\n';
      after = p.id;
    }
    std::cout << out;
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace

void AddMonitorCommand(CLI::App& app, int* exit_code) {
  CLI::App* monitor = app.add_subcommand(
      "monitor", "Monitoring after publication: import and list employees' posts");
  monitor->require_subcommand(1);

  auto import = std::make_shared<ImportArgs>();
  CLI::App* import_cmd = monitor->add_subcommand(
      "import",
      "Import a person's platform exports (X, Mastodon, LinkedIn, Facebook, RSS/Atom); one JSON "
      "line per file");
  import_cmd->add_option("--data", import->data, "Data directory of `chorus serve`")->required();
  import_cmd->add_option("--email", import->email, "Whose posts these are")->required();
  import_cmd->add_option("--handle", import->handle,
                         "The account's handle on the platform (default: none)");
  import_cmd->add_flag("!--no-progress", import->progress, "No progress lines on stderr");
  import_cmd->add_option("files", import->files, "Export files: zip archives or their posts file")
      ->required();
  import_cmd->callback([import, exit_code] { *exit_code = RunImport(*import); });

  auto list = std::make_shared<ListArgs>();
  CLI::App* list_cmd =
      monitor->add_subcommand("list", "Print monitored posts, one JSON object per line");
  list_cmd->add_option("--data", list->data, "Data directory of `chorus serve`")->required();
  list_cmd->add_option("--email", list->email, "Only this person's posts");
  list_cmd->add_option("--format", list->format, "Output format")->check(CLI::IsMember({"jsonl"}));
  list_cmd->callback([list, exit_code] { *exit_code = RunList(*list); });
}

}  // namespace chorus::cli
