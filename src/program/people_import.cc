// Accounts::ImportCsv: people from a spreadsheet export, all or nothing. See accounts.h.
#include <algorithm>
#include <set>

#include "program/accounts.h"
#include "program/audit.h"
#include "program/password_hash.h"
#include "program/secrets.h"
#include "program/transaction.h"
#include "store/folded_key.h"
#include "text/csv_reader.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

std::string TrimField(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

std::string LowerAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct PendingRow {
  int row = 0;
  NewUser user;
  store::UserRecord record;
};

}  // namespace

Outcome Accounts::ImportCsv(std::string_view csv, const Actor& by,
                            std::vector<ImportRowReport>* report, const ImportOptions& options) {
  if (!by.IsAdmin()) return Outcome::Forbidden();
  report->clear();
  const Outcome cancelled = Outcome::Fail(Failure::kInvalid, "import_cancelled",
                                          "the import was stopped; nobody was imported");
  auto stop_requested = [&] {
    return stopping_.load() || (options.cancelled && options.cancelled());
  };

  // 1. Read and check every row; nothing is written yet.
  std::vector<std::string> header;
  std::vector<PendingRow> rows;
  std::set<std::string> seen_emails;  // folded
  Outcome refusal;                    // a refusal of the whole file
  text::CsvReader reader([&](int64_t number, std::vector<std::string>& fields) {
    if (stop_requested()) {
      refusal = cancelled;
      return false;
    }
    for (auto& f : fields) f = TrimField(f);
    if (header.empty()) {
      for (auto& f : fields) header.push_back(LowerAscii(f));
      if (std::find(header.begin(), header.end(), "email") == header.end()) {
        refusal = Outcome::Fail(Failure::kInvalid, "invalid_csv_header",
                                "the first line must name the columns, including email");
        return false;
      }
      return true;
    }
    if (static_cast<int64_t>(rows.size() + report->size()) >= options.max_rows) {
      refusal = Outcome::Fail(Failure::kInvalid, "too_many_rows",
                              "the file has more than " + std::to_string(options.max_rows) +
                                  " people; split it into smaller files (nobody was imported)");
      return false;
    }
    auto field = [&](std::string_view column) -> std::string {
      for (size_t i = 0; i < header.size() && i < fields.size(); ++i)
        if (header[i] == column) return fields[i];
      return {};
    };
    PendingRow pending;
    pending.row = static_cast<int>(number);
    pending.user.email = field("email");
    pending.user.name = field("name");
    pending.user.role = field("role").empty() ? "employee" : LowerAscii(field("role"));
    pending.user.team = field("team");
    pending.user.language = LowerAscii(field("language"));
    ImportRowReport r;
    r.row = pending.row;
    r.email = text::SanitizeUtf8(pending.user.email.substr(0, 254));
    Outcome o = Outcome::Ok();
    for (const auto& f : fields) {
      if (!text::IsValidUtf8(f)) {
        o = Outcome::Fail(Failure::kInvalid, "invalid_utf8", "the row is not valid UTF-8");
      }
    }
    if (o.ok()) o = PrepareUser(pending.user, &pending.record);
    if (o.ok() && !seen_emails.insert(store::FoldedKey(pending.record.email)).second) {
      o = Outcome::Fail(Failure::kConflict, "duplicate_in_file",
                        "the e-mail address is on an earlier row of the file");
    }
    if (o.ok()) {
      std::optional<store::UserRecord> existing;
      if (Status s = store_.FindUserByEmail(pending.record.email, &existing); !s.ok()) {
        refusal = Outcome::Internal(s);
        return false;
      }
      if (existing) {
        o = Outcome::Fail(Failure::kConflict, "email_taken",
                          "a user with this e-mail address already exists");
      }
    }
    if (!o.ok()) {
      r.code = o.code;
      r.message = o.message;
      report->push_back(std::move(r));
      return true;
    }
    rows.push_back(std::move(pending));
    return true;
  });
  // Fed in slices so that a stop is noticed while a large file is read.
  constexpr size_t kChunk = 64 * 1024;
  for (size_t pos = 0; pos < csv.size() && reader.Feed(csv.substr(pos, kChunk)); pos += kChunk) {
  }
  reader.Finish();
  if (!refusal.ok()) {
    report->clear();
    return refusal;
  }
  if (!reader.error().empty()) {
    report->clear();
    return Outcome::Fail(Failure::kInvalid, "invalid_csv",
                         reader.error() + "; nobody was imported");
  }
  if (header.empty()) {
    return Outcome::Fail(Failure::kInvalid, "invalid_csv_header", "the file is empty");
  }
  if (!report->empty()) {
    return Outcome::Fail(Failure::kInvalid, "import_rows_invalid",
                         std::to_string(report->size()) +
                             " rows have errors; nobody was imported. Fix them and try again");
  }

  // 2. Generated passwords, hashed outside the transaction (the slow part), stoppable.
  std::vector<std::string> passwords;
  passwords.reserve(rows.size());
  for (auto& pending : rows) {
    if (stop_requested()) return cancelled;
    passwords.push_back(RandomToken(12));
    if (Status s = HashPassword(passwords.back(), &pending.record.password_hash); !s.ok()) {
      return Outcome::Internal(s);
    }
  }

  // 3. Everyone in one transaction.
  const Outcome s = InTransaction(store_, [&](store::Store& tx) -> Outcome {
    for (auto& pending : rows) {
      const Outcome inserted = InsertUser(tx, pending.record, pending.user.team, &by);
      if (inserted.failure == Failure::kInternal) return inserted;
      if (!inserted.ok()) {
        ImportRowReport r;
        r.row = pending.row;
        r.email = pending.record.email;
        r.code = inserted.code;
        r.message = inserted.message;
        report->push_back(std::move(r));
        return Outcome::Fail(Failure::kInvalid, "import_rows_invalid",
                             "a row could not be added; nobody was imported");
      }
    }
    return Outcome::FromStatus(RecordAudit(tx, &by, "user.import", "", {{"created", rows.size()}}));
  });
  if (s.failure == Failure::kInternal) report->clear();
  if (!s.ok()) return s;
  for (size_t i = 0; i < rows.size(); ++i) {
    ImportRowReport r;
    r.row = rows[i].row;
    r.email = rows[i].record.email;
    r.created = true;
    r.initial_password = passwords[i];
    report->push_back(std::move(r));
  }
  return Outcome::Ok();
}

}  // namespace chorus::program
