// Consultation: questions to the communications team and their answers.
#include "server/json_views.h"
#include "server/page_params.h"
#include "server/routes.h"

namespace chorus::server {

void AddQuestionRoutes(RouteTable& routes, Services& services) {
  routes.Get("/api/v1/questions", Access::kSignedIn, [&services](ApiCall& call) {
    store::PageRequest page;
    if (!ReadPageParams(call, &page)) return;
    std::vector<store::QuestionRecord> questions;
    const program::Outcome o = services.consultation.List(call.Who(), page, &questions);
    if (!o.ok()) return call.Fail(o);
    const nlohmann::json page_json = TrimPage(page, &questions);
    PeopleDirectory people(services.store);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& q : questions) list.push_back(QuestionJson(q, people));
    call.Json(200, {{"questions", list}, {"page", page_json}});
  });

  routes.Post("/api/v1/questions", Access::kSignedIn, BodyKind::kJson, [&services](ApiCall& call) {
    std::string text;
    if (!call.String("text", &text, true)) return;
    store::QuestionRecord q;
    const program::Outcome o = services.consultation.Ask(call.Who(), text, &q);
    if (!o.ok()) return call.Fail(o);
    PeopleDirectory people(services.store);
    call.Json(201, {{"question", QuestionJson(q, people)}});
  });

  routes.Get(R"(/api/v1/questions/(\d+))", Access::kSignedIn, [&services](ApiCall& call) {
    store::QuestionRecord q;
    const program::Outcome o = services.consultation.Get(call.Who(), call.PathId(), &q);
    if (!o.ok()) return call.Fail(o);
    PeopleDirectory people(services.store);
    call.Json(200, {{"question", QuestionJson(q, people)}});
  });

  routes.Post(R"(/api/v1/questions/(\d+)/answer)", Access::kSignedIn, BodyKind::kJson,
              [&services](ApiCall& call) {
                std::string answer;
                if (!call.String("answer", &answer, true)) return;
                store::QuestionRecord q;
                const program::Outcome o =
                    services.consultation.Answer(call.Who(), call.PathId(), answer, &q);
                if (!o.ok()) return call.Fail(o);
                PeopleDirectory people(services.store);
                call.Json(200, {{"question", QuestionJson(q, people)}});
              });
}

}  // namespace chorus::server
