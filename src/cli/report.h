// Rendering of check results for people and tools: the compiler-like text report and SARIF
// 2.1.0 (the JSON form is policy/result_json.h). Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "policy/scanner.h"

namespace chorus::cli {

// The post with every finding underlined and explained, in the post's language.
// `name` labels locations ("post", a file name); `color` adds ANSI colours.
std::string TextReport(std::string_view post, const CheckResult& result, std::string_view name,
                       bool color);

// A SARIF 2.1.0 log with one run and one result per finding.
nlohmann::json SarifReport(std::string_view post, const CheckResult& result,
                           std::string_view artifact_uri, const Policy& policy);

// Line and column (1-based, column counted in code points) of a byte offset.
std::pair<size_t, size_t> LineAndColumn(std::string_view text, size_t offset);

}  // namespace chorus::cli
