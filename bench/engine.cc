// The check engine alone, in process: folds and checks every post of a plain-text corpus
// (one post per line) with a policy, on one thread and on every core, and prints throughput
// and per-post latency beside the cost of folding alone (the floor any check pays).
//
// usage: chorus_bench_engine POLICY.yaml POSTS.txt [LANG]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "policy/scanner.h"
#include "text/fold.h"

namespace {
using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}
// A check that fails makes the measurement meaningless: stop with the reason.
[[noreturn]] void Die(const chorus::Status& s) {
  std::fprintf(stderr, "check failed: %s\n", s.ToString().c_str());
  std::exit(1);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: chorus_bench_engine POLICY.yaml POSTS.txt [LANG]\n");
    return 2;
  }
  chorus::Policy policy;
  if (chorus::Status s = chorus::LoadPolicyFile(argv[1], &policy); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 2;
  }
  std::vector<std::string> posts;
  size_t bytes = 0;
  {
    std::ifstream in(argv[2]);
    std::string line;
    while (std::getline(in, line)) {
      bytes += line.size();
      posts.push_back(std::move(line));
    }
  }
  const std::string lang = argc > 3 ? argv[3] : "";

  auto t0 = Clock::now();
  std::shared_ptr<const chorus::Scanner> scanner;
  chorus::CompileOptions options;
  options.cache_dir = chorus::DefaultCacheDir();
  if (chorus::Status s = chorus::Scanner::Compile(policy, options, &scanner); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 2;
  }
  auto t1 = Clock::now();
  std::printf("engine: %zu posts, %.1f MB, %zu terms; compile %.3f s (%s)\n", posts.size(),
              bytes / 1e6, scanner->term_count(), Seconds(t0, t1),
              scanner->loaded_from_cache() ? "cached" : "cold");

  // Baseline: folding alone.
  chorus::text::FoldedText folded;
  t0 = Clock::now();
  size_t folded_bytes = 0;
  for (const auto& p : posts) {
    chorus::text::Fold(p, &folded);
    folded_bytes += folded.text.size();
  }
  t1 = Clock::now();
  std::printf("baseline fold only, 1 thread: %.0f posts/s, %.1f MB/s\n",
              posts.size() / Seconds(t0, t1), bytes / 1e6 / Seconds(t0, t1));

  // Full check, one thread, with per-post latency.
  std::vector<double> latency_us;
  latency_us.reserve(posts.size());
  size_t findings = 0;
  chorus::CheckOptions check;
  check.language = lang;
  chorus::CheckResult result;
  t0 = Clock::now();
  for (const auto& p : posts) {
    const auto a = Clock::now();
    if (chorus::Status s = scanner->Check(p, check, &result); !s.ok()) Die(s);
    latency_us.push_back(Seconds(a, Clock::now()) * 1e6);
    findings += result.findings.size();
  }
  t1 = Clock::now();
  std::sort(latency_us.begin(), latency_us.end());
  auto pct = [&](double q) { return latency_us[static_cast<size_t>(q * (latency_us.size() - 1))]; };
  std::printf(
      "check, 1 thread:  %.0f posts/s, %.1f MB/s; latency p50 %.1f us, p99 %.1f us, max %.0f us; "
      "%zu findings\n",
      posts.size() / Seconds(t0, t1), bytes / 1e6 / Seconds(t0, t1), pct(0.5), pct(0.99),
      latency_us.back(), findings);

  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{0};
  t0 = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      chorus::CheckResult r;
      for (size_t i; (i = next.fetch_add(64)) < posts.size();)
        for (size_t j = i; j < std::min(i + 64, posts.size()); ++j)
          if (chorus::Status s = scanner->Check(posts[j], check, &r); !s.ok()) Die(s);
    });
  }
  for (auto& t : pool) t.join();
  t1 = Clock::now();
  std::printf("check, %u threads: %.0f posts/s, %.1f MB/s\n", threads,
              posts.size() / Seconds(t0, t1), bytes / 1e6 / Seconds(t0, t1));
  return 0;
}
