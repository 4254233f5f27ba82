// Policy: a company's social media policy as data — who the company is, its clients,
// competitors and secrets, and the clauses that turn detections into findings with a
// verdict and an explanation in each language. Built-in clauses come from
// packs/default-policy.yaml; a policy file adds lists and may override or add clauses.
//
// The YAML keys `organization`, `competitors`, `clients`, `confidential_terms` and
// `approved_disclosures` are a contract; the rest of the format is documented in
// packs/templates/policy.en.yaml.
//
// Thread-safety: a Policy is a plain value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace chorus {

// Verdicts and finding severities, mild to strict.
enum class Severity { kOk = 0, kCaution = 1, kReview = 2, kBlock = 3 };
std::string_view SeverityName(Severity s);
bool ParseSeverity(std::string_view name, Severity* out);

// The finding categories of the contract in DESIGN.md.
const std::vector<std::string>& FindingCategories();
bool IsFindingCategory(std::string_view category);

// A text in several languages.
struct LocalizedText {
  std::map<std::string, std::string, std::less<>> by_language;
  // The text in `language`, else English, else any; empty if none.
  const std::string& Get(std::string_view language) const;
  // The language whose text Get(language) returns (`language`, else "en", else the first);
  // empty if there is no text at all.
  std::string_view LanguageOf(std::string_view language) const;
  bool empty() const { return by_language.empty(); }
  bool operator==(const LocalizedText&) const = default;
};

struct Clause {
  std::string id;        // "category.name"
  std::string category;  // one of FindingCategories()
  std::string source;    // which detector feeds it, e.g. "lexicon:politics"; "terms" for custom
  Severity verdict = Severity::kReview;
  bool enabled = true;
  std::vector<std::string> terms;  // extra words and phrases for this clause
  LocalizedText title, message, advice;
  bool operator==(const Clause&) const = default;
};

struct PolicySection {  // a chapter of the readable charter
  std::string id;
  LocalizedText title, body;
  bool operator==(const PolicySection&) const = default;
};

// Monitoring of employees' published posts (policy key `monitoring: {enabled, grace_days}`):
// off unless the policy turns it on. `grace_days` is how long a flagged post stays private to
// its author before it may become an incident for the communications team.
struct MonitoringSettings {
  bool enabled = false;
  int grace_days = 7;  // 0 to 365
  bool operator==(const MonitoringSettings&) const = default;
};

struct Policy {
  std::string organization;
  std::vector<std::string> aliases;
  std::vector<std::string> brands;
  std::vector<std::string> competitors;
  std::vector<std::string> clients;
  std::vector<std::string> confidential_terms;
  std::vector<std::string> approved_disclosures;
  // Handles ("@dzintars", "@ann@mastodon.social") and profile URLs ("x.com/dzintars",
  // "linkedin.com/company/dzintars"); each is checked by detect::ParseProfileRef.
  std::vector<std::string> official_accounts;
  std::vector<std::string> internal_domains;
  std::vector<std::string> allow;
  std::vector<std::string> languages;  // languages the policy is published in
  std::vector<Clause> clauses;         // built-in clauses merged with the file's
  // usage: {min_group: N}: time summaries leave out teams with fewer people (at least 2).
  int usage_min_group = 5;
  LocalizedText charter_title;          // heading of the readable charter
  std::vector<PolicySection> sections;  // its chapters, in order
  MonitoringSettings monitoring;

  const Clause* FindClause(std::string_view id) const;
  bool operator==(const Policy&) const = default;
};

// A category switch as a file writes it under `categories` ("religion: off" or
// "politics: {enabled: true, verdict: block}"); unset parts leave the clauses as they are.
struct CategorySetting {
  std::optional<bool> enabled;
  std::optional<Severity> verdict;
  bool operator==(const CategorySetting&) const = default;
};

// Everything the policy reader learns from a file, for editors that rewrite it (the policy
// form): the loaded policy, and what the file itself says before the category switches are
// folded into the clauses. There is one reader of the format; this is its full result.
struct PolicyFileContents {
  Policy policy;                                      // what LoadPolicy gives
  std::vector<Clause> clauses_before_categories;      // built-in first, then custom in file order
  std::map<std::string, CategorySetting> categories;  // the valid category keys the file sets
  std::vector<Status> problems;                       // what LintPolicy gives
};
PolicyFileContents ReadPolicyContents(std::string_view yaml_text);

// Every problem found in a policy file (empty when the file is valid). Problems carry line
// and column. Reading stops only at a YAML syntax error.
std::vector<Status> LintPolicy(std::string_view yaml_text);

// The largest policy file read: the same cap as the server puts on drafts.
constexpr size_t kMaxPolicyBytes = 512 * 1024;

// Reads a policy file ("-": standard input) of at most kMaxPolicyBytes; larger, endless
// (/dev/zero) or unreadable input is an error naming the path and the limit.
Status ReadPolicyFile(const std::string& path, std::string* out);

// Loads a policy file over the built-in defaults. Fails with the first problem LintPolicy
// would report. LoadPolicyFile reads with ReadPolicyFile.
Status LoadPolicy(std::string_view yaml_text, Policy* out);
Status LoadPolicyFile(const std::string& path, Policy* out);

// The built-in policy alone (no company lists): every default clause.
const Policy& DefaultPolicy();

}  // namespace chorus
