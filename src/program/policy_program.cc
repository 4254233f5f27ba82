#include "program/policy_program.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "policy/embedded_data.h"
#include "program/audit.h"
#include "program/transaction.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

constexpr size_t kMaxPolicyBytes = 512 * 1024;
constexpr size_t kMaxCommentBytes = 8 * 1024;

std::string StarterYaml(std::string_view language) {
  if (auto t = FindEmbeddedFile("templates/policy." + std::string(language) + ".yaml")) {
    return std::string(*t);
  }
  if (auto t = FindEmbeddedFile("templates/policy.en.yaml")) return std::string(*t);
  return "# A new policy: name the company, then list its clients, competitors and secrets.\n"
         "organization:\n  name: Example\ncompetitors: []\nclients: []\n"
         "confidential_terms: []\napproved_disclosures: []\n";
}

// A clause message for the charter, where no post is at hand: "{match}" becomes "…".
std::string WithoutMatch(std::string text) {
  for (size_t at = text.find("{match}"); at != std::string::npos; at = text.find("{match}", at)) {
    text.replace(at, 7, "…");
  }
  return text;
}

}  // namespace

PolicyProgram::PolicyProgram(store::Store& store, std::string cache_dir,
                             std::string fallback_policy_yaml)
    : store_(store),
      cache_dir_(std::move(cache_dir)),
      fallback_yaml_(std::move(fallback_policy_yaml)) {}

Outcome PolicyProgram::Compile(std::string_view yaml, std::shared_ptr<const Scanner>* out) const {
  Policy policy = DefaultPolicy();
  if (!yaml.empty()) {
    if (Status s = LoadPolicy(yaml, &policy); !s.ok()) {
      return Outcome::Fail(Failure::kInvalid, "invalid_policy",
                           "the policy has errors: " + s.ToString());
    }
  }
  return CompilePolicy(policy, out);
}

Outcome PolicyProgram::CompilePolicy(const Policy& policy,
                                     std::shared_ptr<const Scanner>* out) const {
  CompileOptions options;
  options.cache_dir = cache_dir_;
  if (Status s = Scanner::Compile(policy, options, out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome PolicyProgram::Start() {
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindCurrentPolicyVersion(&version); !s.ok()) return Outcome::Internal(s);
  std::shared_ptr<const Scanner> scanner;
  Outcome o = Compile(version ? std::string_view(version->yaml) : fallback_yaml_, &scanner);
  if (!o.ok()) return o;
  std::lock_guard lock(mutex_);
  current_ = {std::move(scanner), std::move(version)};
  return Outcome::Ok();
}

CurrentPolicy PolicyProgram::Current() const {
  PickUpOutsidePublication();
  std::lock_guard lock(mutex_);
  return current_;
}

void PolicyProgram::PickUpOutsidePublication() const {
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
  int64_t known = 0;
  {
    std::lock_guard lock(mutex_);
    if (!current_.scanner || now_ms < next_refresh_ms_) return;
    next_refresh_ms_ = now_ms + 1000;
    known = current_.version ? current_.version->number.value_or(0) : 0;
  }
  std::unique_lock refresh(refresh_mutex_, std::try_to_lock);
  if (!refresh.owns_lock()) return;  // another thread is at it
  std::optional<store::PolicyVersionRecord> latest;
  if (Status s = store_.FindCurrentPolicyVersion(&latest); !s.ok() || !latest) return;
  if (latest->number.value_or(0) <= known) return;
  std::shared_ptr<const Scanner> scanner;
  if (Outcome o = Compile(latest->yaml, &scanner); !o.ok()) return;  // kept; retried later
  std::lock_guard lock(mutex_);
  const int64_t now_known = current_.version ? current_.version->number.value_or(0) : 0;
  if (latest->number.value_or(0) > now_known) current_ = {std::move(scanner), std::move(latest)};
}

Outcome PolicyProgram::Check(std::string_view text, std::string_view language, CheckResult* result,
                             std::optional<int64_t>* version_id) const {
  const CurrentPolicy current = Current();
  if (!current.scanner) return Outcome::Internal(Status::Error("the policy is not loaded"));
  if (!language.empty() &&
      std::find(current.scanner->languages().begin(), current.scanner->languages().end(),
                language) == current.scanner->languages().end()) {
    return Outcome::Fail(Failure::kInvalid, "invalid_language", "the language is not supported");
  }
  CheckOptions options;
  options.language = std::string(language);
  if (Status s = current.scanner->Check(text, options, result); !s.ok()) {
    return Outcome::Fail(Failure::kInvalid, "check_failed", s.message());
  }
  if (version_id) {
    *version_id =
        current.version ? std::optional<int64_t>(current.version->id) : std::optional<int64_t>();
  }
  return Outcome::Ok();
}

Outcome PolicyProgram::CheckPhoto(std::string_view photo, CheckResult* result) const {
  if (photo.empty() || photo.size() > kMaxPhotoBytes) {
    return Outcome::Fail(Failure::kInvalid, "invalid_photo", "the photo must be 1 byte to 8 MiB");
  }
  const CurrentPolicy current = Current();
  if (!current.scanner) return Outcome::Internal(Status::Error("the policy is not loaded"));
  // Read from memory: the photo never touches the disk.
  std::vector<Finding> findings;
  Status s = current.scanner->CheckImageBytes(photo, result->language, &findings);
  if (!s.ok()) {
    return Outcome::Fail(Failure::kInvalid, "invalid_photo",
                         "the photo cannot be read: " + s.message());
  }
  for (auto& f : findings) {
    result->verdict = std::max(result->verdict, f.severity);
    result->findings.push_back(std::move(f));
  }
  return Outcome::Ok();
}

Outcome PolicyProgram::CreateDraft(const Actor& by, std::string_view title,
                                   std::string_view template_language,
                                   std::optional<int64_t> from_version,
                                   store::PolicyVersionRecord* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  if (title.empty() || title.size() > 200 || !text::IsValidUtf8(title)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_title", "the title must be 1-200 characters");
  }
  store::PolicyVersionRecord draft;
  draft.title = std::string(title);
  draft.created_by = by.user_id;
  draft.created_at = NowSeconds();
  const Outcome result = InTransaction(store_, [&](store::Store& tx) {
    if (from_version) {
      std::optional<store::PolicyVersionRecord> source;
      if (Status f = tx.FindPolicyVersion(*from_version, &source); !f.ok())
        return Outcome::Internal(f);
      if (!source) return Outcome::NotFound();
      draft.yaml = source->yaml;
    } else {
      const std::string language =
          template_language.empty() ? "en" : std::string(template_language);
      draft.yaml = StarterYaml(language);
    }
    if (Status c = tx.CreatePolicyVersion(&draft); !c.ok()) return Outcome::Internal(c);
    const Status audit =
        RecordAudit(tx, &by, "policy.draft", "policy_version:" + std::to_string(draft.id),
                    {{"title", draft.title}, {"from_version", from_version.value_or(0)}});
    return audit.ok() ? Outcome::Ok() : Outcome::Internal(audit);
  });
  if (!result.ok()) return result;
  *out = draft;
  return Outcome::Ok();
}

Outcome PolicyProgram::UpdateDraft(const Actor& by, int64_t id, std::string_view title,
                                   std::string_view yaml, std::vector<Status>* problems,
                                   std::string_view expected_revision) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  if (title.empty() || title.size() > 200 || !text::IsValidUtf8(title)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_title", "the title must be 1-200 characters");
  }
  if (yaml.size() > kMaxPolicyBytes || !text::IsValidUtf8(yaml)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_policy_text",
                         "the policy text must be UTF-8 and at most 512 KiB");
  }
  *problems = LintPolicy(yaml);
  return InTransaction(store_, [&](store::Store& tx) {
    std::optional<store::PolicyVersionRecord> version;
    if (Status f = tx.FindPolicyVersion(id, &version); !f.ok()) return Outcome::Internal(f);
    if (!version) return Outcome::NotFound();
    if (version->status != "draft") {
      return Outcome::Fail(Failure::kConflict, "version_published",
                           "a published version cannot be changed");
    }
    if (!expected_revision.empty() && PolicyRevision(version->yaml) != expected_revision) {
      return Outcome::Fail(Failure::kConflict, "draft_changed",
                           "someone else saved this draft meanwhile; reload it and make your "
                           "change again");
    }
    if (Status u = tx.UpdatePolicyDraft(id, title, yaml); !u.ok()) return Outcome::Internal(u);
    const Status audit =
        RecordAudit(tx, &by, "policy.edit", "policy_version:" + std::to_string(id),
                    {{"title", title}, {"bytes", yaml.size()}, {"problems", problems->size()}});
    return audit.ok() ? Outcome::Ok() : Outcome::Internal(audit);
  });
}

Outcome PolicyProgram::DraftForm(const Actor& by, int64_t id, PolicyForm* form,
                                 std::string* revision) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindPolicyVersion(id, &version); !s.ok()) return Outcome::Internal(s);
  if (!version) return Outcome::NotFound();
  if (Status s = ReadPolicyForm(version->yaml, form); !s.ok()) {
    return Outcome::Fail(Failure::kInvalid, "policy_unreadable",
                         s.ToString() + " — fix this in the policy text first");
  }
  *revision = PolicyRevision(version->yaml);
  return Outcome::Ok();
}

Outcome PolicyProgram::UpdateDraftForm(const Actor& by, int64_t id,
                                       std::string_view expected_revision, std::string_view title,
                                       const PolicyForm& form, std::vector<Status>* problems,
                                       std::string* new_revision) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  if (expected_revision.empty()) {
    return Outcome::Fail(Failure::kInvalid, "missing_field",
                         "give the revision the form was read at");
  }
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindPolicyVersion(id, &version); !s.ok()) return Outcome::Internal(s);
  if (!version) return Outcome::NotFound();
  std::string yaml;
  if (Status s = WritePolicyForm(version->yaml, form, &yaml); !s.ok()) {
    return Outcome::Fail(Failure::kInvalid, "invalid_form", s.ToString());
  }
  const Outcome o = UpdateDraft(by, id, title.empty() ? std::string_view(version->title) : title,
                                yaml, problems, expected_revision);
  if (o.ok()) *new_revision = PolicyRevision(yaml);
  return o;
}

Outcome PolicyProgram::ValidateForPublication(std::string_view yaml, std::vector<Status>* problems,
                                              std::shared_ptr<const Scanner>* scanner) const {
  *problems = LintPolicy(yaml);
  if (!problems->empty()) {
    return Outcome::Fail(Failure::kInvalid, "invalid_policy",
                         "the draft has errors: " + problems->front().ToString());
  }
  // One parse: the template check reads the policy the scanner is then compiled from, and
  // refuses before the compile (seconds with thousands of names).
  Policy draft = DefaultPolicy();
  if (!yaml.empty()) {
    if (Status s = LoadPolicy(yaml, &draft); !s.ok()) {
      return Outcome::Fail(Failure::kInvalid, "invalid_policy",
                           "the policy has errors: " + s.ToString());
    }
  }
  const std::vector<TemplateValue> examples = TemplateValuesIn(draft);
  if (!examples.empty()) {
    std::string names;
    for (const auto& e : examples) names += (names.empty() ? "" : ", ") + e.value;
    return Outcome::Fail(Failure::kConflict, "template_values",
                         "the draft still holds the starter template's example values (" + names +
                             "); replace them with your company's before publishing");
  }
  return CompilePolicy(draft, scanner);
}

Status PolicyProgram::CommitPublication(store::Store& tx, const Actor* by, int64_t id,
                                        int64_t published_by,
                                        std::optional<store::PolicyVersionRecord>* version) {
  if (Status p = tx.PublishPolicyVersion(id, published_by, NowSeconds()); !p.ok()) return p;
  if (Status f = tx.FindPolicyVersion(id, version); !f.ok()) return f;
  if (!*version) return Status::Error("the published version vanished");
  nlohmann::json detail = {{"title", (*version)->title},
                           {"number", (*version)->number.value_or(0)}};
  if (!by) detail["via"] = "command line";
  return RecordAudit(tx, by, "policy.publish", "policy_version:" + std::to_string(id), detail);
}

Outcome PolicyProgram::Publish(const Actor& by, int64_t id, store::PolicyVersionRecord* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindPolicyVersion(id, &version); !s.ok()) return Outcome::Internal(s);
  if (!version) return Outcome::NotFound();
  if (version->status != "draft") {
    return Outcome::Fail(Failure::kConflict, "version_published", "this version is published");
  }
  std::vector<Status> problems;
  std::shared_ptr<const Scanner> scanner;
  if (Outcome o = ValidateForPublication(version->yaml, &problems, &scanner); !o.ok()) return o;
  // Publishing and swapping happen under the mutex so two publications cannot interleave.
  std::lock_guard lock(mutex_);
  Status s = store_.Transaction(
      [&](store::Store& tx) { return CommitPublication(tx, &by, id, by.user_id, &version); });
  if (!s.ok()) {
    if (s.message() == store::kConflict) {
      return Outcome::Fail(Failure::kConflict, "version_published", "this version is published");
    }
    return Outcome::Internal(s);
  }
  current_ = {std::move(scanner), version};
  if (out) *out = *version;
  return Outcome::Ok();
}

Outcome PolicyProgram::PublishText(const Actor* by, int64_t recorded_as, std::string_view title,
                                   std::string_view yaml, std::vector<Status>* problems,
                                   store::PolicyVersionRecord* out) {
  if (by && !by->IsAdmin()) return Outcome::Forbidden();
  if (title.empty() || title.size() > 200 || !text::IsValidUtf8(title)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_title", "the title must be 1-200 characters");
  }
  if (yaml.size() > kMaxPolicyBytes || !text::IsValidUtf8(yaml)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_policy_text",
                         "the policy text must be UTF-8 and at most 512 KiB");
  }
  std::shared_ptr<const Scanner> scanner;
  if (Outcome o = ValidateForPublication(yaml, problems, &scanner); !o.ok()) return o;
  const int64_t author = by ? by->user_id : recorded_as;
  std::optional<store::PolicyVersionRecord> version;
  std::lock_guard lock(mutex_);
  const Outcome result = InTransaction(store_, [&](store::Store& tx) {
    store::PolicyVersionRecord draft;
    draft.title = std::string(title);
    draft.yaml = std::string(yaml);
    draft.created_by = author;
    draft.created_at = NowSeconds();
    if (Status c = tx.CreatePolicyVersion(&draft); !c.ok()) return Outcome::Internal(c);
    nlohmann::json detail = {{"title", draft.title}, {"from_version", 0}, {"bytes", yaml.size()}};
    if (!by) detail["via"] = "command line";
    if (Status a = RecordAudit(tx, by, "policy.draft", "policy_version:" + std::to_string(draft.id),
                               detail);
        !a.ok())
      return Outcome::Internal(a);
    return Outcome::FromStatus(CommitPublication(tx, by, draft.id, author, &version));
  });
  if (!result.ok()) return result;
  current_ = {std::move(scanner), version};
  if (out) *out = *version;
  return Outcome::Ok();
}

Outcome PolicyProgram::GetVersion(const Actor& by, int64_t id, store::PolicyVersionRecord* out) {
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindPolicyVersion(id, &version); !s.ok()) return Outcome::Internal(s);
  if (!version) return Outcome::NotFound();
  *out = std::move(*version);
  if (!by.IsAdmin()) out->yaml.clear();  // the lists name clients and secrets
  return Outcome::Ok();
}

Outcome PolicyProgram::VersionCharter(const Actor&, int64_t id, std::string_view language,
                                      nlohmann::json* out) const {
  std::optional<store::PolicyVersionRecord> version;
  if (Status s = store_.FindPolicyVersion(id, &version); !s.ok()) return Outcome::Internal(s);
  if (!version) return Outcome::NotFound();
  return Charter(version, language, out);
}

Outcome PolicyProgram::ListVersions(const Actor&, std::vector<store::PolicyVersionRecord>* out) {
  if (Status s = store_.ListPolicyVersions(out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome PolicyProgram::Diff(const Actor& by, int64_t old_id, int64_t new_id,
                            std::vector<DiffLine>* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  store::PolicyVersionRecord a, b;
  if (Outcome o = GetVersion(by, old_id, &a); !o.ok()) return o;
  if (Outcome o = GetVersion(by, new_id, &b); !o.ok()) return o;
  *out = LineDiff(a.yaml, b.yaml);
  return Outcome::Ok();
}

Outcome PolicyProgram::Comment(const Actor& by, int64_t version_id, std::string_view text,
                               store::PolicyCommentRecord* out) {
  if (text.empty() || text.size() > kMaxCommentBytes || !text::IsValidUtf8(text)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_comment",
                         "a comment must be 1 to 8192 bytes of text");
  }
  store::PolicyVersionRecord version;
  if (Outcome o = GetVersion(by, version_id, &version); !o.ok()) return o;
  if (version.status != "draft") {
    return Outcome::Fail(Failure::kConflict, "version_published",
                         "comments are open only while a version is a draft");
  }
  store::PolicyCommentRecord comment{0, version_id, by.user_id, std::string(text), NowSeconds()};
  if (Status s = store_.AddPolicyComment(&comment); !s.ok()) return Outcome::Internal(s);
  if (out) *out = comment;
  return Outcome::Ok();
}

Outcome PolicyProgram::ListComments(const Actor& by, int64_t version_id,
                                    std::vector<store::PolicyCommentRecord>* out) {
  store::PolicyVersionRecord version;
  if (Outcome o = GetVersion(by, version_id, &version); !o.ok()) return o;
  if (Status s = store_.ListPolicyComments(version_id, out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome PolicyProgram::Acknowledge(const Actor& by, int64_t version_id) {
  store::PolicyVersionRecord version;
  if (Outcome o = GetVersion(by, version_id, &version); !o.ok()) return o;
  if (version.status != "published") {
    return Outcome::Fail(Failure::kConflict, "version_not_published",
                         "only a published version can be acknowledged");
  }
  if (Status s = store_.Acknowledge({by.user_id, version_id, NowSeconds()}); !s.ok()) {
    return Outcome::Internal(s);
  }
  return Outcome::Ok();
}

Outcome PolicyProgram::HasAcknowledged(const Actor& by, int64_t version_id,
                                       std::optional<int64_t>* at) {
  std::optional<store::AcknowledgementRecord> ack;
  if (Status s = store_.FindAcknowledgement(by.user_id, version_id, &ack); !s.ok()) {
    return Outcome::Internal(s);
  }
  *at = ack ? std::optional<int64_t>(ack->acknowledged_at) : std::nullopt;
  return Outcome::Ok();
}

Outcome PolicyProgram::AcknowledgementStatus(const Actor& by, int64_t version_id,
                                             AcknowledgementReport* out) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  store::PolicyVersionRecord version;
  if (Outcome o = GetVersion(by, version_id, &version); !o.ok()) return o;
  std::vector<store::AcknowledgementRecord> acks;
  std::vector<store::UserRecord> users;
  std::vector<store::TeamRecord> teams;
  if (Status s = store_.ListAcknowledgements(version_id, &acks); !s.ok()) {
    return Outcome::Internal(s);
  }
  if (Status s = store_.ListUsers(&users); !s.ok()) return Outcome::Internal(s);
  if (Status s = store_.ListTeams(&teams); !s.ok()) return Outcome::Internal(s);
  std::map<int64_t, int64_t> ack_at;
  for (const auto& a : acks) ack_at[a.user_id] = a.acknowledged_at;
  std::map<int64_t, std::string> team_name;
  for (const auto& t : teams) team_name[t.id] = t.name;
  AcknowledgementReport report;
  report.version_id = version_id;
  for (const auto& u : users) {
    if (!u.active) continue;
    AcknowledgementReport::Person p;
    p.user_id = u.id;
    p.name = u.name;
    p.email = u.email;
    if (u.team_id) p.team = team_name[*u.team_id];
    if (auto it = ack_at.find(u.id); it != ack_at.end()) p.acknowledged_at = it->second;
    report.total++;
    report.acknowledged += p.acknowledged_at.has_value();
    report.people.push_back(std::move(p));
  }
  std::stable_sort(report.people.begin(), report.people.end(), [](const auto& a, const auto& b) {
    return std::tie(a.team, a.name) < std::tie(b.team, b.name);
  });
  *out = std::move(report);
  return Outcome::Ok();
}

Outcome PolicyProgram::Charter(const std::optional<store::PolicyVersionRecord>& version,
                               std::string_view language, nlohmann::json* out) const {
  Policy policy = DefaultPolicy();
  const std::string_view yaml = version ? std::string_view(version->yaml) : fallback_yaml_;
  if (!yaml.empty()) {
    if (Status s = LoadPolicy(yaml, &policy); !s.ok()) {
      return Outcome::Fail(Failure::kInvalid, "invalid_policy", s.ToString());
    }
  }
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& section : policy.sections) {
    sections.push_back({{"id", section.id},
                        {"title", section.title.Get(language)},
                        {"body", section.body.Get(language)}});
  }
  nlohmann::json clauses = nlohmann::json::array();
  for (const auto& clause : policy.clauses) {
    if (!clause.enabled) continue;
    clauses.push_back({{"id", clause.id},
                       {"category", clause.category},
                       {"verdict", SeverityName(clause.verdict)},
                       {"title", clause.title.Get(language)},
                       {"message", WithoutMatch(clause.message.Get(language))},
                       {"advice", clause.advice.Get(language)}});
  }
  *out = {{"organization", policy.organization},
          {"language", language},
          {"sections", std::move(sections)},
          {"clauses", std::move(clauses)}};
  return Outcome::Ok();
}

}  // namespace chorus::program
