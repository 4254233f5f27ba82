// The JSON form of a check result — a contract shared by `chorus check --format json`, each
// line of `chorus scan` and the server's POST /api/v1/check:
//   {"verdict", "language", "findings": [{category, clause, severity, start, end, text,
//    message, advice, detail}]}
// Messages are in the post's language unless ExplainResultJson re-explained them.
// AppendResultLine writes the same object for bulk output (`chorus scan`) without building a
// JSON value: byte for byte what nlohmann's dump() of CheckResultToJson writes (keys of a
// finding in sorted order, UTF-8 kept, control characters escaped).
// A result whose check asked for the tone (CheckOptions::tone) also carries
//   "tone": {"label": "negative|neutral|positive", "score": 0.0-1.0}
// (score with three decimals), after "language"; without it nothing changes.
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "policy/scanner.h"

namespace chorus {

nlohmann::json CheckResultToJson(const CheckResult& result);

// Appends `s` as a JSON string, escaped exactly as nlohmann's dump() escapes it (invalid
// UTF-8 replaced by U+FFFD, as its `replace` error handler does).
void AppendJsonString(std::string_view s, std::string* out);

// Appends {"id":<id_json>,"verdict":..,"findings":[..],"language":..} and a newline:
// one line of `chorus scan`. `id_json` is the post's id already written as JSON.
void AppendResultLine(std::string_view id_json, const CheckResult& result, std::string* out);

// The compact bulk format (`chorus scan --format compact`): first one line per enabled
// clause with its texts in every language, once,
//   {"clause":"client_info.names","category":"client_info","severity":"review",
//    "message":{"en":"…{match}…",…},"advice":{"en":…,…}}
// ("{match}" stands where the full format quotes the matched text), then per post
//   {"id":2,"verdict":"review","language":"en","findings":[["client_info.names",17,51,"term"]]}
// with each finding as [clause, start, end, detail] (byte offsets into the post's text).
void AppendCompactClauseLines(const Scanner& scanner, std::string* out);
void AppendCompactResultLine(std::string_view id_json, const CheckResult& result, std::string* out);

// Rewrites the message and advice of every finding of a result JSON in `language`, from the
// clauses of `scanner` (findings of clauses it no longer has keep their texts), and sets
// "messages_language", and on each re-explained finding "message_language" (the language
// its clause's message is actually written in: `language`, else English). For readers whose
// language is not the post's. A value that is not a result object is left alone.
void ExplainResultJson(const Scanner& scanner, std::string_view language, nlohmann::json* result);

}  // namespace chorus
