// The JSON form of a check result — a contract shared by `chorus check --format json`, each
// line of `chorus scan` and the server's POST /api/v1/check:
//   {"verdict", "language", "findings": [{category, clause, severity, start, end, text,
//    message, advice, detail}]}
// Messages are in the post's language unless ExplainResultJson re-explained them.
// Thread-safety: pure function.
#pragma once

#include <nlohmann/json.hpp>

#include "policy/scanner.h"

namespace chorus {

nlohmann::json CheckResultToJson(const CheckResult& result);

// Rewrites the message and advice of every finding of a result JSON in `language`, from the
// clauses of `scanner` (findings of clauses it no longer has keep their texts), and sets
// "messages_language". For readers whose language is not the post's. A value that is not a
// result object is left alone.
void ExplainResultJson(const Scanner& scanner, std::string_view language, nlohmann::json* result);

}  // namespace chorus
