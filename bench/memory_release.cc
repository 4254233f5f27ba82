// Measures how much heap a burst of work on many threads leaves resident, and what
// ConfigureMallocForServer and ReleaseFreeMemory (base/memory_release.h) give back.
// usage: chorus_bench_memory_release [--tuned] [THREADS] [ROUNDS]
// Each thread loads a ~200 KB policy ROUNDS times (yaml-cpp trees, many small blocks, and
// 1-4 MiB text buffers), as server workers do with drafts; RSS is printed before, after the
// threads end, and after malloc_trim.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "base/memory_release.h"
#include "policy/policy.h"

int main(int argc, char** argv) {
  bool tuned = false;
  int threads = 32, rounds = 3;
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--tuned") == 0) {
      tuned = true;
    } else if (positional++ == 0) {
      threads = std::atoi(argv[i]);
    } else {
      rounds = std::atoi(argv[i]);
    }
  }
  if (tuned) chorus::ConfigureMallocForServer();
  std::string policy = "organization: {name: Acme}\nclients:\n";
  for (int i = 0; policy.size() < 200 * 1024; ++i)
    policy += "  - Client number " + std::to_string(i) + " Ltd\n";
  const auto mib = [](size_t bytes) { return static_cast<double>(bytes) / (1 << 20); };
  std::printf("malloc %s, %d threads x %d rounds\n", tuned ? "tuned" : "default", threads, rounds);
  std::printf("rss at start:        %8.1f MiB\n", mib(chorus::ResidentBytes()));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&policy, rounds, t] {
      for (int r = 0; r < rounds; ++r) {
        chorus::Policy loaded;
        if (!chorus::LoadPolicy(policy, &loaded).ok()) std::abort();
        // A large transient buffer, as a photo upload or a report would be.
        std::string buffer(static_cast<size_t>(1 + (t + r) % 4) << 20, 'x');
        if (buffer[buffer.size() / 2] != 'x' || loaded.clients.empty()) std::abort();
      }
    });
  }
  for (auto& w : workers) w.join();
  std::printf("rss after the burst: %8.1f MiB\n", mib(chorus::ResidentBytes()));
  chorus::ReleaseFreeMemory();
  std::printf("rss after trim:      %8.1f MiB\n", mib(chorus::ResidentBytes()));
  return 0;
}
