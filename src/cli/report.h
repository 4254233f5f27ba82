// Rendering of check results for people and tools: the compiler-like text report and SARIF
// 2.1.0 (the JSON form is policy/result_json.h). Both take time and space linear in the post
// and the number of findings. Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// The same for many offsets (any order) in one pass over the text: O(text + n log n), where
// calling LineAndColumn per offset costs O(text) each. Offsets past the end count as the end.
std::vector<std::pair<size_t, size_t>> LinesAndColumns(std::string_view text,
                                                       const std::vector<size_t>& offsets);

// The size of a report grows with the number of findings, not with the post: a finding shows
// at most this many code points of its line on each side of its span, and at most
// kMaxExcerptSpan code points of the span itself ("…" marks what is cut).
constexpr size_t kExcerptContext = 40;
constexpr size_t kMaxExcerptSpan = 120;

}  // namespace chorus::cli
