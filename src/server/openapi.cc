// /api/v1/openapi.json: the OpenAPI 3.0 description of the JSON API, generated from a table
// of the routes (keep it in step with the *_routes.cc files; api tests check that every
// route they call is listed).
#include <limits>

#include "server/routes.h"

namespace chorus::server {
namespace {

struct Operation {
  const char* method;
  const char* path;
  const char* tag;
  const char* summary;
  bool signed_in;
  std::vector<const char*> body_fields;  // required first, then "?optional"
};

nlohmann::json Schema(const std::vector<const char*>& fields) {
  nlohmann::json properties = nlohmann::json::object();
  nlohmann::json required = nlohmann::json::array();
  for (std::string f : fields) {
    const bool optional = f.front() == '?';
    if (optional) f.erase(0, 1);
    const bool integer = f == "version_id" || f == "from_version" || f == "days" || f == "owner_id";
    const bool boolean = f == "active";
    properties[f] = {{"type", integer ? "integer" : boolean ? "boolean" : "string"}};
    if (!optional) required.push_back(f);
  }
  nlohmann::json schema = {{"type", "object"}, {"properties", properties}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}

nlohmann::json Build() {
  const std::vector<Operation> operations = {
      {"get", "/healthz", "system", "Liveness check (200 when serving)", false, {}},
      {"get",
       "/api/v1/monitoring",
       "monitoring",
       "Whether the policy enables monitoring of published posts, and its grace_days",
       true,
       {}},
      {"get",
       "/api/v1/monitoring/accounts",
       "monitoring",
       "My linked social media accounts, with how many posts each holds",
       true,
       {}},
      {"post",
       "/api/v1/monitoring/accounts",
       "monitoring",
       "Link one of my accounts (platform: x, mastodon, linkedin, facebook or feed); only "
       "accounts people link themselves are monitored",
       true,
       {"platform", "handle"}},
      {"delete",
       "/api/v1/monitoring/accounts/{id}",
       "monitoring",
       "Unlink one of my accounts; its monitored posts are deleted with it",
       true,
       {}},
      {"post",
       "/api/v1/monitoring/accounts/{id}/import",
       "monitoring",
       "Upload the platform's export into my account (the file itself as the body, at most 2 "
       "GiB: zip, tweets.js, outbox.json, Shares.csv, posts JSON, RSS or Atom; ?name=FILE names "
       "it). All or nothing; answers {file, platform, posts, new, duplicates, flagged}",
       true,
       {}},
      {"get",
       "/api/v1/monitoring/posts",
       "monitoring",
       "My monitored posts, ascending ids (?after=ID, ?limit=1-1000): {id, email, platform, url, "
       "published, text, verdict, findings} with findings as chorus scan gives them "
       "(?explain=1: their message and advice in my language)",
       true,
       {}},
      {"get",
       "/api/v1/monitoring/flagged",
       "monitoring",
       "Flagged posts the communications team may see (reviewers, admins): block at once, "
       "review after the policy's grace_days; never unflagged posts",
       true,
       {}},
      {"get", "/api/v1/openapi.json", "system", "This document", false, {}},
      {"get", "/api/v1/languages", "session", "Interface languages", false, {}},
      {"get", "/api/v1/setup", "session", "Whether nobody exists yet (first run)", false, {}},
      {"post",
       "/api/v1/invitations/accept",
       "session",
       "Set a first password with an invitation link",
       false,
       {"token", "password"}},
      {"post",
       "/api/v1/session",
       "session",
       "Sign in; sets the HttpOnly session cookie",
       false,
       {"email", "password"}},
      {"get", "/api/v1/session", "session", "The signed-in user and the CSRF token", true, {}},
      {"delete", "/api/v1/session", "session", "Sign out", true, {}},
      {"patch", "/api/v1/me", "session", "Change the interface language", true, {"language"}},
      {"get",
       "/api/v1/me/tokens",
       "session",
       "My API tokens: name, created, last use, expiry and state; never the secret",
       true,
       {}},
      {"post",
       "/api/v1/me/tokens",
       "session",
       "Create an API token for myself (days: 1 to 730, default 90); the secret is in the "
       "answer once. Not allowed when signed in with a token",
       true,
       {"?name", "?days"}},
      {"delete", "/api/v1/me/tokens/{id}", "session", "Revoke one of my API tokens", true, {}},
      {"get", "/api/v1/users/{id}/tokens", "admin", "A person's API tokens (admins)", true, {}},
      {"post",
       "/api/v1/users/{id}/tokens",
       "admin",
       "Create an API token for a person (admins); the secret is in the answer once",
       true,
       {"?name", "?days"}},
      {"delete", "/api/v1/tokens/{id}", "admin", "Revoke anyone's API token (admins)", true, {}},
      {"get",
       "/api/v1/me/notifications",
       "session",
       "My notifications, newest first, with the number unseen: decisions on my posts, answers "
       "to my questions, a policy version to acknowledge; reviewers also the waiting work",
       true,
       {}},
      {"post",
       "/api/v1/me/notifications/seen",
       "session",
       "Mark my notifications up to now as seen",
       true,
       {}},
      {"get",
       "/api/v1/me/export",
       "session",
       "Everything Chorus holds about me as one JSON file to download: account, "
       "acknowledgements, policy comments, posts with their reviews, questions, API tokens "
       "(never the secrets), linked accounts and monitored posts, audit entries about me. Not "
       "allowed when signed in with a token; each export is in the audit log",
       true,
       {}},
      {"post",
       "/api/v1/me/password",
       "session",
       "Change my password (other sessions end)",
       true,
       {"current_password", "new_password"}},
      {"post",
       "/api/v1/check",
       "check",
       "Check a text: the engine's verdict and findings, as `chorus check --format json` "
       "(?messages=reader: explained in the caller's language)",
       true,
       {"text", "?lang"}},
      {"get",
       "/api/v1/posts",
       "posts",
       "My checked drafts and their review status (at most 50 findings a post, with "
       "result.findings_total when there are more; GET /api/v1/posts/{id} has them all)",
       true,
       {}},
      {"post",
       "/api/v1/posts",
       "posts",
       "Check a draft (and optional base64 photo, not kept)",
       true,
       {"text", "?lang", "?photo"}},
      {"get", "/api/v1/posts/{id}", "posts", "A draft with its history", true, {}},
      {"put", "/api/v1/posts/{id}", "posts", "Edit and re-check a draft", true, {"text", "?lang"}},
      {"get",
       "/api/v1/posts/{id}/photo",
       "posts",
       "The photo checked with a post (image file)",
       true,
       {}},
      {"delete",
       "/api/v1/posts/{id}",
       "posts",
       "Delete my draft (never sent for review)",
       true,
       {}},
      {"post", "/api/v1/posts/{id}/submit", "posts", "Send a draft for review", true, {"?note"}},
      {"post",
       "/api/v1/posts/{id}/decision",
       "reviews",
       "Approve, reject or ask for changes (reviewers)",
       true,
       {"decision", "?comment"}},
      {"get", "/api/v1/reviews", "reviews", "The review queue, oldest first (reviewers)", true, {}},
      {"get", "/api/v1/policy", "policy", "The current policy's charter (?lang=)", true, {}},
      {"post",
       "/api/v1/policy/acknowledge",
       "policy",
       "Acknowledge a published version",
       true,
       {"version_id"}},
      {"get", "/api/v1/policy/versions", "policy", "All versions, newest first", true, {}},
      {"post",
       "/api/v1/policy/versions",
       "policy",
       "Start a draft (admins)",
       true,
       {"title", "?template_language", "?from_version"}},
      {"get", "/api/v1/policy/versions/{id}", "policy", "A version with its charter", true, {}},
      {"put",
       "/api/v1/policy/versions/{id}",
       "policy",
       "Edit a draft's text (admins); ?revision refuses to overwrite someone else's save",
       true,
       {"title", "yaml", "?revision"}},
      {"get",
       "/api/v1/policy/versions/{id}/form",
       "policy",
       "A draft as a form: names, lists, languages, categories, clauses (admins)",
       true,
       {}},
      {"put",
       "/api/v1/policy/versions/{id}/form",
       "policy",
       "Save form fields over a draft; only changed keys of the text are rewritten (admins)",
       true,
       {"revision", "?title", "?organization", "?lists", "?languages", "?categories", "?clauses",
        "?remove_clauses"}},
      {"get",
       "/api/v1/policy/versions/{id}/summary",
       "policy",
       "What publishing this draft would change against the current version, in plain terms: "
       "organisation name, names added and removed per list, rules switched or given another "
       "verdict, languages, monitoring; and the starter template's example values still in it "
       "(publishing is refused while any remain). Admins",
       true,
       {}},
      {"delete",
       "/api/v1/policy/versions/{id}",
       "policy",
       "Discard a draft with its comments (a published version cannot be). Admins",
       true,
       {}},
      {"post",
       "/api/v1/policy/versions/{id}/publish",
       "policy",
       "Publish a draft (admins)",
       true,
       {}},
      {"get",
       "/api/v1/policy/versions/{id}/diff",
       "policy",
       "Line difference from ?against=ID (admins)",
       true,
       {}},
      {"get", "/api/v1/policy/versions/{id}/comments", "policy", "Comments on a draft", true, {}},
      {"post",
       "/api/v1/policy/versions/{id}/comments",
       "policy",
       "Comment on a draft",
       true,
       {"text"}},
      {"get",
       "/api/v1/policy/versions/{id}/acknowledgements",
       "policy",
       "Who has and has not acknowledged, by team (admins)",
       true,
       {}},
      {"get", "/api/v1/questions", "questions", "My questions (reviewers: all)", true, {}},
      {"post", "/api/v1/questions", "questions", "Ask the communications team", true, {"text"}},
      {"get", "/api/v1/questions/{id}", "questions", "A question and its answer", true, {}},
      {"post",
       "/api/v1/questions/{id}/answer",
       "questions",
       "Answer a question (reviewers)",
       true,
       {"answer"}},
      {"get", "/api/v1/users", "admin", "People (admins)", true, {}},
      {"post",
       "/api/v1/users",
       "admin",
       "Add a person (admins)",
       true,
       {"email", "role", "?name", "?team", "?language", "?password"}},
      {"patch",
       "/api/v1/users/{id}",
       "admin",
       "Deactivate, change role or team, set a password (admins)",
       true,
       {"?active", "?role", "?team", "?password"}},
      {"post",
       "/api/v1/users/import",
       "admin",
       "Import people from CSV (header with email; name, role, team, language optional; "
       "BOM, comma, semicolon or tab; at most 10,000 rows). All or nothing: with any bad row "
       "nobody is created and the answer lists the bad rows and an error",
       true,
       {"csv"}},
      {"get", "/api/v1/teams", "admin", "Teams (admins also get the number of members)", true, {}},
      {"patch",
       "/api/v1/teams/{id}",
       "admin",
       "Rename a team (admins; 409 team_name_taken when another team has the name)",
       true,
       {"name"}},
      {"delete",
       "/api/v1/teams/{id}",
       "admin",
       "Delete a team; its members are left without a team (admins)",
       true,
       {}},
      {"get",
       "/api/v1/audit",
       "admin",
       "The audit log, newest first: ?kind=admin|sign_in|all, ?before=ID, ?limit=N (admins)",
       true,
       {}},
      {"get",
       "/api/v1/usage",
       "usage",
       "Time on social media per team and platform from proxy logs, never per person: "
       "{from, to, min_group, teams: [{team, people, minutes: {PLATFORM: N, total: N}}], "
       "suppressed_teams}; ?from=YYYY-MM-DD&to=YYYY-MM-DD (reviewers and admins)",
       true,
       {}},
      {"get",
       "/api/v1/official-accounts",
       "accounts",
       "The registry of official accounts: owner, backup owner, credentials reference, two-factor "
       "status, last review; review_due after 90 days, handover when the owner left or changed "
       "team (reviewers and admins)",
       true,
       {}},
      {"post",
       "/api/v1/official-accounts",
       "accounts",
       "Register an official account: a handle or profile URL (admins)",
       true,
       {"account", "?platform", "?owner_email", "?backup_email", "?credentials_ref",
        "?two_factor"}},
      {"put",
       "/api/v1/official-accounts/{id}",
       "accounts",
       "Change an official account; a new owner_email ends a handover (admins)",
       true,
       {"?account", "?platform", "?owner_email", "?backup_email", "?credentials_ref",
        "?two_factor"}},
      {"post",
       "/api/v1/official-accounts/{id}/review",
       "accounts",
       "Record that the account was reviewed now (admins)",
       true,
       {}},
      {"delete",
       "/api/v1/official-accounts/{id}",
       "accounts",
       "Remove an account from the registry (admins)",
       true,
       {}},
      {"get",
       "/api/v1/incidents",
       "incidents",
       "Incidents of flagged monitored posts, newest first, a page at a time (?page=&limit=), "
       "?state=open|acknowledged|remediating|closed (reviewers and admins; never employees)",
       true,
       {}},
      {"get",
       "/api/v1/incidents/{id}",
       "incidents",
       "An incident with its timeline, the post while it exists (findings in the reader's "
       "language) and owner_candidates (reviewers and admins)",
       true,
       {}},
      {"patch",
       "/api/v1/incidents/{id}",
       "incidents",
       "Change owner_id (an active reviewer or admin; null for none), severity (low, medium, "
       "high) or summary (what was wrong, for the playbook); 409 incident_closed once closed "
       "(reviewers and admins)",
       true,
       {"?owner_id", "?severity", "?summary"}},
      {"post",
       "/api/v1/incidents/{id}/state",
       "incidents",
       "Move an incident: open -> acknowledged -> remediating -> closed with outcome "
       "(corrected, deleted, apologised, no_action; acknowledged -> closed with no_action "
       "only); 409 illegal_transition otherwise (reviewers and admins)",
       true,
       {"state", "?outcome", "?note"}},
      {"post",
       "/api/v1/incidents/{id}/notes",
       "incidents",
       "Add a note to the timeline (reviewers and admins)",
       true,
       {"text"}},
      {"get",
       "/api/v1/incidents/{id}/playbook",
       "incidents",
       "The crisis playbook's correction, apology and holding statement in ?lang=en|lv|pl|he "
       "(default: the reader's language), filled with the incident's details, each with the "
       "policy's verdict and findings; copyable only when the verdict is ok (reviewers and "
       "admins)",
       true,
       {}},
  };
  const nlohmann::json error = {
      {"type", "object"},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"properties", {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}};
  nlohmann::json paths = nlohmann::json::object();
  for (const auto& op : operations) {
    nlohmann::json o = {{"summary", op.summary},
                        {"tags", {op.tag}},
                        {"responses",
                         {{"200", {{"description", "OK"}}},
                          {"400",
                           {{"description", "Bad input"},
                            {"content", {{"application/json", {{"schema", error}}}}}}},
                          {"401", {{"description", "Not signed in"}}},
                          {"403", {{"description", "Not allowed, or CSRF token missing"}}},
                          {"404", {{"description", "Not found (or not visible to you)"}}},
                          {"409", {{"description", "Conflict with the current state"}}},
                          {"413", {{"description", "Body too large"}}}}}};
    if (std::string(op.path).find("{id}") != std::string::npos) {
      o["parameters"] = {
          {{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}}};
    }
    const std::string path = op.path, method = op.method;
    const auto query = [&o](const char* name, const char* description, int64_t max) {
      if (!o.contains("parameters")) o["parameters"] = nlohmann::json::array();
      o["parameters"].push_back(
          {{"name", name},
           {"in", "query"},
           {"required", false},
           {"description", description},
           {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", max}}}});
    };
    if (method == "get" &&
        (path == "/api/v1/posts" || path == "/api/v1/reviews" || path == "/api/v1/questions")) {
      // Paged lists: the answer's "page" is {"number", "limit", "more"}.
      query("page", "the page to read, from 1 (default 1)", 1'000'000);
      query("limit", "items per page (default 20, at most 50)", 50);
    }
    if (method == "get" && path == "/api/v1/audit") {
      query("before", "the next page: entries with an id below this (next_before of the last page)",
            std::numeric_limits<int32_t>::max());
      query("limit", "entries per page (default 100)", 1000);
    }
    if (method == "get" && path == "/api/v1/usage") {
      for (const char* name : {"from", "to"}) {
        if (!o.contains("parameters")) o["parameters"] = nlohmann::json::array();
        o["parameters"].push_back({{"name", name},
                                   {"in", "query"},
                                   {"required", false},
                                   {"description", "a date YYYY-MM-DD; its ISO week counts whole"},
                                   {"schema", {{"type", "string"}, {"format", "date"}}}});
      }
    }
    if (path.find("/monitoring/") != std::string::npos && method == "get" &&
        path != "/api/v1/monitoring/accounts") {
      query("after", "posts with an id above this (next_after of the previous page)",
            std::numeric_limits<int32_t>::max());
      query("limit", "posts per page (default 100)", 1000);
    }
    if (path == "/api/v1/monitoring/accounts/{id}/import") {
      o["requestBody"] = {{"required", true},
                          {"content",
                           {{"application/octet-stream",
                             {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
    }
    if (!op.body_fields.empty()) {
      o["requestBody"] = {
          {"required", true},
          {"content", {{"application/json", {{"schema", Schema(op.body_fields)}}}}}};
    }
    if (op.signed_in)
      o["security"] = {{{"session", nlohmann::json::array()}},
                       {{"bearer", nlohmann::json::array()}}};
    paths[op.path][op.method] = o;
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "Chorus API"},
            {"version", "1"},
            {"description",
             "The social media policy program: checks, reviews, policy versions, consultation. "
             "State-changing calls with the session cookie need the X-CSRF-Token header (from "
             "GET /api/v1/session); calls with a bearer token (chorus token create) do not."}}},
          {"components",
           {{"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}},
              {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
          {"paths", paths}};
}

}  // namespace

const nlohmann::json& OpenApiDocument() {
  static const nlohmann::json document = Build();
  return document;
}

void AddOpenApiRoute(RouteTable& routes) {
  routes.Get("/api/v1/openapi.json", Access::kPublic,
             [](ApiCall& call) { call.Json(200, OpenApiDocument()); });
}

}  // namespace chorus::server
