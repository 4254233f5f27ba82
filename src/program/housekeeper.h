// Housekeeper: the server's background chores, run once at start and then every `interval`
// on one thread of its own: deleting posts past their retention (see retention.h) and
// expired sign-in sessions, and (given an Incidents object) opening the incidents of flagged
// monitored posts whose grace days have ended since the last import. Failures are logged and
// retried at the next round; they never stop the server.
//
//   Housekeeper keeper(store, rules, std::chrono::hours(1));
//   keeper.Start();
//   ...
//   keeper.Stop();  // also done by the destructor
//
// Thread-safety: Start/Stop from one thread; RunOnce may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "program/incidents.h"
#include "program/retention.h"
#include "store/store.h"

namespace chorus::program {

class Housekeeper {
 public:
  // `incidents` may be null (no incidents are opened); it must outlive the housekeeper.
  Housekeeper(store::Store& store, RetentionRules rules, std::chrono::seconds interval,
              Incidents* incidents = nullptr);
  ~Housekeeper();
  Housekeeper(const Housekeeper&) = delete;
  Housekeeper& operator=(const Housekeeper&) = delete;

  void Start();
  void Stop();
  // One round of every chore as of `now` (seconds since the epoch).
  void RunOnce(int64_t now);

 private:
  store::Store& store_;
  const RetentionRules rules_;
  const std::chrono::seconds interval_;
  Incidents* const incidents_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace chorus::program
