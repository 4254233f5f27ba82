#include "program/demo_seed.h"

#include <yaml-cpp/yaml.h>

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

}  // namespace

DemoSeedResult DemoLogins() {
  DemoSeedResult r;
  r.password = kDemoPassword;
  for (const auto& p : kPeople) r.logins.push_back({p.email, p.role, p.language});
  return r;
}

Outcome SeedDemo(store::Store& store, Accounts& accounts, PolicyProgram& policy,
                 ReviewDesk& reviews, Consultation& consultation, DemoSeedResult* out) {
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
  out->seeded = true;
  return Outcome::Ok();
}

}  // namespace chorus::program
