#include "policy/policy.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "base/capped_read.h"
#include "detect/profile_ref.h"
#include "policy/embedded_data.h"
#include "policy/language_pack.h"
#include "policy/yaml_util.h"
#include "text/utf8.h"

namespace chorus {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string UnknownKeyMessage(const std::string& where, const std::string& key,
                              const std::vector<std::string>& known) {
  std::string best;
  size_t best_distance = 3;
  for (const auto& k : known) {
    const size_t d = EditDistance(key, k);
    if (d < best_distance) best_distance = d, best = k;
  }
  std::string message = "unknown key \"" + key + "\"" + (where.empty() ? "" : " in " + where);
  if (!best.empty()) message += "; did you mean \"" + best + "\"?";
  return message;
}

// Reads policy YAML, collecting every problem instead of stopping at the first.
class PolicyReader {
 public:
  PolicyReader(Policy* policy, std::vector<Status>* problems, bool defaults)
      : policy_(policy), problems_(problems), defaults_(defaults) {}

  // When set, the reader also records what an editor of the file needs (see
  // PolicyFileContents).
  void RecordFor(PolicyFileContents* contents) { contents_ = contents; }

  void Read(const YAML::Node& root) {
    if (root.IsNull()) return;  // an empty file is the default policy
    if (!root.IsMap()) {
      Problem(yaml::ErrorAt(root, "a policy file must be a mapping of keys to values"));
      return;
    }
    static const std::vector<std::string> kTopKeys = {
        "version",           "organization",       "competitors",
        "clients",           "confidential_terms", "approved_disclosures",
        "official_accounts", "internal_domains",   "allow",
        "languages",         "categories",         "clauses",
        "policy_text",       "usage",              "monitoring"};
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      const YAML::Node& value = kv.second;
      if (key == "version") {
        if (!value.IsScalar() || value.Scalar() != "1")
          Problem(yaml::ErrorAt(value, "version must be 1 (the only policy format so far)"));
      } else if (key == "organization") {
        ReadOrganization(value);
      } else if (key == "competitors") {
        List(value, key, &policy_->competitors);
      } else if (key == "clients") {
        List(value, key, &policy_->clients);
      } else if (key == "confidential_terms") {
        List(value, key, &policy_->confidential_terms);
      } else if (key == "approved_disclosures") {
        List(value, key, &policy_->approved_disclosures);
      } else if (key == "official_accounts") {
        ReadOfficialAccounts(value);
      } else if (key == "usage") {
        ReadUsage(value);
      } else if (key == "internal_domains") {
        List(value, key, &policy_->internal_domains);
      } else if (key == "allow") {
        List(value, key, &policy_->allow);
      } else if (key == "languages") {
        ReadLanguages(value);
      } else if (key == "categories") {
        category_node_ = value;  // applied after the clauses, so it wins over defaults
        has_categories_ = true;
      } else if (key == "clauses") {
        ReadClauses(value);
      } else if (key == "monitoring") {
        ReadMonitoring(value);
      } else if (key == "policy_text" && defaults_) {
        ReadSections(value);
      } else {
        Problem(yaml::ErrorAt(kv.first, UnknownKeyMessage("", key, kTopKeys)));
      }
    }
    if (contents_) contents_->clauses_before_categories = policy_->clauses;
    if (has_categories_) ReadCategories(category_node_);
  }

 private:
  void Problem(Status s) { problems_->push_back(std::move(s)); }

  void List(const YAML::Node& node, const std::string& what, std::vector<std::string>* out) {
    std::vector<std::string> items;
    if (Status s = yaml::ReadStringList(node, what, &items); !s.ok()) return Problem(s);
    out->insert(out->end(), items.begin(), items.end());
  }

  void ReadOrganization(const YAML::Node& node) {
    if (node.IsScalar()) {
      policy_->organization = node.Scalar();
      return;
    }
    if (!node.IsMap()) {
      Problem(yaml::ErrorAt(node,
                            "organization must be a name or a mapping with name, aliases, brands"));
      return;
    }
    static const std::vector<std::string> kKeys = {"name", "aliases", "brands"};
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      if (key == "name") {
        if (Status s = yaml::ReadString(kv.second, "organization.name", &policy_->organization);
            !s.ok())
          Problem(s);
      } else if (key == "aliases") {
        List(kv.second, "organization.aliases", &policy_->aliases);
      } else if (key == "brands") {
        List(kv.second, "organization.brands", &policy_->brands);
      } else {
        Problem(yaml::ErrorAt(kv.first, UnknownKeyMessage("organization", key, kKeys)));
      }
    }
    if (policy_->organization.empty()) Problem(yaml::ErrorAt(node, "organization needs a name"));
  }

  // Each entry a handle or a profile URL of a known platform, located when it is not.
  void ReadOfficialAccounts(const YAML::Node& node) {
    std::vector<std::string> items;
    if (Status s = yaml::ReadStringList(node, "official_accounts", &items); !s.ok())
      return Problem(s);
    for (size_t i = 0; i < items.size(); ++i) {
      detect::ProfileRef ref;
      if (!detect::ParseProfileRef(items[i], &ref)) {
        Problem(yaml::ErrorAt(
            node.IsSequence() ? node[i] : node,
            "official_accounts: \"" + items[i] +
                "\" is neither a handle (@name) nor a profile URL of x.com, twitter.com, "
                "linkedin.com/in|company, facebook.com, instagram.com, tiktok.com/@, "
                "youtube.com/@ or a Mastodon server (https://host/@name)"));
        continue;
      }
      policy_->official_accounts.push_back(items[i]);
    }
  }

  // usage: {min_group: N}
  void ReadUsage(const YAML::Node& node) {
    if (!node.IsMap())
      return Problem(yaml::ErrorAt(node, "usage must be a mapping such as {min_group: 5}"));
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      if (key != "min_group") {
        Problem(yaml::ErrorAt(kv.first, UnknownKeyMessage("usage", key, {"min_group"})));
        continue;
      }
      int value = 0;
      try {
        value = kv.second.as<int>();
      } catch (const YAML::Exception&) {
        Problem(yaml::ErrorAt(kv.second, "usage.min_group must be a whole number"));
        continue;
      }
      if (value < 2 || value > 1000) {
        Problem(yaml::ErrorAt(kv.second,
                              "usage.min_group must be between 2 and 1000: a smaller group "
                              "would show one person's time"));
        continue;
      }
      policy_->usage_min_group = value;
    }
  }

  void ReadLanguages(const YAML::Node& node) {
    std::vector<std::string> codes;
    if (Status s = yaml::ReadStringList(node, "languages", &codes); !s.ok()) return Problem(s);
    for (size_t i = 0; i < codes.size(); ++i) {
      if (!FindLanguagePack(codes[i])) {
        std::string known;
        for (const auto& p : BuiltinLanguagePacks()) known += (known.empty() ? "" : ", ") + p.code;
        Problem(yaml::ErrorAt(node.IsSequence() ? node[i] : node,
                              "unknown language \"" + codes[i] + "\" (known: " + known + ")"));
      }
    }
    policy_->languages = codes;
  }

  bool ReadVerdict(const YAML::Node& node, Severity* out) {
    std::string name;
    if (Status s = yaml::ReadString(node, "verdict", &name); !s.ok()) {
      Problem(s);
      return false;
    }
    if (!ParseSeverity(name, out) || *out == Severity::kOk) {
      Problem(
          yaml::ErrorAt(node, "verdict must be caution, review or block (not \"" + name + "\")"));
      return false;
    }
    return true;
  }

  void ReadMonitoring(const YAML::Node& node) {
    if (!node.IsMap()) {
      return Problem(yaml::ErrorAt(node, "monitoring must be a mapping with enabled, grace_days"));
    }
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      if (key == "enabled") {
        ReadEnabled(kv.second, &policy_->monitoring.enabled);
      } else if (key == "grace_days") {
        int days = -1;
        try {
          days = kv.second.IsScalar() ? kv.second.as<int>() : -1;
        } catch (const YAML::Exception&) {
          days = -1;
        }
        if (days < 0 || days > 365) {
          Problem(yaml::ErrorAt(kv.second, "grace_days must be a whole number from 0 to 365"));
        } else {
          policy_->monitoring.grace_days = days;
        }
      } else {
        Problem(yaml::ErrorAt(kv.first,
                              UnknownKeyMessage("monitoring", key, {"enabled", "grace_days"})));
      }
    }
  }

  bool ReadEnabled(const YAML::Node& node, bool* out) {
    try {
      *out = node.as<bool>();
      return true;
    } catch (const YAML::Exception&) {
      Problem(yaml::ErrorAt(node, "enabled must be true or false"));
      return false;
    }
  }

  void ReadLocalized(const YAML::Node& node, const std::string& what, LocalizedText* out) {
    if (node.IsScalar()) {  // one text: taken as English
      out->by_language["en"] = node.Scalar();
      return;
    }
    if (!node.IsMap()) {
      Problem(
          yaml::ErrorAt(node, what + " must be a text or a mapping of language codes to texts"));
      return;
    }
    for (const auto& kv : node) {
      const std::string code = kv.first.Scalar();
      if (!FindLanguagePack(code)) {
        Problem(yaml::ErrorAt(kv.first, "unknown language \"" + code + "\" in " + what));
        continue;
      }
      std::string text;
      if (Status s = yaml::ReadString(kv.second, what + "." + code, &text); !s.ok()) {
        Problem(s);
        continue;
      }
      out->by_language[code] = text;
    }
  }

  void ReadClauses(const YAML::Node& node) {
    if (!node.IsSequence()) return Problem(yaml::ErrorAt(node, "clauses must be a list"));
    std::set<std::string> seen;
    for (const auto& item : node) {
      if (!item.IsMap()) {
        Problem(yaml::ErrorAt(item, "each clause must be a mapping with at least an id"));
        continue;
      }
      std::string id;
      if (!item["id"]) {
        Problem(yaml::ErrorAt(item, "clause without an id"));
        continue;
      }
      if (Status s = yaml::ReadString(item["id"], "id", &id); !s.ok()) {
        Problem(s);
        continue;
      }
      if (!seen.insert(id).second) {
        Problem(yaml::ErrorAt(item["id"], "clause \"" + id + "\" appears twice"));
        continue;
      }
      Clause* clause = nullptr;
      for (auto& c : policy_->clauses)
        if (c.id == id) clause = &c;
      const bool fresh = clause == nullptr;
      Clause added;
      if (fresh) {
        added.id = id;
        clause = &added;
      }
      static const std::vector<std::string> kKeys = {
          "id", "category", "verdict", "enabled", "source", "terms", "title", "message", "advice"};
      for (const auto& kv : item) {
        const std::string key = kv.first.Scalar();
        const YAML::Node& v = kv.second;
        if (key == "id") continue;
        if (key == "category") {
          std::string category;
          if (Status s = yaml::ReadString(v, "category", &category); !s.ok()) {
            Problem(s);
          } else if (!IsFindingCategory(category)) {
            std::string known;
            for (const auto& c : FindingCategories()) known += (known.empty() ? "" : ", ") + c;
            Problem(
                yaml::ErrorAt(v, "unknown category \"" + category + "\" (known: " + known + ")"));
          } else if (!fresh && category != clause->category) {
            Problem(
                yaml::ErrorAt(v, "the category of built-in clause \"" + id + "\" cannot change"));
          } else {
            clause->category = category;
          }
        } else if (key == "verdict") {
          ReadVerdict(v, &clause->verdict);
        } else if (key == "enabled") {
          ReadEnabled(v, &clause->enabled);
        } else if (key == "source") {
          if (!defaults_) {
            Problem(yaml::ErrorAt(kv.first,
                                  "source is set by Chorus for built-in clauses; "
                                  "give a custom clause its terms instead"));
          } else {
            if (Status s = yaml::ReadString(v, "source", &clause->source); !s.ok()) Problem(s);
          }
        } else if (key == "terms") {
          List(v, "terms", &clause->terms);
        } else if (key == "title") {
          ReadLocalized(v, "title", &clause->title);
        } else if (key == "message") {
          ReadLocalized(v, "message", &clause->message);
        } else if (key == "advice") {
          ReadLocalized(v, "advice", &clause->advice);
        } else {
          Problem(yaml::ErrorAt(kv.first, UnknownKeyMessage("clause \"" + id + "\"", key, kKeys)));
        }
      }
      if (fresh) {
        if (clause->category.empty()) {
          Problem(yaml::ErrorAt(item, "clause \"" + id + "\" needs a category"));
          continue;
        }
        if (!defaults_) {
          clause->source = "terms";
          if (clause->terms.empty())
            Problem(yaml::ErrorAt(item, "custom clause \"" + id + "\" needs terms to look for"));
          if (clause->message.empty())
            Problem(yaml::ErrorAt(item, "custom clause \"" + id + "\" needs a message"));
        }
        policy_->clauses.push_back(std::move(added));
      }
    }
  }

  void ReadCategories(const YAML::Node& node) {
    if (!node.IsMap())
      return Problem(yaml::ErrorAt(node, "categories must map category names to settings"));
    for (const auto& kv : node) {
      const std::string category = kv.first.Scalar();
      if (!IsFindingCategory(category)) {
        Problem(yaml::ErrorAt(kv.first,
                              UnknownKeyMessage("categories", category, FindingCategories())));
        continue;
      }
      bool enabled = true;
      bool set_enabled = false;
      Severity verdict = Severity::kReview;
      bool set_verdict = false;
      const YAML::Node& v = kv.second;
      if (v.IsScalar()) {  // "politics: off"
        set_enabled = ReadEnabled(v, &enabled);
      } else if (v.IsMap()) {
        for (const auto& s : v) {
          const std::string key = s.first.Scalar();
          if (key == "enabled")
            set_enabled = ReadEnabled(s.second, &enabled);
          else if (key == "verdict")
            set_verdict = ReadVerdict(s.second, &verdict);
          else
            Problem(yaml::ErrorAt(
                s.first, UnknownKeyMessage("categories." + category, key, {"enabled", "verdict"})));
        }
      } else {
        Problem(yaml::ErrorAt(v, "a category setting is true/false or {enabled, verdict}"));
      }
      if (contents_) {
        CategorySetting& recorded = contents_->categories[category];
        if (set_enabled) recorded.enabled = enabled;
        if (set_verdict) recorded.verdict = verdict;
      }
      for (auto& c : policy_->clauses) {
        if (c.category != category) continue;
        if (set_enabled) c.enabled = enabled;
        if (set_verdict) c.verdict = verdict;
      }
    }
  }

  // policy_text: {title: {lang: text}, sections: [{id, title, body}]}
  void ReadSections(const YAML::Node& text) {
    if (!text.IsMap()) return Problem(yaml::ErrorAt(text, "policy_text must be a mapping"));
    if (text["title"]) ReadLocalized(text["title"], "policy_text.title", &policy_->charter_title);
    const YAML::Node node = text["sections"];
    if (!node || !node.IsSequence())
      return Problem(yaml::ErrorAt(text, "policy_text.sections must be a list"));
    for (const auto& item : node) {
      PolicySection section;
      if (Status s = yaml::ReadString(item["id"], "policy_text.id", &section.id); !s.ok()) {
        Problem(s);
        continue;
      }
      if (item["title"]) ReadLocalized(item["title"], "title", &section.title);
      if (item["body"]) ReadLocalized(item["body"], "body", &section.body);
      policy_->sections.push_back(std::move(section));
    }
  }

  Policy* policy_;
  std::vector<Status>* problems_;
  bool defaults_;
  YAML::Node category_node_;
  bool has_categories_ = false;
  PolicyFileContents* contents_ = nullptr;
};

// The line and column of the first byte that is not valid UTF-8, if any.
bool FindInvalidUtf8(std::string_view text, int* line, int* column) {
  *line = 1;
  *column = 1;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    const char32_t cp = text::DecodeUtf8(text, i, &len);
    if (cp == text::kReplacementChar && len == 1) return true;
    if (text[i] == '\n') {
      ++*line;
      *column = 1;
    } else {
      ++*column;
    }
    i += len;
  }
  return false;
}

std::vector<Status> ReadPolicy(std::string_view yaml_text, Policy* out,
                               PolicyFileContents* contents = nullptr) {
  std::vector<Status> problems;
  if (int line, column; FindInvalidUtf8(yaml_text, &line, &column))
    return {Status::Error("the file is not valid UTF-8", line, column)};
  YAML::Node root;
  if (Status s = yaml::ParseYaml(yaml_text, &root); !s.ok()) return {s};
  *out = DefaultPolicy();
  if (contents) contents->clauses_before_categories = out->clauses;
  try {
    PolicyReader reader(out, &problems, false);
    reader.RecordFor(contents);
    reader.Read(root);
  } catch (const YAML::Exception& e) {
    problems.push_back(Status::Error(e.msg, e.mark.is_null() ? 0 : e.mark.line + 1,
                                     e.mark.is_null() ? 0 : e.mark.column + 1));
  }
  std::stable_sort(problems.begin(), problems.end(), [](const Status& a, const Status& b) {
    return a.line() != b.line() ? a.line() < b.line() : a.column() < b.column();
  });
  return problems;
}

}  // namespace

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kOk:
      return "ok";
    case Severity::kCaution:
      return "caution";
    case Severity::kReview:
      return "review";
    case Severity::kBlock:
      return "block";
  }
  return "ok";
}

bool ParseSeverity(std::string_view name, Severity* out) {
  for (Severity s : {Severity::kOk, Severity::kCaution, Severity::kReview, Severity::kBlock}) {
    if (SeverityName(s) == name) {
      *out = s;
      return true;
    }
  }
  return false;
}

const std::vector<std::string>& FindingCategories() {
  static const std::vector<std::string> categories = {
      "confidential",  "client_info", "financial", "personal_data",
      "credentials",   "legal",       "politics",  "religion",
      "disparagement", "offensive",   "location",  "impersonation"};
  return categories;
}

bool IsFindingCategory(std::string_view category) {
  const auto& all = FindingCategories();
  return std::find(all.begin(), all.end(), category) != all.end();
}

const std::string& LocalizedText::Get(std::string_view language) const {
  static const std::string empty;
  if (auto it = by_language.find(language); it != by_language.end()) return it->second;
  if (auto it = by_language.find("en"); it != by_language.end()) return it->second;
  return by_language.empty() ? empty : by_language.begin()->second;
}

std::string_view LocalizedText::LanguageOf(std::string_view language) const {
  if (auto it = by_language.find(language); it != by_language.end()) return it->first;
  if (auto it = by_language.find("en"); it != by_language.end()) return it->first;
  return by_language.empty() ? std::string_view() : std::string_view(by_language.begin()->first);
}

const Clause* Policy::FindClause(std::string_view id) const {
  for (const auto& c : clauses)
    if (c.id == id) return &c;
  return nullptr;
}

const Policy& DefaultPolicy() {
  static const Policy policy = [] {
    Policy p;
    const auto data = FindEmbeddedFile("default-policy.yaml");
    std::vector<Status> problems;
    YAML::Node root;
    Status s = data ? yaml::ParseYaml(*data, &root) : Status::Error("default-policy.yaml missing");
    if (s.ok()) {
      try {
        PolicyReader(&p, &problems, true).Read(root);
      } catch (const YAML::Exception& e) {
        problems.push_back(Status::Error(e.msg));
      }
    } else {
      problems.push_back(s);
    }
    if (!problems.empty()) {
      std::fprintf(stderr, "chorus: the built-in default policy is broken: %s\n",
                   problems.front().ToString().c_str());
      std::abort();
    }
    return p;
  }();
  return policy;
}

std::vector<Status> LintPolicy(std::string_view yaml_text) {
  Policy scratch;
  return ReadPolicy(yaml_text, &scratch);
}

PolicyFileContents ReadPolicyContents(std::string_view yaml_text) {
  PolicyFileContents contents;
  contents.problems = ReadPolicy(yaml_text, &contents.policy, &contents);
  return contents;
}

Status LoadPolicy(std::string_view yaml_text, Policy* out) {
  std::vector<Status> problems = ReadPolicy(yaml_text, out);
  return problems.empty() ? Status::Ok() : problems.front();
}

Status ReadPolicyFile(const std::string& path, std::string* out) {
  return ReadFileCapped(path, kMaxPolicyBytes, out);
}

Status LoadPolicyFile(const std::string& path, Policy* out) {
  std::string text;
  if (Status s = ReadPolicyFile(path, &text); !s.ok()) return s;
  return LoadPolicy(text, out);
}

}  // namespace chorus
