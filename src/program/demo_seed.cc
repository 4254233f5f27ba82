#include "program/demo_seed.h"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>

#include "policy/embedded_data.h"

namespace chorus::program {
namespace {

struct DemoPerson {
  const char* email;
  const char* name;
  const char* role;
  const char* language;
  const char* team;
};

constexpr DemoPerson kPeople[] = {
    {"admin@dzintars.example", "Ilze Admin", "admin", "lv", "Management"},
    {"reviewer@dzintars.example", "Rita Reviewer", "reviewer", "en", "Communications"},
    {"janis@dzintars.example", "Jānis Bērziņš", "employee", "lv", "Sales"},
    {"ola@dzintars.example", "Ola Kowalska", "employee", "pl", "Engineering"},
    {"noa@dzintars.example", "Noa Levi", "employee", "he", "Sales"},
    {"emma@dzintars.example", "Emma Smith", "employee", "en", "Engineering"},
};

constexpr const char* kDemoPassword = "chorus-demo-2025";

// Emma's X archive (data/tweets.js as X writes it): two harmless posts and one that names the
// unreleased project, which the demo policy blocks, so it is an incident at once.
constexpr std::string_view kEmmaTweets = R"js(window.YTD.tweets.part0 = [
  {"tweet": {"id_str": "1862000000000000001", "created_at": "Mon Nov 30 08:12:00 +0000 2026",
             "full_text": "Great first week on the payments team. Lovely people!"}},
  {"tweet": {"id_str": "1862000000000000002", "created_at": "Wed Dec 02 17:40:00 +0000 2026",
             "full_text": "Sneak peek: Project Nightingale launches next month, you heard it here first"}},
  {"tweet": {"id_str": "1862000000000000003", "created_at": "Fri Dec 04 12:05:00 +0000 2026",
             "full_text": "Lunch by the river in Riga, sunny at last."}}
])js";

// Emma links her X account and imports her archive; the reviewer notes what she did next.
Outcome SeedMonitoring(Monitoring& monitoring, Incidents& incidents, const Actor& emma,
                       const Actor& reviewer) {
  store::LinkedAccountRecord account;
  if (Outcome o = monitoring.LinkAccount(&emma, emma.user_id, "x", "@emma_smith", &account);
      !o.ok())
    return o;
  char path[] = "/tmp/chorus-demo-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Outcome::Internal(Status::Error("cannot create a temporary file"));
  ::close(fd);
  std::ofstream(path, std::ios::binary) << kEmmaTweets;
  ImportRequest request;
  request.user_id = emma.user_id;
  request.path = path;
  request.name = "tweets.js";
  request.account_id = account.id;
  ImportSummary summary;
  const Outcome imported = monitoring.Import(&emma, request, &summary);
  std::remove(path);
  if (!imported.ok()) return imported;
  std::vector<store::IncidentRecord> open;
  if (Outcome o = incidents.List(reviewer, "open", {}, &open); !o.ok()) return o;
  for (const auto& incident : open) {
    if (Outcome o =
            incidents.AddNote(reviewer, incident.id,
                              "Asked Emma to delete the post; the launch date is not public yet.",
                              NowSeconds(), nullptr);
        !o.ok())
      return o;
  }
  return Outcome::Ok();
}

}  // namespace

DemoSeedResult DemoLogins() {
  DemoSeedResult r;
  r.password = kDemoPassword;
  for (const auto& p : kPeople) r.logins.push_back({p.email, p.role, p.language});
  return r;
}

Outcome SeedDemo(store::Store& store, Accounts& accounts, PolicyProgram& policy,
                 ReviewDesk& reviews, Consultation& consultation, DemoSeedResult* out,
                 Monitoring* monitoring, Incidents* incidents) {
  *out = DemoLogins();
  int64_t users = 0;
  if (Status s = store.CountUsers(&users); !s.ok()) return Outcome::Internal(s);
  if (users > 0) return Outcome::Ok();

  const auto policy_yaml = FindEmbeddedFile("demo/policy.yaml");
  const auto posts_yaml = FindEmbeddedFile("demo/posts.yaml");
  if (!policy_yaml || !posts_yaml) {
    return Outcome::Internal(Status::Error("the demo data is missing from this build"));
  }
  std::vector<Actor> actors;
  for (const auto& p : kPeople) {
    store::UserRecord user;
    NewUser n{p.email, p.name, p.role, p.language, p.team, kDemoPassword};
    if (Outcome o = accounts.AddUser(n, nullptr, &user); !o.ok()) return o;
    actors.push_back(Accounts::ActorOf(user));
  }
  const Actor& admin = actors[0];
  store::PolicyVersionRecord version;
  if (Outcome o = policy.CreateDraft(admin, "Social media policy", "en", std::nullopt, &version);
      !o.ok()) {
    return o;
  }
  std::vector<Status> problems;
  if (Outcome o =
          policy.UpdateDraft(admin, version.id, "Social media policy", *policy_yaml, &problems);
      !o.ok()) {
    return o;
  }
  if (Outcome o = policy.Publish(admin, version.id, &version); !o.ok()) return o;
  // Some have read and acknowledged the policy, some not yet.
  for (size_t i : {0u, 1u, 2u}) {
    if (Outcome o = policy.Acknowledge(actors[i], version.id); !o.ok()) return o;
  }

  // Sample posts by the employees: the doubtful ones wait in the review queue.
  const YAML::Node posts = YAML::Load(std::string(*posts_yaml));
  size_t n = 0;
  for (const auto& item : posts["posts"]) {
    const std::string text = item["text"].as<std::string>();
    const std::string lang = item["lang"] ? item["lang"].as<std::string>() : "";
    const Actor& author = actors[2 + (n++ % 4)];
    store::PostRecord post;
    if (Outcome o = reviews.CheckDraft(author, text, lang, "", &post); !o.ok()) return o;
    if (post.verdict != "ok") {
      if (Outcome o = reviews.Submit(author, post.id, "", &post); !o.ok()) return o;
    }
  }
  store::QuestionRecord question;
  if (Outcome o = consultation.Ask(
          actors[5], "May I share the photo from our team day on my own profile?", &question);
      !o.ok()) {
    return o;
  }
  if (monitoring && incidents) {
    if (Outcome o = SeedMonitoring(*monitoring, *incidents, actors[5], actors[1]); !o.ok())
      return o;
  }
  out->seeded = true;
  return Outcome::Ok();
}

}  // namespace chorus::program
