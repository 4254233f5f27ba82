#include "server/policy_form_json.h"

#include <algorithm>

namespace chorus::server {
namespace {

nlohmann::json LocalizedJson(const LocalizedText& text) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [language, value] : text.by_language) j[language] = value;
  return j;
}

Status ReadStrings(const nlohmann::json& j, const std::string& what,
                   std::vector<std::string>* out) {
  if (!j.is_array()) return Status::Error(what + " must be a list of texts");
  std::vector<std::string> items;
  for (const auto& item : j) {
    if (!item.is_string()) return Status::Error(what + " must be a list of texts");
    items.push_back(item.get<std::string>());
  }
  *out = std::move(items);
  return Status::Ok();
}

Status ReadLocalized(const nlohmann::json& j, const std::string& what, LocalizedText* out) {
  if (!j.is_object()) return Status::Error(what + " must map language codes to texts");
  LocalizedText text;
  for (const auto& [language, value] : j.items()) {
    if (!value.is_string()) return Status::Error(what + "." + language + " must be a text");
    if (!value.get<std::string>().empty()) text.by_language[language] = value.get<std::string>();
  }
  *out = std::move(text);
  return Status::Ok();
}

Status ReadVerdict(const nlohmann::json& j, const std::string& what, Severity* out) {
  if (!j.is_string() || !ParseSeverity(j.get<std::string>(), out) || *out == Severity::kOk)
    return Status::Error(what + " must be \"caution\", \"review\" or \"block\"");
  return Status::Ok();
}

Status ApplyClause(const nlohmann::json& j, PolicyForm* form) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_string())
    return Status::Error("each entry of clauses needs an id");
  const std::string id = j["id"].get<std::string>();
  const std::string what = "clause " + id;
  auto it = std::find_if(form->clauses.begin(), form->clauses.end(),
                         [&](const ClauseSetting& c) { return c.id == id; });
  if (it == form->clauses.end()) {
    ClauseSetting fresh;
    fresh.id = id;
    form->clauses.push_back(std::move(fresh));
    it = form->clauses.end() - 1;
  }
  ClauseSetting& c = *it;
  if (j.contains("verdict")) {
    if (Status s = ReadVerdict(j["verdict"], what + " verdict", &c.verdict); !s.ok()) return s;
  }
  if (j.contains("enabled")) {
    if (!j["enabled"].is_boolean()) return Status::Error(what + " enabled must be true or false");
    c.enabled = j["enabled"].get<bool>();
  }
  if (c.built_in) return Status::Ok();  // texts and terms of built-in clauses are not edited
  if (j.contains("category")) {
    if (!j["category"].is_string()) return Status::Error(what + " category must be a text");
    c.category = j["category"].get<std::string>();
  }
  if (j.contains("terms")) {
    if (Status s = ReadStrings(j["terms"], what + " terms", &c.terms); !s.ok()) return s;
  }
  for (const auto& [key, text] : {std::pair{"title", &c.title}, std::pair{"message", &c.message},
                                  std::pair{"advice", &c.advice}}) {
    if (!j.contains(key)) continue;
    if (Status s = ReadLocalized(j[key], what + " " + key, text); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

nlohmann::json PolicyFormJson(const PolicyForm& form) {
  nlohmann::json lists = nlohmann::json::object();
  for (const auto& [key, items] : form.lists) lists[key] = items;
  nlohmann::json categories = nlohmann::json::object();
  for (const auto& [category, setting] : form.categories) {
    categories[category] = {
        {"enabled", setting.enabled ? nlohmann::json(*setting.enabled) : nlohmann::json()},
        {"verdict",
         setting.verdict ? nlohmann::json(SeverityName(*setting.verdict)) : nlohmann::json()}};
  }
  nlohmann::json clauses = nlohmann::json::array();
  for (const auto& c : form.clauses) {
    clauses.push_back({{"id", c.id},
                       {"category", c.category},
                       {"built_in", c.built_in},
                       {"verdict", SeverityName(c.verdict)},
                       {"enabled", c.enabled},
                       {"default_verdict", SeverityName(c.default_verdict)},
                       {"default_enabled", c.default_enabled},
                       {"terms", c.terms},
                       {"title", LocalizedJson(c.title)},
                       {"message", LocalizedJson(c.message)},
                       {"advice", LocalizedJson(c.advice)}});
  }
  return {{"organization",
           {{"name", form.organization}, {"aliases", form.aliases}, {"brands", form.brands}}},
          {"lists", lists},
          {"languages", form.languages},
          {"categories", categories},
          {"clauses", clauses},
          {"monitoring",
           {{"enabled", form.monitoring.enabled}, {"grace_days", form.monitoring.grace_days}}}};
}

Status ApplyPolicyFormJson(const nlohmann::json& body, PolicyForm* out) {
  PolicyForm form = *out;
  if (body.contains("organization")) {
    const nlohmann::json& org = body["organization"];
    if (!org.is_object()) return Status::Error("organization must be an object");
    if (org.contains("name")) {
      if (!org["name"].is_string()) return Status::Error("organization.name must be a text");
      form.organization = org["name"].get<std::string>();
    }
    if (org.contains("aliases")) {
      if (Status s = ReadStrings(org["aliases"], "organization.aliases", &form.aliases); !s.ok())
        return s;
    }
    if (org.contains("brands")) {
      if (Status s = ReadStrings(org["brands"], "organization.brands", &form.brands); !s.ok())
        return s;
    }
  }
  if (body.contains("lists")) {
    if (!body["lists"].is_object()) return Status::Error("lists must be an object");
    for (const auto& [key, items] : body["lists"].items()) {
      const auto& keys = PolicyFormListKeys();
      if (std::find(keys.begin(), keys.end(), key) == keys.end())
        return Status::Error("lists." + key + " is not a list of the policy");
      if (Status s = ReadStrings(items, "lists." + key, &form.lists[key]); !s.ok()) return s;
    }
  }
  if (body.contains("languages")) {
    if (Status s = ReadStrings(body["languages"], "languages", &form.languages); !s.ok()) return s;
  }
  if (body.contains("monitoring")) {
    const nlohmann::json& m = body["monitoring"];
    if (!m.is_object()) return Status::Error("monitoring must be an object");
    if (m.contains("enabled")) {
      if (!m["enabled"].is_boolean())
        return Status::Error("monitoring.enabled must be true or false");
      form.monitoring.enabled = m["enabled"].get<bool>();
    }
    if (m.contains("grace_days")) {
      if (!m["grace_days"].is_number_integer() || m["grace_days"].get<int64_t>() < 0 ||
          m["grace_days"].get<int64_t>() > 365) {
        return Status::Error("monitoring.grace_days must be a whole number from 0 to 365");
      }
      form.monitoring.grace_days = static_cast<int>(m["grace_days"].get<int64_t>());
    }
  }
  if (body.contains("categories")) {
    if (!body["categories"].is_object()) return Status::Error("categories must be an object");
    std::map<std::string, CategorySetting> categories;
    for (const auto& [category, setting] : body["categories"].items()) {
      if (!setting.is_object())
        return Status::Error("categories." + category + " must be an object");
      CategorySetting parsed;
      if (setting.contains("enabled") && !setting["enabled"].is_null()) {
        if (!setting["enabled"].is_boolean())
          return Status::Error("categories." + category + ".enabled must be true, false or null");
        parsed.enabled = setting["enabled"].get<bool>();
      }
      if (setting.contains("verdict") && !setting["verdict"].is_null()) {
        Severity verdict;
        if (Status s =
                ReadVerdict(setting["verdict"], "categories." + category + ".verdict", &verdict);
            !s.ok())
          return s;
        parsed.verdict = verdict;
      }
      if (parsed.enabled || parsed.verdict) categories[category] = parsed;
    }
    form.categories = std::move(categories);
  }
  if (body.contains("clauses")) {
    if (!body["clauses"].is_array()) return Status::Error("clauses must be a list");
    for (const auto& clause : body["clauses"]) {
      if (Status s = ApplyClause(clause, &form); !s.ok()) return s;
    }
  }
  if (body.contains("remove_clauses")) {
    std::vector<std::string> ids;
    if (Status s = ReadStrings(body["remove_clauses"], "remove_clauses", &ids); !s.ok()) return s;
    for (const auto& id : ids) {
      const auto it = std::find_if(form.clauses.begin(), form.clauses.end(),
                                   [&](const ClauseSetting& c) { return c.id == id; });
      if (it == form.clauses.end()) return Status::Error("remove_clauses: no clause " + id);
      if (it->built_in)
        return Status::Error("remove_clauses: " + id + " is built in; switch it off instead");
      form.clauses.erase(it);
    }
  }
  *out = std::move(form);
  return Status::Ok();
}

}  // namespace chorus::server
