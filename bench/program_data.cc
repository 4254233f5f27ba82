// Generates the inputs of the issue-11 benchmarks (bench/program): realistic handles for the
// look-alike screen (people's handles, display names and profile URLs, with about 5% look-alikes
// of the demo company's names) and a Squid native access log of company devices.
// Usage: chorus_bench_program_data OUT_DIR HANDLES LOG_LINES USERS START_UNIX_SECONDS
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> kFirst = {
    "anna",   "janis", "liga",     "marta",   "piotr", "kasia",   "tomasz", "agnieszka", "noa",
    "yael",   "david", "maria",    "john",    "emma",  "oliver",  "sofia",  "lukas",     "ewa",
    "andris", "ilze",  "kristaps", "dana",    "tamar", "avi",     "michal", "jakub",     "zofia",
    "laura",  "peter", "sarah",    "dzintra", "inese", "roberts", "olga",   "igor",      "daniel"};
const std::vector<std::string> kLast = {
    "ozola",   "berzins", "kalnins", "nowak",   "kowalski",  "wisniewska", "levi",     "cohen",
    "mizrahi", "smith",   "jones",   "brown",   "muller",    "schmidt",    "garcia",   "rossi",
    "novak",   "jansons", "liepa",   "krumina", "zielinska", "wojcik",     "friedman", "katz"};
const std::vector<std::string> kWords = {
    "photo",  "travel", "coffee",   "dev",  "design",  "music", "runner",
    "foodie", "books",  "official", "news", "support", "daily", "riga",
    "warsaw", "tlv",    "baltic",   "art",  "pay",     "amber", "studio",
    "tech",   "data",   "life",     "hq",   "team",    "pl",    "lv"};
const std::vector<std::string> kLookalikes = {
    "dzintars_support", "dzintarshelp", "dz1ntars",         "dzіntars",
    "amberpay_lv",      "amb3rpay",     "аmberpay",         "official.amberpay",
    "dzintrs",          "amberapy",     "AmberPay Support", "https://x.com/dzintars_help",
    "help-amberpay-pl", "dzin.tars",    "Amber Pay"};
const std::vector<std::string> kSocial = {
    "www.facebook.com",  "static.xx.fbcdn.net", "x.com",
    "abs.twimg.com",     "www.linkedin.com",    "media.licdn.com",
    "www.instagram.com", "www.tiktok.com",      "www.youtube.com",
    "i.ytimg.com"};
const std::vector<std::string> kOther = {
    "www.google.com",  "intra.dzintars.lv", "github.com", "www.lsm.lv", "outlook.office365.com",
    "slack.com",       "www.delfi.lv",      "onet.pl",    "ynet.co.il", "docs.python.org",
    "cdn.jsdelivr.net"};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s OUT_DIR HANDLES LOG_LINES USERS START\n", argv[0]);
    return 2;
  }
  const std::string out = argv[1];
  const long handles = std::atol(argv[2]), lines = std::atol(argv[3]), users = std::atol(argv[4]);
  const int64_t start = std::atoll(argv[5]);
  std::mt19937_64 rng(11);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
    return v[rng() % v.size()];
  };
  std::ofstream h(out + "/handles.txt");
  for (long i = 0; i < handles; ++i) {
    const uint64_t kind = rng() % 100;
    if (kind < 5) {
      h << pick(kLookalikes) << "\n";
    } else if (kind < 40) {
      h << pick(kFirst) << (rng() % 2 ? "_" : ".") << pick(kLast)
        << (rng() % 3 ? "" : std::to_string(rng() % 100)) << "\n";
    } else if (kind < 60) {
      h << "@" << pick(kWords) << "_" << pick(kFirst) << "\n";
    } else if (kind < 75) {
      std::string f = pick(kFirst), l = pick(kLast);
      f[0] = static_cast<char>(f[0] - 32);
      l[0] = static_cast<char>(l[0] - 32);
      h << f << " " << l << "\n";
    } else if (kind < 88) {
      h << "https://x.com/" << pick(kFirst) << pick(kLast) << "\n";
    } else {
      h << "https://www.linkedin.com/in/" << pick(kFirst) << "-" << pick(kLast) << "-"
        << rng() % 1000 << "\n";
    }
  }
  std::ofstream official(out + "/official.txt");
  official << "dzintars\namberpay\n";

  std::ofstream log(out + "/access.log");
  // Requests spread over five working days, in time order as Squid writes them.
  const int64_t span_ms = 5LL * 86'400'000;
  int64_t t = start * 1000;
  char line[512];
  for (long i = 0; i < lines; ++i) {
    t += static_cast<int64_t>(rng() % static_cast<uint64_t>(2 * span_ms / lines + 1));
    const bool social = rng() % 100 < 40;
    const std::string& host = social ? pick(kSocial) : pick(kOther);
    const long user = static_cast<long>(rng() % static_cast<uint64_t>(users)) + 1;
    std::snprintf(line, sizeof line,
                  "%lld.%03lld %6llu 10.0.%ld.%ld TCP_TUNNEL/200 %llu CONNECT %s:443 "
                  "u%ld%%40bench.example HIER_DIRECT/192.0.2.%llu -\n",
                  static_cast<long long>(t / 1000), static_cast<long long>(t % 1000),
                  static_cast<unsigned long long>(rng() % 5000), user / 250, user % 250,
                  static_cast<unsigned long long>(rng() % 100000), host.c_str(), user,
                  static_cast<unsigned long long>(rng() % 250));
    log << line;
  }
  return 0;
}
