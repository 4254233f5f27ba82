// Drafts, their review and the review queue.
#include "policy/result_json.h"
#include "server/draft_request.h"
#include "server/json_views.h"
#include "server/page_params.h"
#include "server/routes.h"

namespace chorus::server {
namespace {

// A post as the caller reads it: its findings explained in the caller's language (a reviewer
// in Riga reads an English post's findings in Latvian), with the current policy's texts.
nlohmann::json ReadablePostJson(const ApiCall& call, const store::PostRecord& post,
                                PeopleDirectory& people,
                                const std::shared_ptr<const Scanner>& scanner) {
  nlohmann::json j = PostJson(post, people);
  if (scanner) ExplainResultJson(*scanner, call.Who().language, &j["result"]);
  return j;
}

void AnswerPost(ApiCall& call, Services& services, int status, const store::PostRecord& post,
                const std::vector<store::PostEventRecord>* events) {
  PeopleDirectory people(services.store);
  nlohmann::json j = ReadablePostJson(call, post, people, services.policy.Current().scanner);
  j["has_photo"] = services.reviews.HasPhoto(post.id);
  if (events) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *events) list.push_back(PostEventJson(e, people));
    j["events"] = list;
  }
  call.Json(status, {{"post", j}});
}

// A list carries at most this many findings per post (with "findings_total"): a 64 KB post
// can hold thousands, and a page of such posts would otherwise run to a hundred megabytes.
// GET /posts/{id} gives them all.
constexpr size_t kListedFindings = 50;

nlohmann::json PostListJson(const ApiCall& call, Services& services,
                            const std::vector<store::PostRecord>& posts) {
  PeopleDirectory people(services.store);
  const std::shared_ptr<const Scanner> scanner = services.policy.Current().scanner;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : posts) {
    nlohmann::json j = PostJson(p, people);
    nlohmann::json& result = j["result"];
    if (result.is_object() && result.contains("findings") && result["findings"].is_array() &&
        result["findings"].size() > kListedFindings) {
      nlohmann::json& findings = result["findings"];
      result["findings_total"] = findings.size();
      findings.erase(findings.begin() + kListedFindings, findings.end());
    }
    if (scanner) ExplainResultJson(*scanner, call.Who().language, &result);
    j["has_photo"] = services.reviews.HasPhoto(p.id);
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace

void AddPostRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/posts", Access::kSignedIn, [&services](ApiCall& call) {
    store::PageRequest page;
    if (!ReadPageParams(call, &page)) return;
    std::vector<store::PostRecord> posts;
    const program::Outcome o = services.reviews.ListMine(call.Who(), page, &posts);
    if (!o.ok()) return call.Fail(o);
    const nlohmann::json page_json = TrimPage(page, &posts);
    // The author is told how long their drafts are kept (0: for ever).
    const program::RetentionRules& keep = services.reviews.retention();
    call.Json(200, {{"posts", PostListJson(call, services, posts)},
                    {"page", page_json},
                    {"retention",
                     {{"draft_days", keep.draft_days}, {"decided_days", keep.decided_days}}}});
  });

  routes.Post("/api/v1/posts", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
    DraftRequest draft;
    if (!ReadDraftRequest(call, &draft)) return;
    const std::string& text = draft.text;
    const std::string& lang = draft.lang;
    const std::string& photo = draft.photo;
    store::PostRecord post;
    const program::Outcome o = services.reviews.CheckDraft(call.Who(), text, lang, photo, &post);
    if (!o.ok()) return call.Fail(o);
    AnswerPost(call, services, 201, post, nullptr);
  });

  routes.Get(R"(/api/v1/posts/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    store::PostRecord post;
    std::vector<store::PostEventRecord> events;
    const program::Outcome o = services.reviews.Get(call.Who(), call.PathId(), &post, &events);
    if (!o.ok()) return call.Fail(o);
    AnswerPost(call, services, 200, post, &events);
  });

  routes.Put(R"(/api/v1/posts/(\d+))", Access::kSignedIn, BodyKind::kJson,
             [&services](ApiCall& call) {
               std::string text, lang;
               if (!call.String("text", &text, true) || !call.String("lang", &lang, false)) return;
               store::PostRecord post;
               const program::Outcome o =
                   services.reviews.EditDraft(call.Who(), call.PathId(), text, lang, &post);
               if (!o.ok()) return call.Fail(o);
               AnswerPost(call, services, 200, post, nullptr);
             });

  // The photo checked with the post (the file itself), for whoever may see the post.
  routes.Get(R"(/api/v1/posts/(\d+)/photo)", Access::kSignedIn, [&services](ApiCall& call) {
    store::PostPhotoRecord photo;
    const program::Outcome o = services.reviews.GetPhoto(call.Who(), call.PathId(), &photo);
    if (!o.ok()) return call.Fail(o);
    call.response.status = 200;
    call.response.set_header("Cache-Control", "private, no-store");
    call.response.set_header("X-Content-Type-Options", "nosniff");
    call.response.set_content(std::move(photo.bytes), photo.media_type);
  });

  // The author deletes a draft never sent for review.
  routes.Delete(R"(/api/v1/posts/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    const program::Outcome o = services.reviews.DeleteDraft(call.Who(), call.PathId());
    if (!o.ok()) return call.Fail(o);
    call.Json(200, {{"deleted", true}});
  });

  routes.Post(R"(/api/v1/posts/(\d+)/submit)", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string note;
                if (!call.String("note", &note, false)) return;
                store::PostRecord post;
                const program::Outcome o =
                    services.reviews.Submit(call.Who(), call.PathId(), note, &post);
                if (!o.ok()) return call.Fail(o);
                AnswerPost(call, services, 200, post, nullptr);
              });

  routes.Post(R"(/api/v1/posts/(\d+)/decision)", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string decision_name, comment;
                if (!call.String("decision", &decision_name, true) ||
                    !call.String("comment", &comment, false)) {
                  return;
                }
                program::ReviewDecision decision;
                if (!program::ParseReviewDecision(decision_name, &decision)) {
                  call.Error(400, "invalid_decision",
                             "decision must be approve, reject or request_changes");
                  return;
                }
                store::PostRecord post;
                const program::Outcome o =
                    services.reviews.Decide(call.Who(), call.PathId(), decision, comment, &post);
                if (!o.ok()) return call.Fail(o);
                AnswerPost(call, services, 200, post, nullptr);
              });

  routes.Get("/api/v1/reviews", Access::kSignedIn, [&services](ApiCall& call) {
    store::PageRequest page;
    if (!ReadPageParams(call, &page)) return;
    std::vector<store::PostRecord> posts;
    const program::Outcome o = services.reviews.Queue(call.Who(), page, &posts);
    if (!o.ok()) return call.Fail(o);
    const nlohmann::json page_json = TrimPage(page, &posts);
    call.Json(200, {{"posts", PostListJson(call, services, posts)}, {"page", page_json}});
  });
}

}  // namespace chorus::server
