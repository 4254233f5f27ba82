#include "policy/policy_form.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "policy/yaml_util.h"
#include "text/utf8.h"

namespace chorus {
namespace {

constexpr size_t kMaxItemBytes = 300;
constexpr size_t kMaxTextBytes = 4000;

bool IsBuiltIn(std::string_view id) {
  return DefaultPolicy().FindClause(id) != nullptr;
}

// --- validation --------------------------------------------------------------------------

Status CheckItem(const std::string& what, const std::string& item) {
  if (item.empty()) return Status::Error(what + ": empty entry");
  if (item.size() > kMaxItemBytes)
    return Status::Error(what + ": \"" + item.substr(0, 40) + "…\" is longer than " +
                         std::to_string(kMaxItemBytes) + " bytes");
  if (!text::IsValidUtf8(item)) return Status::Error(what + ": an entry is not valid UTF-8");
  for (const unsigned char c : item) {
    if (c < 0x20) return Status::Error(what + ": \"" + item + "\" contains a line break or tab");
  }
  if (item.front() == ' ' || item.back() == ' ')
    return Status::Error(what + ": \"" + item + "\" starts or ends with a space");
  return Status::Ok();
}

Status CheckList(const std::string& what, const std::vector<std::string>& items) {
  std::set<std::string> seen;
  for (const auto& item : items) {
    if (Status s = CheckItem(what, item); !s.ok()) return s;
    if (!seen.insert(item).second) return Status::Error(what + ": \"" + item + "\" appears twice");
  }
  return Status::Ok();
}

Status CheckText(const std::string& what, const LocalizedText& text) {
  for (const auto& [language, value] : text.by_language) {
    if (language.size() != 2 || !std::islower(static_cast<unsigned char>(language[0])) ||
        !std::islower(static_cast<unsigned char>(language[1])))
      return Status::Error(what + ": \"" + language + "\" is not a two-letter language code");
    if (value.size() > kMaxTextBytes || !text::IsValidUtf8(value))
      return Status::Error(what + " (" + language + "): must be valid UTF-8 of at most " +
                           std::to_string(kMaxTextBytes) + " bytes");
  }
  return Status::Ok();
}

bool IsClauseId(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '.' || id.back() == '.') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

Status ValidateForm(const PolicyForm& form) {
  if (form.monitoring.grace_days < 0 || form.monitoring.grace_days > 365) {
    return Status::Error("monitoring.grace_days must be 0 to 365");
  }
  if (Status s = CheckItem("organization name", form.organization); !s.ok()) return s;
  if (Status s = CheckList("aliases", form.aliases); !s.ok()) return s;
  if (Status s = CheckList("brands", form.brands); !s.ok()) return s;
  for (const auto& [key, items] : form.lists) {
    const auto& keys = PolicyFormListKeys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      return Status::Error("unknown list \"" + key + "\"");
    if (Status s = CheckList(key, items); !s.ok()) return s;
  }
  for (const auto& code : form.languages) {
    if (code.size() != 2 || !std::islower(static_cast<unsigned char>(code[0])) ||
        !std::islower(static_cast<unsigned char>(code[1])))
      return Status::Error("languages: \"" + code + "\" is not a two-letter language code");
  }
  for (const auto& [category, setting] : form.categories) {
    if (!IsFindingCategory(category))
      return Status::Error("categories: unknown category \"" + category + "\"");
    if (setting.verdict == Severity::kOk)
      return Status::Error("categories: the verdict of " + category +
                           " is caution, review or block");
  }
  std::set<std::string> ids;
  for (const auto& c : form.clauses) {
    const std::string what = "clause \"" + c.id + "\"";
    if (!IsClauseId(c.id))
      return Status::Error(what +
                           ": an id uses lowercase letters, digits, '_', '-' and '.' (at most 64)");
    if (!ids.insert(c.id).second) return Status::Error(what + " appears twice");
    if (c.verdict == Severity::kOk)
      return Status::Error(what + ": the verdict is caution, review or block");
    const Clause* built_in = DefaultPolicy().FindClause(c.id);
    if (built_in) {
      if (c.category != built_in->category)
        return Status::Error(what + ": the category of a built-in clause cannot change");
      continue;
    }
    if (!IsFindingCategory(c.category))
      return Status::Error(what + ": unknown category \"" + c.category + "\"");
    if (c.terms.empty()) return Status::Error(what + ": a custom clause needs terms to look for");
    if (Status s = CheckList(what + " terms", c.terms); !s.ok()) return s;
    bool has_message = false;
    for (const auto& [language, text] : c.message.by_language) has_message |= !text.empty();
    if (!has_message) return Status::Error(what + ": a custom clause needs a message");
    for (const auto* text : {&c.title, &c.message, &c.advice}) {
      if (Status s = CheckText(what, *text); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

// --- building YAML nodes -------------------------------------------------------------------

YAML::Node ListNode(const std::vector<std::string>& items, bool flow) {
  YAML::Node node(YAML::NodeType::Sequence);
  for (const auto& item : items) node.push_back(item);
  if (flow || items.empty()) node.SetStyle(YAML::EmitterStyle::Flow);
  return node;
}

YAML::Node LocalizedNode(const LocalizedText& text) {
  YAML::Node node(YAML::NodeType::Map);
  for (const auto& [language, value] : text.by_language) {
    if (!value.empty()) node[language] = value;
  }
  return node;
}

YAML::Node MonitoringNode(const MonitoringSettings& monitoring) {
  YAML::Node node(YAML::NodeType::Map);
  node.SetStyle(YAML::EmitterStyle::Flow);
  node["enabled"] = monitoring.enabled;
  node["grace_days"] = monitoring.grace_days;
  return node;
}

YAML::Node OrganizationNode(const PolicyForm& form) {
  YAML::Node node(YAML::NodeType::Map);
  node["name"] = form.organization;
  if (!form.aliases.empty()) node["aliases"] = ListNode(form.aliases, false);
  if (!form.brands.empty()) node["brands"] = ListNode(form.brands, false);
  return node;
}

YAML::Node CategoriesNode(const std::map<std::string, CategorySetting>& categories) {
  YAML::Node node(YAML::NodeType::Map);
  for (const auto& [category, setting] : categories) {
    if (!setting.enabled && !setting.verdict) continue;
    YAML::Node entry(YAML::NodeType::Map);
    if (setting.enabled) entry["enabled"] = *setting.enabled;
    if (setting.verdict) entry["verdict"] = std::string(SeverityName(*setting.verdict));
    entry.SetStyle(YAML::EmitterStyle::Flow);
    node[category] = entry;
  }
  if (node.size() == 0) node.SetStyle(YAML::EmitterStyle::Flow);
  return node;
}

YAML::Node CustomClauseNode(const ClauseSetting& c) {
  YAML::Node node(YAML::NodeType::Map);
  node["id"] = c.id;
  node["category"] = c.category;
  node["verdict"] = std::string(SeverityName(c.verdict));
  if (!c.enabled) node["enabled"] = false;
  node["terms"] = ListNode(c.terms, true);
  if (LocalizedNode(c.title).size() > 0) node["title"] = LocalizedNode(c.title);
  node["message"] = LocalizedNode(c.message);
  if (LocalizedNode(c.advice).size() > 0) node["advice"] = LocalizedNode(c.advice);
  return node;
}

// Sets or removes the verdict/enabled overrides of a built-in clause entry.
void ApplyBuiltInSetting(const ClauseSetting& c, YAML::Node* entry) {
  const Clause* base = DefaultPolicy().FindClause(c.id);
  if (c.verdict != base->verdict)
    (*entry)["verdict"] = std::string(SeverityName(c.verdict));
  else
    entry->remove("verdict");
  if (c.enabled != base->enabled)
    (*entry)["enabled"] = c.enabled;
  else
    entry->remove("enabled");
}

bool SameTexts(const LocalizedText& a, const LocalizedText& b);

// Whether two settings of one clause mean the same (what the form shows of it).
bool SameSetting(const ClauseSetting& a, const ClauseSetting& b) {
  if (a.id != b.id || a.verdict != b.verdict || a.enabled != b.enabled) return false;
  if (IsBuiltIn(a.id)) return true;
  return a.category == b.category && a.terms == b.terms && SameTexts(a.title, b.title) &&
         SameTexts(a.message, b.message) && SameTexts(a.advice, b.advice);
}

bool SameClauses(const std::vector<ClauseSetting>& a, const std::vector<ClauseSetting>& b) {
  if (a.size() != b.size()) return false;
  std::map<std::string, const ClauseSetting*> by_id;
  for (const auto& c : b) by_id[c.id] = &c;
  for (const auto& c : a) {
    const auto it = by_id.find(c.id);
    if (it == by_id.end() || !SameSetting(c, *it->second)) return false;
  }
  return true;
}

// The new `clauses` sequence: the file's entries updated in place (in their order), entries
// whose setting did not change kept as they are, custom clauses missing from the form
// removed, and new ones appended.
YAML::Node ClausesNode(const YAML::Node& old, const std::vector<ClauseSetting>& old_settings,
                       const std::vector<ClauseSetting>& clauses) {
  std::map<std::string, const ClauseSetting*> by_id, old_by_id;
  for (const auto& c : clauses) by_id[c.id] = &c;
  for (const auto& c : old_settings) old_by_id[c.id] = &c;
  std::set<std::string> written;
  YAML::Node out(YAML::NodeType::Sequence);
  if (old && old.IsSequence()) {
    for (const auto& item : old) {
      if (!item.IsMap() || !item["id"] || !item["id"].IsScalar()) {
        out.push_back(YAML::Clone(item));  // LintPolicy reports it; the form leaves it alone
        continue;
      }
      const std::string id = item["id"].Scalar();
      const auto found = by_id.find(id);
      if (!written.insert(id).second) continue;  // a duplicate entry: keep the first
      if (found == by_id.end()) {
        if (IsBuiltIn(id)) out.push_back(YAML::Clone(item));
        continue;  // a custom clause the form removed
      }
      if (const auto was = old_by_id.find(id);
          was != old_by_id.end() && SameSetting(*was->second, *found->second)) {
        out.push_back(YAML::Clone(item));  // unchanged: kept as the file wrote it
        continue;
      }
      if (!IsBuiltIn(id)) {
        out.push_back(CustomClauseNode(*found->second));
        continue;
      }
      YAML::Node entry = YAML::Clone(item);
      ApplyBuiltInSetting(*found->second, &entry);
      if (entry.size() > 1) out.push_back(entry);  // more than the id alone
    }
  }
  for (const auto& c : clauses) {
    if (written.count(c.id)) continue;
    if (!c.built_in && !IsBuiltIn(c.id)) {
      out.push_back(CustomClauseNode(c));
      continue;
    }
    YAML::Node entry(YAML::NodeType::Map);
    entry["id"] = c.id;
    ApplyBuiltInSetting(c, &entry);
    if (entry.size() > 1) out.push_back(entry);
  }
  if (out.size() == 0) out.SetStyle(YAML::EmitterStyle::Flow);
  return out;
}

std::string EmitKey(const std::string& key, const YAML::Node& value) {
  YAML::Emitter emitter;
  emitter.SetIndent(2);
  emitter << YAML::BeginMap << YAML::Key << key << YAML::Value << value << YAML::EndMap;
  return std::string(emitter.c_str()) + "\n";
}

// Lines of the text, each with its line break.
std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      lines.back() += '\n';
      break;
    }
    lines.emplace_back(text.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

bool IsCommentOrBlank(const std::string& line) {
  const size_t first = line.find_first_not_of(" \t\r\n");
  return first == std::string::npos || line[first] == '#';
}

using KeyChanges = std::vector<std::pair<std::string, YAML::Node>>;

// The file written anew: its keys in their order with the changed ones replaced, new ones
// last.
std::string RebuildKeys(const YAML::Node& root, const KeyChanges& changes) {
  std::map<std::string, const YAML::Node*> changed;
  for (const auto& [key, value] : changes) changed[key] = &value;
  std::string text;
  if (root && root.IsMap()) {
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      const auto it = changed.find(key);
      if (it == changed.end()) {
        text += EmitKey(key, kv.second);
      } else if (it->second != nullptr) {
        text += EmitKey(key, *it->second);
        it->second = nullptr;  // a repeated key is written once
      }
    }
  }
  for (const auto& [key, value] : changes) {
    if (changed[key] != nullptr) text += EmitKey(key, value);
  }
  return text;
}

// The text with the changed top-level keys' blocks replaced and new keys appended; false
// when the file's layout does not allow it (not a block mapping, two keys on one line).
bool SpliceKeys(std::string_view yaml_text, const YAML::Node& root, const KeyChanges& changes,
                std::string* out) {
  if (!root || !root.IsMap() || root.Style() == YAML::EmitterStyle::Flow) return false;
  // Line ranges of the top-level keys: from the key's line up to the next key, less the
  // comments and blank lines just above the next key (they belong to it).
  const std::vector<std::string> lines = SplitLines(yaml_text);
  struct Block {
    std::string key;
    size_t begin, end;
  };
  std::vector<Block> blocks;
  for (const auto& kv : root) {
    blocks.push_back({kv.first.Scalar(), static_cast<size_t>(kv.first.Mark().line), 0});
  }
  std::sort(blocks.begin(), blocks.end(),
            [](const Block& a, const Block& b) { return a.begin < b.begin; });
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].begin >= lines.size()) return false;
    if (i + 1 < blocks.size() && blocks[i + 1].begin == blocks[i].begin) return false;
    size_t end = i + 1 < blocks.size() ? blocks[i + 1].begin : lines.size();
    while (end > blocks[i].begin + 1 && IsCommentOrBlank(lines[end - 1])) --end;
    blocks[i].end = end;
  }
  std::map<std::string, std::string> replacement;
  for (const auto& [key, value] : changes) replacement[key] = EmitKey(key, value);

  std::string text;
  size_t line = 0;
  for (const auto& block : blocks) {
    for (; line < block.begin && line < lines.size(); ++line) text += lines[line];
    const auto it = replacement.find(block.key);
    if (it == replacement.end()) continue;
    text += it->second;
    replacement.erase(it);
    line = block.end;
  }
  for (; line < lines.size(); ++line) text += lines[line];
  for (const auto& [key, value] : changes) {
    if (!replacement.count(key)) continue;  // already spliced in
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += replacement[key];
  }
  *out = std::move(text);
  return true;
}

bool SameTexts(const LocalizedText& a, const LocalizedText& b) {
  const auto filled = [](const LocalizedText& t) {
    std::map<std::string, std::string> m;
    for (const auto& [language, value] : t.by_language)
      if (!value.empty()) m[language] = value;
    return m;
  };
  return filled(a) == filled(b);
}

// Whether `text` reads back as `form` (what the form shows and saves).
bool ReadsBackAs(const std::string& text, const PolicyForm& form) {
  PolicyForm back;
  if (!ReadPolicyForm(text, &back).ok()) return false;
  if (back.organization != form.organization || back.aliases != form.aliases ||
      back.brands != form.brands || back.languages != form.languages ||
      back.monitoring != form.monitoring || back.clauses.size() != form.clauses.size())
    return false;
  const auto set = [](const std::map<std::string, CategorySetting>& categories) {
    std::map<std::string, CategorySetting> kept;
    for (const auto& [category, setting] : categories)
      if (setting.enabled || setting.verdict) kept[category] = setting;
    return kept;
  };
  if (set(back.categories) != set(form.categories)) return false;
  for (const auto& key : PolicyFormListKeys()) {
    const auto want = form.lists.find(key);
    if (want != form.lists.end() && back.lists[key] != want->second) return false;
  }
  return SameClauses(back.clauses, form.clauses);
}

}  // namespace

const std::vector<std::string>& PolicyFormListKeys() {
  static const std::vector<std::string> keys = {"competitors",
                                                "clients",
                                                "confidential_terms",
                                                "approved_disclosures",
                                                "official_accounts",
                                                "internal_domains",
                                                "allow"};
  return keys;
}

namespace {

// The form of what the policy reader read from a file.
Status FormOf(const PolicyFileContents& contents, PolicyForm* out) {
  *out = PolicyForm();
  if (!contents.problems.empty()) return contents.problems.front();
  const Policy& p = contents.policy;
  out->organization = p.organization;
  out->aliases = p.aliases;
  out->brands = p.brands;
  out->lists = {{"competitors", p.competitors},
                {"clients", p.clients},
                {"confidential_terms", p.confidential_terms},
                {"approved_disclosures", p.approved_disclosures},
                {"official_accounts", p.official_accounts},
                {"internal_domains", p.internal_domains},
                {"allow", p.allow}};
  out->languages = p.languages;
  out->monitoring = p.monitoring;
  out->categories = contents.categories;
  for (const Clause& clause : contents.clauses_before_categories) {
    ClauseSetting c;
    c.id = clause.id;
    c.category = clause.category;
    c.verdict = clause.verdict;
    c.enabled = clause.enabled;
    c.title = clause.title;
    c.message = clause.message;
    c.advice = clause.advice;
    if (const Clause* base = DefaultPolicy().FindClause(clause.id)) {
      c.built_in = true;
      c.default_verdict = base->verdict;
      c.default_enabled = base->enabled;
    } else {
      c.default_verdict = c.verdict;
      c.default_enabled = c.enabled;
      c.terms = clause.terms;
    }
    out->clauses.push_back(std::move(c));
  }
  return Status::Ok();
}

}  // namespace

Status ReadPolicyForm(std::string_view yaml_text, PolicyForm* out) {
  return FormOf(ReadPolicyContents(yaml_text), out);
}

Status WritePolicyForm(std::string_view yaml_text, const PolicyForm& form, std::string* out) {
  if (Status s = ValidateForm(form); !s.ok()) return s;
  PolicyForm old;
  if (Status s = ReadPolicyForm(yaml_text, &old); !s.ok()) return s;
  YAML::Node root;
  if (Status s = yaml::ParseYaml(yaml_text, &root); !s.ok()) return s;

  // The new value of every top-level key that changed, in canonical order.
  KeyChanges changes;
  if (form.organization != old.organization || form.aliases != old.aliases ||
      form.brands != old.brands)
    changes.emplace_back("organization", OrganizationNode(form));
  for (const auto& key : PolicyFormListKeys()) {
    const auto it = form.lists.find(key);
    if (it == form.lists.end()) continue;
    if (it->second != old.lists[key]) changes.emplace_back(key, ListNode(it->second, false));
  }
  if (form.languages != old.languages)
    changes.emplace_back("languages", ListNode(form.languages, true));
  if (form.categories != old.categories)
    changes.emplace_back("categories", CategoriesNode(form.categories));
  if (form.monitoring != old.monitoring)
    changes.emplace_back("monitoring", MonitoringNode(form.monitoring));
  if (!SameClauses(form.clauses, old.clauses)) {
    const YAML::Node old_clauses = root && root.IsMap() ? root["clauses"] : YAML::Node();
    changes.emplace_back("clauses", ClausesNode(old_clauses, old.clauses, form.clauses));
  }

  if (changes.empty()) {
    *out = std::string(yaml_text);
    return Status::Ok();
  }
  // Splice the changed keys into the text; if the file is one the splicing cannot follow, or
  // the result does not read back as the form, write the whole file anew (comments are lost
  // then); if even that does not read back, refuse rather than save something else.
  std::string text;
  if (SpliceKeys(yaml_text, root, changes, &text) && ReadsBackAs(text, form)) {
    *out = std::move(text);
    return Status::Ok();
  }
  text = RebuildKeys(root, changes);
  if (ReadsBackAs(text, form)) {
    *out = std::move(text);
    return Status::Ok();
  }
  return Status::Error(
      "this policy file cannot be rewritten from the form without changing its meaning; edit "
      "it as text");
}

std::string PolicyRevision(std::string_view yaml_text) {
  const XXH64_hash_t hash = XXH3_64bits(yaml_text.data(), yaml_text.size());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace chorus
