#include "program/housekeeper.h"

#include <spdlog/spdlog.h>

#include "program/actor.h"

namespace chorus::program {

Housekeeper::Housekeeper(store::Store& store, RetentionRules rules, std::chrono::seconds interval,
                         Incidents* incidents)
    : store_(store), rules_(rules), interval_(interval), incidents_(incidents) {}

Housekeeper::~Housekeeper() {
  Stop();
}

void Housekeeper::Start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      RunOnce(NowSeconds());
      lock.lock();
      wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
  });
}

void Housekeeper::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Housekeeper::RunOnce(int64_t now) {
  PurgeReport report;
  if (const Outcome o = PurgeExpiredPosts(store_, rules_, now, &report); !o.ok()) {
    spdlog::error("retention: purge failed: {}", o.internal_detail);
  } else if (report.drafts + report.decided > 0) {
    spdlog::info(
        "retention: deleted {} unsent drafts older than {} days and {} reviewed posts "
        "older than {} days",
        report.drafts, rules_.draft_days, report.decided, rules_.decided_days);
  }
  if (const Status s = store_.DeleteExpiredSessions(now); !s.ok()) {
    spdlog::error("sessions: cannot delete expired sessions: {}", s.ToString());
  }
  if (incidents_) {
    int64_t opened = 0;
    if (const Outcome o = incidents_->OpenDueIncidents(now, &opened); !o.ok()) {
      spdlog::error("incidents: cannot open due incidents: {}", o.internal_detail);
    } else if (opened > 0) {
      spdlog::info("incidents: opened {} for flagged posts whose grace days ended", opened);
    }
  }
}

}  // namespace chorus::program
