// PolicyForm: the parts of a policy file an administrator edits through a form instead of as
// YAML text — the organization's names, the company lists, the languages, category switches
// and every clause's verdict and on/off state, plus custom clauses with their terms and texts,
// and monitoring after publication (on or off, grace days).
//
// Contract:
// - ReadPolicyForm reads a policy file (YAML text) into a form. The form is built from the
//   policy loader's own reading (ReadPolicyContents in policy.h), so the form and LoadPolicy
//   can never disagree about what a file says (`religion: Off` is off in both). Built-in
//   clauses are always all present, with the file's verdict/enabled overrides applied
//   (category switches are reported separately, not folded in). It fails, with the line and
//   column of the first problem, when the file is not a valid policy (what LintPolicy
//   reports): a file the loader does not fully understand is edited as text, so the form can
//   never drop what it failed to read.
// - WritePolicyForm returns the file with the form's values. Only top-level keys whose value
//   changed are rewritten; every other line, comments included, stays byte for byte. A
//   rewritten key loses comments inside its own block (those above it stay). Keys the file did
//   not have are appended at the end. It validates the form first and fails with a message
//   that names the field (line and column 0). The result is checked by loading it: it must
//   load without problems and read back as the form, else the whole file is written anew, and
//   if that does not read back either, the save is refused. So LoadPolicy(result) equals
//   LoadPolicy(yaml_text) apart from what the form changed.
// - PolicyRevision is a stable fingerprint of a file's text, used to refuse saving a form over
//   a file that changed since the form was read.
//
// Thread-safety: stateless functions over plain values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "policy/policy.h"

namespace chorus {

struct ClauseSetting {
  std::string id;
  std::string category;
  bool built_in = false;
  Severity verdict = Severity::kReview;
  bool enabled = true;
  // For built-in clauses: the values when the file says nothing (custom: same as above).
  Severity default_verdict = Severity::kReview;
  bool default_enabled = true;
  std::vector<std::string> terms;  // custom clauses only
  LocalizedText title, message, advice;
};

struct PolicyForm {
  std::string organization;
  std::vector<std::string> aliases, brands;
  // The company lists, by their YAML key: competitors, clients, confidential_terms,
  // approved_disclosures, official_accounts, internal_domains, allow.
  std::map<std::string, std::vector<std::string>> lists;
  std::vector<std::string> languages;
  std::map<std::string, CategorySetting> categories;  // only categories the file sets
  std::vector<ClauseSetting> clauses;                 // built-in first, then custom, file order
  MonitoringSettings monitoring;                      // `monitoring: {enabled, grace_days}`
};

// The YAML keys of PolicyForm::lists, in file order.
const std::vector<std::string>& PolicyFormListKeys();

Status ReadPolicyForm(std::string_view yaml_text, PolicyForm* out);
Status WritePolicyForm(std::string_view yaml_text, const PolicyForm& form, std::string* out);

// 16 hex digits identifying the exact text.
std::string PolicyRevision(std::string_view yaml_text);

}  // namespace chorus
