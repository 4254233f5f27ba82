// What publishing a policy draft changes, in terms an admin can confirm: the organisation's
// name, names added to or removed from each company list, rules switched on or off or given
// another verdict, rules added or removed, languages, monitoring. And the example values of
// the starter templates (packs/templates/policy.*.yaml: a fictional company, its clients and
// codenames) still in the draft: a draft that holds any of them is not ready to publish.
//
// Contract: pure functions of the policies given; lists compare names exactly as written
// (after trimming), rules by id. Thread-safety: reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/policy.h"

namespace chorus::program {

struct ListChange {
  std::string list;  // the policy key: "clients", "competitors", "organization.brands", ...
  std::vector<std::string> added, removed;
};

struct ClauseChange {
  std::string clause;  // clause id
  // "added", "removed", "enabled", "disabled" or "verdict" (from -> to)
  std::string change;
  std::string from, to;  // verdict names for "verdict"
};

struct TemplateValue {
  std::string list;   // as ListChange::list, or "organization.name"
  std::string value;  // as the draft writes it
};

struct PolicyChangeSummary {
  bool first_version = false;  // nothing was published before: every name is new
  std::optional<std::string> organization_from, organization_to;  // set when it changes
  std::vector<ListChange> lists;                                  // only lists that change
  std::vector<ClauseChange> clauses;
  std::vector<std::string> languages_added, languages_removed;
  std::optional<MonitoringSettings> monitoring_from, monitoring_to;  // set when it changes
  std::vector<TemplateValue> template_values;
  bool empty() const {
    return !organization_to && lists.empty() && clauses.empty() && languages_added.empty() &&
           languages_removed.empty() && !monitoring_to;
  }
};

// `published` is the current version's policy, or null before the first publication.
PolicyChangeSummary SummarizePolicyChange(const Policy* published, const Policy& draft);

// The starter templates' example values that `draft` still holds (organization name,
// aliases, brands, competitors, clients, confidential terms, approved disclosures, official
// accounts, internal domains), compared case-insensitively.
std::vector<TemplateValue> TemplateValuesIn(const Policy& draft);

}  // namespace chorus::program
