// The demo organisation `make run` starts with: the demo company's policy (packs/demo/
// policy.yaml) published as version 1, teams, an admin, a reviewer and employees in four
// languages, acknowledgements, a question, and sample posts waiting in the review queue; with
// Monitoring and Incidents also a monitored account whose imported posts include a flagged
// one, which is an open incident with a note from the reviewer.
// Seeds only an empty store (no users), so restarting never duplicates anything.
// Thread-safety: call once at startup, before serving.
#pragma once

#include <string>
#include <vector>

#include "program/accounts.h"
#include "program/consultation.h"
#include "program/incidents.h"
#include "program/monitoring.h"
#include "program/outcome.h"
#include "program/policy_program.h"
#include "program/review_desk.h"

namespace chorus::program {

struct DemoLogin {
  std::string email;
  std::string role;
  std::string language;
};

struct DemoSeedResult {
  bool seeded = false;   // false: the store already had users
  std::string password;  // the shared demo password
  std::vector<DemoLogin> logins;
};

// The demo logins and password (also when the store was seeded on an earlier start).
DemoSeedResult DemoLogins();

// `monitoring` and `incidents` may be null (no monitored account is seeded).
Outcome SeedDemo(store::Store& store, Accounts& accounts, PolicyProgram& policy,
                 ReviewDesk& reviews, Consultation& consultation, DemoSeedResult* out,
                 Monitoring* monitoring = nullptr, Incidents* incidents = nullptr);

}  // namespace chorus::program
