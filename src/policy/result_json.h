// The JSON form of a check result — a contract shared by `chorus check --format json`, each
// line of `chorus scan` and the server's POST /api/v1/check:
//   {"verdict", "language", "findings": [{category, clause, severity, start, end, text,
//    message, advice, detail}]}
// Thread-safety: pure function.
#pragma once

#include <nlohmann/json.hpp>

#include "policy/scanner.h"

namespace chorus {

nlohmann::json CheckResultToJson(const CheckResult& result);

}  // namespace chorus
