#include "program/policy_change_summary.h"

#include <algorithm>
#include <map>
#include <set>

#include "policy/embedded_data.h"
#include "policy/language_pack.h"
#include "text/fold.h"

namespace chorus::program {
namespace {

using ListOf = const std::vector<std::string>& (*)(const Policy&);

struct NamedList {
  const char* key;
  ListOf get;
};

// The company lists, in the order of the policy file.
const std::vector<NamedList>& CompanyLists() {
  static const std::vector<NamedList> lists = {
      {"organization.aliases", [](const Policy& p) -> const auto& {return p.aliases;
}
}  // namespace
, {"organization.brands", [](const Policy& p) -> const auto& {return p.brands;
}  // namespace chorus::program
}
, {"competitors", [](const Policy& p) -> const auto& {return p.competitors;
}
}
, {"clients", [](const Policy& p) -> const auto& {return p.clients;
}
}
, {"confidential_terms", [](const Policy& p) -> const auto& {return p.confidential_terms;
}
}
, {"approved_disclosures", [](const Policy& p) -> const auto& {return p.approved_disclosures;
}
}
, {"official_accounts", [](const Policy& p) -> const auto& {return p.official_accounts;
}
}
, {"internal_domains", [](const Policy& p) -> const auto& {return p.internal_domains;
}
}
, {"allow", [](const Policy& p) -> const auto& {return p.allow;
}
}
,
}
;
return lists;
}

std::vector<std::string> Minus(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
  const std::set<std::string> other(b.begin(), b.end());
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& x : a)
    if (!other.count(x) && seen.insert(x).second) out.push_back(x);
  return out;
}

// The starter templates' policies, parsed once.
const std::vector<Policy>& StarterTemplates() {
  static const std::vector<Policy> templates = [] {
    std::vector<Policy> out;
    for (const auto& pack : BuiltinLanguagePacks()) {
      const auto text = FindEmbeddedFile("templates/policy." + pack.code + ".yaml");
      Policy p;
      if (text && LoadPolicy(*text, &p).ok()) out.push_back(std::move(p));
    }
    return out;
  }();
  return templates;
}

}  // namespace

PolicyChangeSummary SummarizePolicyChange(const Policy* published, const Policy& draft) {
  PolicyChangeSummary s;
  static const Policy kNothing = [] {
    Policy p = DefaultPolicy();
    p.languages.clear();
    return p;
  }();
  s.first_version = published == nullptr;
  const Policy& before = published ? *published : kNothing;
  if (before.organization != draft.organization) {
    s.organization_from = before.organization;
    s.organization_to = draft.organization;
  }
  for (const auto& list : CompanyLists()) {
    ListChange c{list.key, Minus(list.get(draft), list.get(before)),
                 Minus(list.get(before), list.get(draft))};
    if (!c.added.empty() || !c.removed.empty()) s.lists.push_back(std::move(c));
  }
  std::map<std::string, const Clause*> old_clauses;
  for (const auto& c : before.clauses) old_clauses[c.id] = &c;
  for (const auto& c : draft.clauses) {
    const auto it = old_clauses.find(c.id);
    if (it == old_clauses.end()) {
      s.clauses.push_back({c.id, "added", "", std::string(SeverityName(c.verdict))});
      continue;
    }
    const Clause& o = *it->second;
    if (o.enabled != c.enabled)
      s.clauses.push_back({c.id, c.enabled ? "enabled" : "disabled", "", ""});
    if (o.verdict != c.verdict)
      s.clauses.push_back({c.id, "verdict", std::string(SeverityName(o.verdict)),
                           std::string(SeverityName(c.verdict))});
    old_clauses.erase(it);
  }
  for (const auto& [id, c] : old_clauses) s.clauses.push_back({id, "removed", "", ""});
  s.languages_added = Minus(draft.languages, before.languages);
  s.languages_removed = Minus(before.languages, draft.languages);
  // A first version mentions monitoring only when it turns it on.
  if (!(before.monitoring == draft.monitoring) && (published || draft.monitoring.enabled)) {
    if (published) s.monitoring_from = before.monitoring;
    s.monitoring_to = draft.monitoring;
  }
  s.template_values = TemplateValuesIn(draft);
  return s;
}

std::vector<TemplateValue> TemplateValuesIn(const Policy& draft) {
  std::map<std::string, std::set<std::string>> examples;  // list -> folded example values
  for (const auto& t : StarterTemplates()) {
    if (!t.organization.empty())
      examples["organization.name"].insert(text::FoldTerm(t.organization));
    for (const auto& list : CompanyLists()) {
      if (std::string_view(list.key) == "allow") continue;  // ordinary phrases, not examples
      for (const auto& v : list.get(t)) examples[list.key].insert(text::FoldTerm(v));
    }
  }
  std::vector<TemplateValue> out;
  auto check = [&](const char* key, const std::string& value) {
    const auto it = examples.find(key);
    if (it != examples.end() && it->second.count(text::FoldTerm(value)))
      out.push_back({key, value});
  };
  check("organization.name", draft.organization);
  for (const auto& list : CompanyLists())
    for (const auto& v : list.get(draft)) check(list.key, v);
  return out;
}

}  // namespace chorus::program
