// `chorus serve`: runs the server — the JSON API, the web app and the policy program — on a
// data directory. SIGINT/SIGTERM stop it cleanly; every committed change is already on disk.
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "base/memory_release.h"
#include "cli/commands.h"
#include "program/demo_seed.h"
#include "program/housekeeper.h"
#include "program/invitation_desk.h"
#include "server/chorus_server.h"
#include "store/data_directory.h"
#include "store/sqlite_incidents_store.h"
#include "store/sqlite_monitoring_store.h"
#include "store/sqlite_official_accounts_store.h"
#include "store/sqlite_usage_store.h"

namespace chorus::cli {
namespace {

struct ServeArgs {
  std::string data;
  std::string listen = "127.0.0.1:8080";
  std::string web;
  std::string policy;
  bool demo = false;
  bool secure_cookies = false;
  bool verbose = false;
  int read_timeout_seconds = 10;
  int max_connections_per_client = 128;
  int64_t max_upload_mib = 2048;
  std::vector<std::string> trusted_proxies;
  program::RetentionRules retention;
};

bool ParseListen(const std::string& listen, std::string* host, int* port) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  *host = listen.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  try {
    size_t used = 0;
    *port = std::stoi(listen.substr(colon + 1), &used);
    return used == listen.size() - colon - 1 && *port >= 0 && *port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

// The built web app: --web, else $CHORUS_WEB_ROOT, else web/dist next to the build directory
// of this binary, else ./web/dist.
std::string FindWebRoot(const std::string& explicit_root) {
  namespace fs = std::filesystem;
  if (!explicit_root.empty()) return explicit_root;
  if (const char* env = std::getenv("CHORUS_WEB_ROOT"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate :
         {exe.parent_path().parent_path() / "web" / "dist", exe.parent_path() / "web"}) {
      if (fs::exists(candidate / "index.html", ec)) return candidate.string();
    }
  }
  return "web/dist";
}

// Connections are file descriptors: take the hard limit (often 1024 soft, far more hard).
void RaiseOpenFileLimit() {
  rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

int RunServe(const ServeArgs& args) {
  spdlog::set_level(args.verbose ? spdlog::level::debug : spdlog::level::info);
  server::ServerOptions options;
  if (!ParseListen(args.listen, &options.host, &options.port)) {
    std::cerr << "chorus serve: --listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080\n";
    return kExitUsage;
  }
  options.web_root = FindWebRoot(args.web);
  options.secure_cookies = args.secure_cookies;
  options.read_timeout_seconds = args.read_timeout_seconds;
  options.max_upload_bytes = static_cast<size_t>(args.max_upload_mib) << 20;
  options.max_connections_per_client = args.max_connections_per_client;
  options.trusted_proxies = args.trusted_proxies;
  RaiseOpenFileLimit();
  ConfigureMallocForServer();  // before any worker thread exists

  std::string fallback_policy;
  if (!args.policy.empty()) {
    std::ifstream in(args.policy, std::ios::binary);
    if (!in) {
      std::cerr << "chorus serve: cannot read " << args.policy << "\n";
      return kExitUsage;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    fallback_policy = buffer.str();
  }

  std::unique_ptr<store::SqliteStore> store;
  std::unique_ptr<store::DataDirectoryLock> lock;  // held until the server has stopped
  if (Status s = store::OpenDataDirectory(args.data, &store, &lock); !s.ok()) {
    std::cerr << "chorus serve: " << s.ToString() << "\n";
    return kExitUsage;
  }
  program::LoginThrottle throttle;
  program::Accounts accounts(*store, throttle);
  program::PolicyProgram policy(*store, store::CacheDirectoryOf(args.data), fallback_policy);
  if (program::Outcome o = policy.Start(); !o.ok()) {
    std::cerr << "chorus serve: cannot load the policy: " << o.message << " " << o.internal_detail
              << "\n";
    return kExitUsage;
  }
  program::ReviewDesk reviews(*store, policy, args.retention, store.get());
  program::Consultation consultation(*store);
  program::Notifications notifications(*store);
  program::PlatformDomains platform_domains;
  if (Status s = program::PlatformDomains::Builtin(&platform_domains); !s.ok()) {
    std::cerr << "chorus serve: " << s.ToString() << "\n";
    return kExitUsage;
  }
  store::SqliteUsageStore usage_store(*store);
  program::UsageSummaries usage(*store, usage_store, platform_domains);
  store::SqliteOfficialAccountsStore official_accounts_store(*store);
  program::OfficialAccounts official_accounts(*store, official_accounts_store);

  store::SqliteMonitoringStore monitoring_records(*store);
  store::SqliteIncidentsStore incident_records(*store);
  program::Playbook playbook;
  if (Status s = program::Playbook::Builtin(&playbook); !s.ok()) {
    std::cerr << "chorus serve: " << s.ToString() << "\n";
    return kExitUsage;
  }
  program::Incidents incidents(*store, incident_records, monitoring_records, policy, playbook);
  program::Monitoring monitoring(*store, monitoring_records, policy, &incidents);

  program::DemoSeedResult demo;
  if (args.demo) {
    if (program::Outcome o = program::SeedDemo(*store, accounts, policy, reviews, consultation,
                                               &demo, &monitoring, &incidents);
        !o.ok()) {
      std::cerr << "chorus serve: cannot seed the demo: " << o.message << " " << o.internal_detail
                << "\n";
      return kExitUsage;
    }
  }

  // Signals are handled by one thread with sigwait, so the server threads never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  program::InvitationDesk invitations(*store, *store);
  server::ChorusServer server(
      {*store, accounts, policy, reviews, consultation, notifications, usage, official_accounts,
       monitoring, monitoring_records, incidents, incident_records, &invitations},
      options);
  if (Status s = server.Bind(); !s.ok()) {
    std::cerr << "chorus serve: " << s.ToString() << "\n";
    return kExitUsage;
  }
  const std::string url = "http://" + options.host + ":" + std::to_string(server.port());
  std::cout << "chorus serve: listening on " << url << " (data in " << args.data << ")\n";
  if (args.demo) {
    std::cout << (demo.seeded ? "Seeded the demo organisation Dzintars.\n"
                              : "Demo organisation already present.\n")
              << "Open " << url << " and sign in as one of (password: " << demo.password << "):\n";
    for (const auto& login : demo.logins) {
      std::cout << "  " << login.email << "  (" << login.role << ", " << login.language << ")\n";
    }
  }
  int64_t people = 0;
  if (store->CountUsers(&people).ok() && people == 0) {
    // First run without --demo: nobody can sign in until someone creates the first admin.
    std::cout << "No one can sign in yet: this data directory has no people. Create the first\n"
              << "admin in another terminal (the server keeps running):\n"
              << "  printf '%s\\n' 'a-long-password' | chorus user add --data " << args.data
              << " --email you@example.com --role admin --name 'Your Name' --password-stdin\n"
              << "(or start with --demo for a demo organisation).\n";
  }
  std::cout.flush();

  program::Housekeeper housekeeper(*store, args.retention, std::chrono::hours(1), &incidents);
  housekeeper.Start();

  std::thread watcher([&server, &accounts, signals] {
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    spdlog::info("signal {}: stopping", signal_number);
    accounts.Stop();  // a running import stops between rows; nobody is half-imported
    server.Stop();
  });
  const Status served = server.Serve();
  // Wake the watcher if the server stopped on its own.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  housekeeper.Stop();
  if (!served.ok()) {
    std::cerr << "chorus serve: " << served.ToString() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* serve =
      app.add_subcommand("serve", "Run the Chorus server: JSON API under /api/v1 and the web app");
  serve->add_option("--data", args->data, "Data directory (created if missing)")->required();
  serve->add_option("--listen", args->listen, "ADDRESS:PORT to listen on (port 0: any free)")
      ->capture_default_str();
  serve->add_option("--web", args->web, "Directory of the built web app (default: web/dist)");
  serve->add_option("--policy", args->policy,
                    "Policy file used until a version is published in the server");
  serve->add_flag("--demo", args->demo,
                  "On an empty data directory, create the demo organisation and its people");
  serve->add_flag("--secure-cookies", args->secure_cookies,
                  "Mark the session cookie Secure (when served behind HTTPS)");
  serve
      ->add_option("--read-timeout", args->read_timeout_seconds,
                   "Seconds a client has to send a request's head (line and headers); a "
                   "client that takes longer is disconnected")
      ->capture_default_str()
      ->check(CLI::Range(1, 300));
  serve
      ->add_option("--max-connections-per-client", args->max_connections_per_client,
                   "Open connections allowed from one client address (trusted proxies exempt)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  serve
      ->add_option("--max-upload-mib", args->max_upload_mib,
                   "Largest archive upload (monitoring imports) in MiB; uploads are streamed to "
                   "a temporary file, not held in memory")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
  serve->add_option("--trusted-proxy", args->trusted_proxies,
                    "Address or CIDR block of a reverse proxy whose X-Forwarded-For names the "
                    "client (repeatable); without it the header is ignored");
  serve
      ->add_option("--keep-drafts-days", args->retention.draft_days,
                   "Days a draft never sent for review is kept after its last change (0: for ever)")
      ->capture_default_str()
      ->check(CLI::Range(0, 3650));
  serve
      ->add_option("--keep-reviewed-days", args->retention.decided_days,
                   "Days a reviewed post is kept after its last change (0: for ever)")
      ->capture_default_str()
      ->check(CLI::Range(0, 3650));
  serve->add_flag("-v,--verbose", args->verbose, "Log every request");
  serve->callback([args, exit_code] { *exit_code = RunServe(*args); });
}

}  // namespace chorus::cli
