// SqliteIncidentsStore: the IncidentsStore on the SqliteStore's connection (tables incidents
// and incident_events, migration 9). Calls inside a Store transaction join it.
// Thread-safety: as SqliteStore; the SqliteStore must outlive it.
#pragma once

#include "store/incidents_store.h"
#include "store/sqlite_store.h"

namespace chorus::store {

class SqliteIncidentsStore final : public IncidentsStore {
 public:
  explicit SqliteIncidentsStore(SqliteStore& base) : base_(base) {}

  Status ListPostsAwaitingIncident(int64_t review_visible_before, int64_t limit,
                                   std::vector<MonitoredPostRecord>* out) override;
  Status CreateIncident(IncidentRecord* incident, bool* created) override;
  Status FindIncident(int64_t id, std::optional<IncidentRecord>* out) override;
  Status ListIncidents(const std::string& state, const PageRequest& page,
                       std::vector<IncidentRecord>* out) override;
  Status UpdateIncident(const IncidentRecord& incident) override;
  Status AddIncidentEvent(IncidentEventRecord* event) override;
  Status ListIncidentEvents(int64_t incident_id, std::vector<IncidentEventRecord>* out) override;
  Status ListIncidentsOfAuthor(int64_t author_id, std::vector<IncidentRecord>* out) override;

 private:
  SqliteStore& base_;
};

}  // namespace chorus::store
