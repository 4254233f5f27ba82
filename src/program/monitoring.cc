#include "program/monitoring.h"

#include <array>
#include <cstdio>
#include <memory>

#include "ingest/importer.h"
#include "policy/result_json.h"
#include "program/audit.h"
#include "program/transaction.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

constexpr size_t kBatch = 500;
constexpr size_t kMaxHandleBytes = 200;

Outcome MonitoringOff() {
  return Outcome::Fail(Failure::kConflict, "monitoring_off",
                       "monitoring is off: the policy does not enable it "
                       "(monitoring: {enabled: true})");
}

// The checked posts of an import between reading and storing: an anonymous temporary file
// (removed by the system when closed), records of length-prefixed fields.
class Spool {
 public:
  static constexpr size_t kFields = 7;
  using Record = std::array<std::string, kFields>;

  Spool() : file_(std::tmpfile(), &std::fclose) {}
  bool ok() const { return file_ != nullptr; }

  Status Write(const Record& record) {
    for (const auto& field : record) {
      const uint32_t size = static_cast<uint32_t>(field.size());
      if (std::fwrite(&size, sizeof size, 1, file_.get()) != 1 ||
          std::fwrite(field.data(), 1, field.size(), file_.get()) != field.size()) {
        return Status::Error("cannot write the import's temporary file (disk full?)");
      }
    }
    return Status::Ok();
  }
  Status Rewind() {
    if (std::fflush(file_.get()) != 0) return Status::Error("cannot write the temporary file");
    std::rewind(file_.get());
    return Status::Ok();
  }
  // False at the end.
  bool Read(Record* record, Status* status) {
    for (size_t i = 0; i < kFields; ++i) {
      uint32_t size = 0;
      if (std::fread(&size, sizeof size, 1, file_.get()) != 1) {
        if (i != 0) *status = Status::Error("the import's temporary file is damaged");
        return false;
      }
      (*record)[i].resize(size);
      if (std::fread((*record)[i].data(), 1, size, file_.get()) != size) {
        *status = Status::Error("the import's temporary file is damaged");
        return false;
      }
    }
    return true;
  }

 private:
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
};

}  // namespace

bool IsFlaggedVerdict(std::string_view verdict) {
  return verdict == "review" || verdict == "block";
}

Monitoring::Monitoring(store::Store& store, store::MonitoringStore& records, PolicyProgram& policy,
                       Incidents* incidents)
    : store_(store), records_(records), policy_(policy), incidents_(incidents) {}

MonitoringSettings Monitoring::Settings() const {
  const CurrentPolicy current = policy_.Current();
  return current.scanner ? current.scanner->policy().monitoring : MonitoringSettings{};
}

Outcome Monitoring::LinkAccount(const Actor* by, int64_t user_id, std::string_view platform,
                                std::string_view handle, store::LinkedAccountRecord* out) {
  if (by && by->user_id != user_id) return Outcome::Forbidden();  // only one's own accounts
  if (!Settings().enabled) return MonitoringOff();
  ingest::Platform parsed;
  if (!ingest::ParsePlatform(platform, &parsed)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_platform",
                         "the platform must be x, mastodon, linkedin, facebook or feed");
  }
  bool control = false;
  for (char c : handle) control = control || static_cast<unsigned char>(c) < 0x20;
  if (handle.size() > kMaxHandleBytes || control || !text::IsValidUtf8(handle) ||
      (by && handle.empty())) {
    return Outcome::Fail(Failure::kInvalid, "invalid_handle",
                         "the handle must be 1 to 200 bytes of text on one line");
  }
  store::LinkedAccountRecord account;
  account.user_id = user_id;
  account.platform = std::string(platform);
  account.handle = std::string(handle);
  account.linked_at = NowSeconds();
  if (by) account.linked_by = by->user_id;
  const Outcome o = InTransaction(store_, [&](store::Store& tx) {
    std::optional<store::UserRecord> user;
    if (Status s = tx.FindUserById(user_id, &user); !s.ok()) return Outcome::Internal(s);
    if (!user || !user->active) return Outcome::NotFound();
    bool created = false;
    if (Status s = records_.LinkAccount(&account, &created); !s.ok()) return Outcome::Internal(s);
    if (!created) return Outcome::Ok();
    nlohmann::json detail = {{"user_id", user_id}, {"platform", platform}, {"handle", handle}};
    if (!by) detail["via"] = "command line";
    return Outcome::FromStatus(RecordAudit(tx, by, "monitoring.link",
                                           "linked_account:" + std::to_string(account.id), detail));
  });
  if (o.ok() && out) *out = account;
  return o;
}

Outcome Monitoring::ListAccounts(const Actor& by, std::vector<store::LinkedAccountRecord>* out) {
  if (Status s = records_.ListLinkedAccounts(by.user_id, out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

Outcome Monitoring::UnlinkAccount(const Actor& by, int64_t account_id, int64_t* posts_deleted) {
  return InTransaction(store_, [&](store::Store& tx) {
    std::optional<store::LinkedAccountRecord> account;
    if (Status s = records_.FindLinkedAccount(account_id, &account); !s.ok()) {
      return Outcome::Internal(s);
    }
    // Someone else's account is as good as absent.
    if (!account || account->user_id != by.user_id) return Outcome::NotFound();
    int64_t posts = 0;
    if (Status s = records_.UnlinkAccount(account_id, &posts); !s.ok()) return Outcome::Internal(s);
    if (posts_deleted) *posts_deleted = posts;
    return Outcome::FromStatus(RecordAudit(
        tx, &by, "monitoring.unlink", "linked_account:" + std::to_string(account_id),
        {{"platform", account->platform}, {"handle", account->handle}, {"posts_deleted", posts}}));
  });
}

Outcome Monitoring::Import(const Actor* by, const ImportRequest& request, ImportSummary* out) {
  if (by && by->user_id != request.user_id) return Outcome::Forbidden();
  const CurrentPolicy current = policy_.Current();
  if (!current.scanner) return Outcome::Internal(Status::Error("the policy is not loaded"));
  if (!current.scanner->policy().monitoring.enabled) return MonitoringOff();
  std::optional<store::UserRecord> user;
  if (Status s = store_.FindUserById(request.user_id, &user); !s.ok()) return Outcome::Internal(s);
  if (!user || !user->active) return Outcome::NotFound();
  std::optional<store::LinkedAccountRecord> account;
  if (request.account_id != 0) {
    if (Status s = records_.FindLinkedAccount(request.account_id, &account); !s.ok()) {
      return Outcome::Internal(s);
    }
    if (!account || account->user_id != request.user_id) return Outcome::NotFound();
  }

  // Read and check everything first; nothing is stored until the whole file was read.
  Spool spool;
  if (!spool.ok()) return Outcome::Internal(Status::Error("cannot create a temporary file"));
  ImportSummary summary;
  summary.file = request.name;
  ingest::Platform platform = ingest::Platform::kX;
  size_t bytes_read = 0;
  ingest::ImportOptions options;
  options.progress = [&](size_t bytes) {
    bytes_read = bytes;
    if (request.progress) request.progress(bytes, summary.posts);
  };
  CheckOptions check;
  Status storage;
  bool cancelled = false;
  const Status read = ingest::ImportFile(
      request.path, options, &platform, [&](ingest::IngestedPost&& post) -> Status {
        ++summary.posts;
        if (request.progress && summary.posts % 10000 == 0) {
          request.progress(bytes_read, summary.posts);
        }
        if (request.cancelled && summary.posts % 1000 == 0 && request.cancelled()) {
          cancelled = true;
          return Status::Error("the import was cancelled");
        }
        const std::string_view platform_name = ingest::PlatformName(platform);
        bool held = false;
        if (Status s =
                records_.HasMonitoredPost(request.user_id, platform_name, post.platform_id, &held);
            !s.ok()) {
          storage = s;
          return s;
        }
        if (held) return Status::Ok();
        const std::string text = text::SanitizeUtf8(post.text);
        CheckResult result;
        if (Status s = current.scanner->Check(text, check, &result); !s.ok()) {
          return Status::Error("post " + post.platform_id + ": " + s.message());
        }
        const nlohmann::json findings = CheckResultToJson(result)["findings"];
        return spool.Write(
            {post.platform_id, post.url, post.published, text, result.language,
             std::string(SeverityName(result.verdict)),
             findings.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
      });
  if (!read.ok()) {
    if (!storage.ok()) return Outcome::Internal(storage);
    if (cancelled) {
      return Outcome::Fail(Failure::kConflict, "import_cancelled",
                           "the import was cancelled; nothing was imported");
    }
    return Outcome::Fail(Failure::kInvalid, "invalid_archive",
                         request.name + ": " + read.ToString() + "; nothing was imported");
  }
  summary.platform = platform;
  const std::string platform_name(ingest::PlatformName(platform));
  if (account && account->platform != platform_name) {
    return Outcome::Fail(Failure::kInvalid, "wrong_platform",
                         request.name + " is a " + platform_name +
                             " export, but the account is on " + account->platform +
                             "; nothing was imported");
  }
  if (Status s = spool.Rewind(); !s.ok()) return Outcome::Internal(s);

  // Store it all at once.
  const int64_t now = NowSeconds();
  const std::optional<int64_t> version =
      current.version ? std::optional<int64_t>(current.version->id) : std::nullopt;
  const Outcome stored = InTransaction(store_, [&](store::Store& tx) {
    if (!account) {
      store::LinkedAccountRecord linked;
      linked.user_id = request.user_id;
      linked.platform = platform_name;
      linked.handle = request.handle;
      linked.linked_at = now;
      if (by) linked.linked_by = by->user_id;
      bool created = false;
      if (Status s = records_.LinkAccount(&linked, &created); !s.ok()) return Outcome::Internal(s);
      if (created) {
        nlohmann::json detail = {
            {"user_id", request.user_id}, {"platform", platform_name}, {"handle", request.handle}};
        if (!by) detail["via"] = "command line";
        if (Status s = RecordAudit(tx, by, "monitoring.link",
                                   "linked_account:" + std::to_string(linked.id), detail);
            !s.ok())
          return Outcome::Internal(s);
      }
      account = linked;
    }
    std::vector<store::MonitoredPostRecord> batch;
    batch.reserve(kBatch);
    int64_t fresh = 0, flagged = 0;
    const auto flush = [&]() -> Status {
      int64_t added = 0;
      if (Status s = records_.AddMonitoredPosts(&batch, &added); !s.ok()) return s;
      fresh += added;
      for (const auto& p : batch) flagged += p.id != 0 && IsFlaggedVerdict(p.verdict);
      batch.clear();
      return Status::Ok();
    };
    Spool::Record r;
    Status status;
    while (spool.Read(&r, &status)) {
      store::MonitoredPostRecord p;
      p.account_id = account->id;
      p.user_id = request.user_id;
      p.platform = platform_name;
      p.platform_id = std::move(r[0]);
      p.url = std::move(r[1]);
      p.published = std::move(r[2]);
      p.text = std::move(r[3]);
      p.language = std::move(r[4]);
      p.verdict = std::move(r[5]);
      p.findings_json = std::move(r[6]);
      p.policy_version_id = version;
      p.imported_at = now;
      batch.push_back(std::move(p));
      if (batch.size() >= kBatch) {
        if (Status s = flush(); !s.ok()) return Outcome::Internal(s);
      }
    }
    if (!status.ok()) return Outcome::Internal(status);
    if (Status s = flush(); !s.ok()) return Outcome::Internal(s);
    summary.account_id = account->id;
    summary.fresh = fresh;
    summary.duplicates = summary.posts - fresh;
    summary.flagged = flagged;
    nlohmann::json detail = {
        {"user_id", request.user_id}, {"file", request.name}, {"platform", platform_name},
        {"posts", summary.posts},     {"new", fresh},         {"duplicates", summary.duplicates},
        {"flagged", flagged}};
    if (!by) detail["via"] = "command line";
    if (Status s = RecordAudit(tx, by, "monitoring.import",
                               "linked_account:" + std::to_string(account->id), detail);
        !s.ok())
      return Outcome::Internal(s);
    return incidents_ ? incidents_->OpenDue(tx, now, nullptr) : Outcome::Ok();
  });
  if (!stored.ok()) return stored;
  *out = summary;
  return Outcome::Ok();
}

Outcome Monitoring::ListPosts(const Actor* by, bool team, std::optional<int64_t> user_id,
                              int64_t after_id, int64_t limit,
                              std::vector<store::MonitoredPostRecord>* out) {
  if (limit < 1 || limit > 1000) {
    return Outcome::Fail(Failure::kInvalid, "invalid_field", "limit must be 1 to 1000");
  }
  store::MonitoredPostQuery query;
  query.after_id = after_id;
  query.limit = limit;
  if (!by) {
    query.user_id = user_id;
  } else if (team) {
    if (!by->CanReview()) return Outcome::Forbidden();
    query.team_view = true;
    query.review_visible_before = NowSeconds() - int64_t{86400} * Settings().grace_days;
  } else {
    query.user_id = by->user_id;
  }
  if (Status s = records_.ListMonitoredPosts(query, out); !s.ok()) return Outcome::Internal(s);
  return Outcome::Ok();
}

}  // namespace chorus::program
