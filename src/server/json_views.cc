#include "server/json_views.h"

#include "policy/policy_form.h"
#include "text/utf8.h"

namespace chorus::server {

nlohmann::json OptionalInt(const std::optional<int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json PeopleDirectory::Person(std::optional<int64_t> user_id) {
  if (!user_id) return nullptr;
  if (auto it = cache_.find(*user_id); it != cache_.end()) return it->second;
  std::optional<store::UserRecord> user;
  nlohmann::json value = nullptr;
  if (store_.FindUserById(*user_id, &user).ok() && user) {
    value = {{"id", user->id}, {"name", user->name.empty() ? user->email : user->name}};
  }
  cache_[*user_id] = value;
  return value;
}

nlohmann::json ActorJson(const program::Actor& actor) {
  return {{"id", actor.user_id},
          {"email", actor.email},
          {"name", actor.name.empty() ? actor.email : actor.name},
          {"role", program::RoleName(actor.role)},
          {"language", actor.language}};
}

nlohmann::json UserJson(const store::UserRecord& user,
                        const std::vector<store::TeamRecord>& teams) {
  nlohmann::json team = nullptr;
  for (const auto& t : teams)
    if (user.team_id && t.id == *user.team_id) team = t.name;
  return {{"id", user.id},         {"email", user.email},          {"name", user.name},
          {"role", user.role},     {"language", user.language},    {"team", team},
          {"active", user.active}, {"created_at", user.created_at}};
}

nlohmann::json PostJson(const store::PostRecord& post, PeopleDirectory& people) {
  nlohmann::json result = nlohmann::json::parse(post.result_json, nullptr, false);
  if (result.is_discarded()) result = nullptr;
  return {{"id", post.id},
          {"author", people.Person(post.author_id)},
          {"text", post.text},
          {"language", post.language},
          {"verdict", post.verdict},
          {"result", result},
          {"status", post.status},
          {"policy_version_id", OptionalInt(post.policy_version_id)},
          {"author_note", post.author_note},
          {"reviewer", people.Person(post.reviewer_id)},
          {"review_comment", post.review_comment},
          {"created_at", post.created_at},
          {"updated_at", post.updated_at},
          {"submitted_at", OptionalInt(post.submitted_at)},
          {"decided_at", OptionalInt(post.decided_at)}};
}

nlohmann::json PostEventJson(const store::PostEventRecord& event, PeopleDirectory& people) {
  return {{"action", event.action},
          {"actor", people.Person(event.actor_id)},
          {"comment", event.comment},
          {"at", event.at}};
}

nlohmann::json PolicyVersionJson(const store::PolicyVersionRecord& version, bool with_text) {
  nlohmann::json j = {{"id", version.id},
                      {"number", OptionalInt(version.number)},
                      {"title", version.title},
                      {"status", version.status},
                      {"created_at", version.created_at},
                      {"published_at", OptionalInt(version.published_at)}};
  if (with_text) {
    j["yaml"] = version.yaml;
    j["revision"] = PolicyRevision(version.yaml);
  }
  return j;
}

nlohmann::json QuestionJson(const store::QuestionRecord& question, PeopleDirectory& people) {
  return {{"id", question.id},
          {"author", people.Person(question.author_id)},
          {"text", question.text},
          {"created_at", question.created_at},
          {"answer", question.answer ? nlohmann::json(*question.answer) : nlohmann::json(nullptr)},
          {"answered_by", people.Person(question.answered_by)},
          {"answered_at", OptionalInt(question.answered_at)}};
}

nlohmann::json DiffJson(const std::vector<program::DiffLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : lines)
    out.push_back({{"op", std::string(1, line.op)}, {"text", line.text}});
  return out;
}

nlohmann::json AuditJson(const store::AuditRecord& entry, PeopleDirectory& people) {
  nlohmann::json detail = nlohmann::json::parse(entry.detail, nullptr, false);
  if (detail.is_discarded()) detail = nlohmann::json::object();
  return {
      {"id", entry.id},         {"at", entry.at},         {"actor", people.Person(entry.actor_id)},
      {"action", entry.action}, {"object", entry.object}, {"detail", detail}};
}

std::string Excerpt(std::string_view text, size_t max_chars) {
  size_t pos = 0;
  for (size_t chars = 0; pos < text.size() && chars < max_chars; ++chars) {
    size_t length = 1;
    text::DecodeUtf8(text, pos, &length);
    pos += length;
  }
  std::string out = text::SanitizeUtf8(text.substr(0, pos));
  if (pos < text.size()) out += "…";
  return out;
}

nlohmann::json NotificationJson(const program::Notification& item, PeopleDirectory& people) {
  constexpr size_t kExcerptChars = 120;
  nlohmann::json j = {
      {"kind", program::NotificationKindName(item.kind)}, {"at", item.at}, {"unseen", item.unseen}};
  switch (item.kind) {
    case program::NotificationKind::kPostDecided:
      if (item.post) {
        j["post"] = {{"id", item.post->id},
                     {"status", item.post->status},
                     {"excerpt", Excerpt(item.post->text, kExcerptChars)},
                     {"reviewer", people.Person(item.post->reviewer_id)},
                     {"review_comment", item.post->review_comment}};
      }
      break;
    case program::NotificationKind::kQuestionAnswered:
      if (item.question) {
        j["question"] = {
            {"id", item.question->id},
            {"excerpt", Excerpt(item.question->text, kExcerptChars)},
            {"answer_excerpt", Excerpt(item.question->answer.value_or(""), kExcerptChars)},
            {"answered_by", people.Person(item.question->answered_by)}};
      }
      break;
    case program::NotificationKind::kPolicyToAcknowledge:
      if (item.version) {
        j["version"] = {{"id", item.version->id},
                        {"number", OptionalInt(item.version->number)},
                        {"title", item.version->title},
                        {"published_at", OptionalInt(item.version->published_at)}};
      }
      break;
    case program::NotificationKind::kReviewQueue:
    case program::NotificationKind::kQuestionsWaiting:
      j["count"] = item.count;
      break;
  }
  return j;
}

nlohmann::json AccountJson(const store::LinkedAccountRecord& a, int64_t posts) {
  return {{"id", a.id},
          {"platform", a.platform},
          {"handle", a.handle},
          {"linked_at", a.linked_at},
          {"posts", posts}};
}

// One monitored post, in the shape of `chorus monitor list`.
nlohmann::json MonitoredPostJson(const store::MonitoredPostRecord& p, const std::string& email) {
  nlohmann::json findings = nlohmann::json::parse(p.findings_json, nullptr, false);
  if (findings.is_discarded()) findings = nlohmann::json::array();
  return {{"id", p.id},
          {"email", email},
          {"platform", p.platform},
          {"url", p.url},
          {"published", p.published},
          {"text", p.text},
          {"verdict", p.verdict},
          {"findings", findings},
          {"language", p.language},
          {"imported_at", p.imported_at}};
}

}  // namespace chorus::server
