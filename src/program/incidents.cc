#include "program/incidents.h"

#include <algorithm>
#include <ctime>

#include "base/utc_time.h"
#include "policy/result_json.h"
#include "program/audit.h"
#include "program/incident_states.h"
#include "program/transaction.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

constexpr int64_t kOpenBatch = 500;
constexpr size_t kMaxSummaryBytes = 500;
constexpr size_t kMaxNoteBytes = 4000;

Outcome Invalid(std::string code, std::string message) {
  return Outcome::Fail(Failure::kInvalid, std::move(code), std::move(message));
}

std::string Object(int64_t id) {
  return "incident:" + std::to_string(id);
}

nlohmann::json OptionalId(const std::optional<int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json();
}

int SeverityRank(const std::string& severity) {
  return severity == "block" ? 3 : severity == "review" ? 2 : severity == "caution" ? 1 : 0;
}

// The findings' categories, strictest finding first, each once: "financial,confidential".
std::string CategoriesOf(const std::string& findings_json) {
  const nlohmann::json findings = nlohmann::json::parse(findings_json, nullptr, false);
  if (!findings.is_array()) return "";
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& f : findings) {
    if (!f.is_object() || !f.contains("category") || !f["category"].is_string()) continue;
    const std::string severity = f.value("severity", "");
    ranked.emplace_back(SeverityRank(severity), f["category"].get<std::string>());
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  std::vector<std::string> seen;
  for (const auto& [rank, category] : ranked) {
    if (std::find(seen.begin(), seen.end(), category) != seen.end()) continue;
    seen.push_back(category);
    if (!out.empty()) out += ",";
    out += category;
  }
  return out;
}

std::vector<std::string> SplitCategories(const std::string& categories) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < categories.size()) {
    size_t comma = categories.find(',', start);
    if (comma == std::string::npos) comma = categories.size();
    if (comma > start) out.push_back(categories.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Text a person typed: valid UTF-8, 1 to `max` bytes, no control characters but new lines.
bool IsPlainText(const std::string& text, size_t max, bool allow_empty) {
  if (text.size() > max || (!allow_empty && text.empty()) || !text::IsValidUtf8(text)) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\n' && c != '\r' && c != '\t';
  });
}

}  // namespace

Incidents::Incidents(store::Store& store, store::IncidentsStore& incidents,
                     store::MonitoringStore& monitoring, PolicyProgram& policy,
                     const Playbook& playbook)
    : store_(store),
      incidents_(incidents),
      monitoring_(monitoring),
      policy_(policy),
      playbook_(playbook) {}

Status Incidents::AddEvent(const Actor* by, int64_t incident_id, int64_t at, std::string kind,
                           std::string text, const nlohmann::json& detail) {
  store::IncidentEventRecord event;
  event.incident_id = incident_id;
  event.at = at;
  if (by) event.author_id = by->user_id;
  event.kind = std::move(kind);
  event.text = std::move(text);
  event.detail_json = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return incidents_.AddIncidentEvent(&event);
}

Outcome Incidents::OpenDue(store::Store& tx, int64_t now, int64_t* opened) {
  const CurrentPolicy current = policy_.Current();
  const int grace_days = current.scanner ? current.scanner->policy().monitoring.grace_days
                                         : MonitoringSettings{}.grace_days;
  const int64_t review_visible_before = now - int64_t{86'400} * grace_days;
  int64_t count = 0;
  for (;;) {
    std::vector<store::MonitoredPostRecord> posts;
    if (Status s = incidents_.ListPostsAwaitingIncident(review_visible_before, kOpenBatch, &posts);
        !s.ok())
      return Outcome::Internal(s);
    int64_t created_now = 0;
    for (const auto& p : posts) {
      store::IncidentRecord incident;
      incident.post_id = p.id;
      incident.author_id = p.user_id;
      incident.platform = p.platform;
      incident.url = p.url;
      incident.published = p.published;
      incident.verdict = p.verdict;
      incident.categories = CategoriesOf(p.findings_json);
      incident.severity = std::string(SeverityForVerdict(p.verdict));
      incident.state = "open";
      incident.opened_at = now;
      incident.updated_at = now;
      bool created = false;
      if (Status s = incidents_.CreateIncident(&incident, &created); !s.ok())
        return Outcome::Internal(s);
      if (!created) continue;
      ++created_now;
      const nlohmann::json detail = {{"post_id", p.id},
                                     {"verdict", p.verdict},
                                     {"severity", incident.severity},
                                     {"via", "monitoring"}};
      if (Status s = AddEvent(nullptr, incident.id, now, "opened", "", detail); !s.ok())
        return Outcome::Internal(s);
      if (Status s = RecordAudit(tx, nullptr, "incident.open", Object(incident.id), detail);
          !s.ok())
        return Outcome::Internal(s);
    }
    count += created_now;
    if (static_cast<int64_t>(posts.size()) < kOpenBatch || created_now == 0) break;
  }
  if (opened) *opened = count;
  return Outcome::Ok();
}

Outcome Incidents::OpenDueIncidents(int64_t now, int64_t* opened) {
  return InTransaction(store_, [&](store::Store& tx) { return OpenDue(tx, now, opened); });
}

Outcome Incidents::Find(int64_t id, store::IncidentRecord* out) {
  std::optional<store::IncidentRecord> found;
  if (Status s = incidents_.FindIncident(id, &found); !s.ok()) return Outcome::Internal(s);
  if (!found) return Outcome::NotFound();
  *out = *found;
  return Outcome::Ok();
}

Outcome Incidents::List(const Actor& by, const std::string& state, const store::PageRequest& page,
                        std::vector<store::IncidentRecord>* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (!state.empty() && !IsIncidentState(state))
    return Invalid("invalid_state", "state must be open, acknowledged, remediating or closed");
  if (Status s = incidents_.ListIncidents(state, page, out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome Incidents::Get(const Actor& by, int64_t id, IncidentDetail* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (Outcome o = Find(id, &out->incident); !o.ok()) return o;
  if (Status s = incidents_.ListIncidentEvents(id, &out->timeline); !s.ok())
    return Outcome::Internal(s);
  out->post.reset();
  if (out->incident.post_id) {
    if (Status s = monitoring_.FindMonitoredPost(*out->incident.post_id, &out->post); !s.ok())
      return Outcome::Internal(s);
  }
  return Outcome::Ok();
}

Outcome Incidents::OwnerCandidates(const Actor& by, std::vector<store::UserRecord>* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  std::vector<store::UserRecord> users;
  if (Status s = store_.ListUsers(&users); !s.ok()) return Outcome::Internal(s);
  out->clear();
  for (auto& u : users)
    if (u.active && (u.role == "reviewer" || u.role == "admin")) out->push_back(std::move(u));
  return Outcome::Ok();
}

Outcome Incidents::Update(const Actor& by, int64_t id, const IncidentChange& change, int64_t now,
                          store::IncidentRecord* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (change.severity && !IsIncidentSeverity(*change.severity))
    return Invalid("invalid_severity", "severity must be low, medium or high");
  if (change.summary && !IsPlainText(*change.summary, kMaxSummaryBytes, true))
    return Invalid("invalid_summary",
                   "summary is what was wrong, in at most 500 bytes of text without control "
                   "characters");
  if (change.owner_id && *change.owner_id) {
    std::optional<store::UserRecord> owner;
    if (Status s = store_.FindUserById(**change.owner_id, &owner); !s.ok())
      return Outcome::Internal(s);
    if (!owner || !owner->active || (owner->role != "reviewer" && owner->role != "admin"))
      return Invalid("invalid_owner", "the owner must be an active reviewer or admin");
  }
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    store::IncidentRecord incident;
    if (Outcome o = Find(id, &incident); !o.ok()) return o;
    if (incident.state == "closed")
      return Outcome::Fail(Failure::kConflict, "incident_closed",
                           "the incident is closed: only notes may be added");
    nlohmann::json changes = nlohmann::json::object();
    if (change.owner_id && *change.owner_id != incident.owner_id) {
      const nlohmann::json detail = {{"from", OptionalId(incident.owner_id)},
                                     {"to", OptionalId(*change.owner_id)}};
      if (Status s = AddEvent(&by, id, now, "owner", "", detail); !s.ok())
        return Outcome::Internal(s);
      changes["owner"] = detail;
      incident.owner_id = *change.owner_id;
    }
    if (change.severity && *change.severity != incident.severity) {
      const nlohmann::json detail = {{"from", incident.severity}, {"to", *change.severity}};
      if (Status s = AddEvent(&by, id, now, "severity", "", detail); !s.ok())
        return Outcome::Internal(s);
      changes["severity"] = detail;
      incident.severity = *change.severity;
    }
    if (change.summary && *change.summary != incident.summary) {
      if (Status s = AddEvent(&by, id, now, "summary", *change.summary, nlohmann::json::object());
          !s.ok())
        return Outcome::Internal(s);
      changes["summary"] = *change.summary;
      incident.summary = *change.summary;
    }
    if (!changes.empty()) {
      incident.updated_at = now;
      if (Status s = incidents_.UpdateIncident(incident); !s.ok()) return Outcome::Internal(s);
      if (Status s = RecordAudit(tx, &by, "incident.update", Object(id), changes); !s.ok())
        return Outcome::Internal(s);
    }
    if (out) *out = incident;
    return Outcome::Ok();
  });
}

Outcome Incidents::Transition(const Actor& by, int64_t id, const std::string& state,
                              const std::string& outcome, const std::string& note, int64_t now,
                              store::IncidentRecord* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (!IsPlainText(note, kMaxNoteBytes, true))
    return Invalid("invalid_note", "a note is at most 4000 bytes of text");
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    store::IncidentRecord incident;
    if (Outcome o = Find(id, &incident); !o.ok()) return o;
    if (Outcome o = CheckIncidentTransition(incident.state, state, outcome); !o.ok()) return o;
    nlohmann::json detail = {{"from", incident.state}, {"to", state}};
    if (!outcome.empty()) detail["outcome"] = outcome;
    if (state == "acknowledged" && !incident.owner_id) {
      // Whoever acknowledges an incident nobody owns takes it.
      if (Status s = AddEvent(&by, id, now, "owner", "", {{"from", nullptr}, {"to", by.user_id}});
          !s.ok())
        return Outcome::Internal(s);
      incident.owner_id = by.user_id;
      detail["owner_id"] = by.user_id;
    }
    if (Status s = AddEvent(&by, id, now, "state", note, detail); !s.ok())
      return Outcome::Internal(s);
    incident.state = state;
    if (state == "closed") {
      incident.outcome = outcome;
      incident.closed_at = now;
      detail["time_to_close"] = now - incident.opened_at;
    }
    incident.updated_at = now;
    if (Status s = incidents_.UpdateIncident(incident); !s.ok()) return Outcome::Internal(s);
    if (Status s = RecordAudit(tx, &by, "incident.state", Object(id), detail); !s.ok())
      return Outcome::Internal(s);
    if (out) *out = incident;
    return Outcome::Ok();
  });
}

Outcome Incidents::AddNote(const Actor& by, int64_t id, const std::string& text, int64_t now,
                           store::IncidentEventRecord* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (!IsPlainText(text, kMaxNoteBytes, false) ||
      text.find_first_not_of(" \t\r\n") == std::string::npos)
    return Invalid("invalid_note", "a note is 1 to 4000 bytes of text");
  return InTransaction(store_, [&](store::Store& tx) -> Outcome {
    store::IncidentRecord incident;
    if (Outcome o = Find(id, &incident); !o.ok()) return o;
    store::IncidentEventRecord event;
    event.incident_id = id;
    event.at = now;
    event.author_id = by.user_id;
    event.kind = "note";
    event.text = text;
    event.detail_json = "{}";
    if (Status s = incidents_.AddIncidentEvent(&event); !s.ok()) return Outcome::Internal(s);
    incident.updated_at = now;
    if (Status s = incidents_.UpdateIncident(incident); !s.ok()) return Outcome::Internal(s);
    if (Status s = RecordAudit(tx, &by, "incident.note", Object(id),
                               {{"event_id", event.id}, {"bytes", text.size()}});
        !s.ok())
      return Outcome::Internal(s);
    if (out) *out = event;
    return Outcome::Ok();
  });
}

Outcome Incidents::FillPlaybook(const Actor& by, int64_t id, const std::string& language,
                                std::vector<CheckedPlaybookText>* out) {
  if (!by.CanReview()) return Outcome::Forbidden();
  if (!playbook_.HasLanguage(language)) {
    std::string codes;
    for (const auto& code : playbook_.Languages()) codes += (codes.empty() ? "" : ", ") + code;
    return Invalid("invalid_language", "the playbook's languages are " + codes);
  }
  store::IncidentRecord incident;
  if (Outcome o = Find(id, &incident); !o.ok()) return o;
  const CurrentPolicy current = policy_.Current();
  if (!current.scanner) return Outcome::Internal(Status::Error("the policy is not loaded"));
  PlaybookFacts facts;
  facts.organisation = current.scanner->policy().organization;
  facts.platform = incident.platform;
  facts.published =
      incident.published.empty() ? UtcTimestamp(incident.opened_at) : incident.published;
  facts.summary = incident.summary;
  facts.categories = SplitCategories(incident.categories);
  std::vector<PlaybookText> texts;
  if (Status s = playbook_.Fill(language, facts, &texts); !s.ok()) return Outcome::Internal(s);
  // Checked in the template's language when the policy has it, else detected.
  const auto& languages = current.scanner->languages();
  const std::string check_language =
      std::find(languages.begin(), languages.end(), language) != languages.end() ? language : "";
  out->clear();
  for (auto& t : texts) {
    CheckResult result;
    if (Outcome o = policy_.Check(t.text, check_language, &result, nullptr); !o.ok()) return o;
    CheckedPlaybookText checked;
    checked.kind = std::move(t.kind);
    checked.text = std::move(t.text);
    checked.verdict = std::string(SeverityName(result.verdict));
    checked.result = CheckResultToJson(result);
    checked.copyable = checked.verdict == "ok";
    out->push_back(std::move(checked));
  }
  return Outcome::Ok();
}

}  // namespace chorus::program
