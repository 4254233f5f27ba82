#include "program/personal_data.h"

#include "program/audit.h"
#include "program/transaction.h"

namespace chorus::program {
namespace {

// Reads every page of a paged list (PageRequest) into `out`.
template <typename Record, typename List>
Status ReadAllPages(List list, std::vector<Record>* out) {
  store::PageRequest page{.limit = 500, .offset = 0};
  for (;;) {
    std::vector<Record> chunk;
    if (Status s = list(page, &chunk); !s.ok()) return s;
    const bool full = static_cast<int64_t>(chunk.size()) == page.limit;
    for (auto& r : chunk) out->push_back(std::move(r));
    if (!full) return Status::Ok();
    page.offset += page.limit;
  }
}

}  // namespace

Outcome ExportPersonalData(store::Store& store, store::MonitoringStore& monitoring,
                           store::IncidentsStore& incidents, const Actor& by, int64_t now,
                           PersonalData* out) {
  if (by.via_api_token) return Outcome::Forbidden();
  *out = PersonalData{};
  out->exported_at = now;
  return InTransaction(store, [&](store::Store& tx) -> Outcome {
    std::optional<store::UserRecord> user;
    if (Status s = tx.FindUserById(by.user_id, &user); !s.ok()) return Outcome::Internal(s);
    if (!user) return Outcome::NotFound();
    out->person = *user;
    out->person.password_hash.clear();
    if (user->team_id) {
      if (Status s = tx.FindTeamById(*user->team_id, &out->team); !s.ok())
        return Outcome::Internal(s);
    }
    const int64_t id = by.user_id;
    Status s = tx.ListAcknowledgementsOfUser(id, &out->acknowledgements);
    if (s.ok()) s = tx.ListPolicyCommentsOfAuthor(id, &out->policy_comments);
    std::vector<store::PostRecord> posts;
    if (s.ok())
      s = ReadAllPages<store::PostRecord>(
          [&](const store::PageRequest& p, std::vector<store::PostRecord>* o) {
            return tx.ListPostsByAuthor(id, p, o);
          },
          &posts);
    for (auto& post : posts) {
      if (!s.ok()) break;
      PostWithEvents item{std::move(post), {}};
      s = tx.ListPostEvents(item.post.id, &item.events);
      out->posts.push_back(std::move(item));
    }
    if (s.ok())
      s = ReadAllPages<store::QuestionRecord>(
          [&](const store::PageRequest& p, std::vector<store::QuestionRecord>* o) {
            return tx.ListQuestionsByAuthor(id, p, o);
          },
          &out->questions);
    if (s.ok()) s = tx.ListApiTokensOfUser(id, &out->api_tokens);
    for (auto& t : out->api_tokens) t.token_hash.clear();
    if (s.ok()) s = tx.FindNotificationsSeenAt(id, &out->notifications_seen_at);
    if (s.ok()) s = monitoring.ListLinkedAccounts(id, &out->linked_accounts);
    store::MonitoredPostQuery query{.user_id = id};
    while (s.ok()) {
      std::vector<store::MonitoredPostRecord> chunk;
      s = monitoring.ListMonitoredPosts(query, &chunk);
      if (!s.ok() || chunk.empty()) break;
      query.after_id = chunk.back().id;
      const bool full = static_cast<int64_t>(chunk.size()) == query.limit;
      for (auto& p : chunk) out->monitored_posts.push_back(std::move(p));
      if (!full) break;
    }
    std::vector<store::IncidentRecord> about;
    if (s.ok()) s = incidents.ListIncidentsOfAuthor(id, &about);
    for (auto& incident : about) {
      if (!s.ok()) break;
      IncidentWithEvents item{std::move(incident), {}};
      s = incidents.ListIncidentEvents(item.incident.id, &item.events);
      out->incidents.push_back(std::move(item));
    }
    if (s.ok()) s = tx.ListAuditAboutPerson(id, kMaxExportedAuditEntries + 1, &out->audit);
    if (!s.ok()) return Outcome::Internal(s);
    if (static_cast<int64_t>(out->audit.size()) > kMaxExportedAuditEntries) {
      out->audit.resize(kMaxExportedAuditEntries);
      out->audit_truncated = true;
    }
    return Outcome::FromStatus(RecordAudit(tx, &by, "privacy.export", "user:" + std::to_string(id),
                                           {{"posts", out->posts.size()},
                                            {"questions", out->questions.size()},
                                            {"monitored_posts", out->monitored_posts.size()},
                                            {"incidents", out->incidents.size()},
                                            {"audit_entries", out->audit.size()}}));
  });
}

}  // namespace chorus::program
