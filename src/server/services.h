// Services: the program-layer objects a running server shares among its request handlers.
// Owned by the caller of ChorusServer (the `serve` command); they outlive the server.
// Thread-safety: each service is thread-safe on its own (see its header).
#pragma once

#include "program/accounts.h"
#include "program/consultation.h"
#include "program/incidents.h"
#include "program/invitation_desk.h"
#include "program/monitoring.h"
#include "program/notifications.h"
#include "program/official_accounts.h"
#include "program/policy_program.h"
#include "program/review_desk.h"
#include "program/usage.h"
#include "store/incidents_store.h"
#include "store/store.h"

namespace chorus::server {

struct Services {
  store::Store& store;
  program::Accounts& accounts;
  program::PolicyProgram& policy;
  program::ReviewDesk& reviews;
  program::Consultation& consultation;
  program::Notifications& notifications;
  program::UsageSummaries& usage;
  program::OfficialAccounts& official_accounts;
  program::Monitoring& monitoring;
  store::MonitoringStore& monitoring_records;
  program::Incidents& incidents;
  store::IncidentsStore& incident_records;
  // Invitation links for people added without a password (none: no links are made).
  program::InvitationDesk* invitations = nullptr;
};

}  // namespace chorus::server
