// JSON views of the program's records as the API returns them. Names of the people a record
// refers to (author, reviewer) are looked up through a PeopleDirectory, which caches them
// for one request. Password hashes, token hashes and CSRF tokens never appear in a view.
// Thread-safety: a PeopleDirectory belongs to one request; the functions are pure.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "program/actor.h"
#include "program/line_diff.h"
#include "program/notifications.h"
#include "program/policy_program.h"
#include "store/monitoring_store.h"
#include "store/store.h"

namespace chorus::server {

class PeopleDirectory {
 public:
  explicit PeopleDirectory(store::Store& store) : store_(store) {}
  // {"id", "name"} of a user, or null.
  nlohmann::json Person(std::optional<int64_t> user_id);

 private:
  store::Store& store_;
  std::map<int64_t, nlohmann::json> cache_;
};

nlohmann::json ActorJson(const program::Actor& actor);
nlohmann::json UserJson(const store::UserRecord& user, const std::vector<store::TeamRecord>& teams);
nlohmann::json PostJson(const store::PostRecord& post, PeopleDirectory& people);
nlohmann::json PostEventJson(const store::PostEventRecord& event, PeopleDirectory& people);
// `with_text`: include the YAML (admins and drafts); summaries omit it.
nlohmann::json PolicyVersionJson(const store::PolicyVersionRecord& version, bool with_text);
nlohmann::json QuestionJson(const store::QuestionRecord& question, PeopleDirectory& people);
nlohmann::json DiffJson(const std::vector<program::DiffLine>& lines);
nlohmann::json AuditJson(const store::AuditRecord& entry, PeopleDirectory& people);
// A notification with what the web app needs to show and link it (ids, short excerpts).
nlohmann::json NotificationJson(const program::Notification& item, PeopleDirectory& people);
// The first `max_chars` code points of `text`, with "…" when cut.
std::string Excerpt(std::string_view text, size_t max_chars);
// A linked account with its number of monitored posts; a monitored post in the shape of
// `chorus monitor list` (with the account owner's e-mail).
nlohmann::json AccountJson(const store::LinkedAccountRecord& account, int64_t posts);
nlohmann::json MonitoredPostJson(const store::MonitoredPostRecord& post, const std::string& email);

nlohmann::json OptionalInt(const std::optional<int64_t>& value);

}  // namespace chorus::server
