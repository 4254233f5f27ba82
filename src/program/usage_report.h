// The usage report (usage.h) as JSON and as CSV, the formats of `chorus usage report` and of
// GET /api/v1/usage. JSON:
//   {"from","to","min_group","teams":[{"team","people","minutes":{PLATFORM: N, "total": N}}],
//    "suppressed_teams":N}
// (from/to null when there is no range and no data). CSV: a header "team,people,PLATFORM…,total"
// and a row per team; a cell that a spreadsheet would take for a formula (starting with = + -
// @, a tab or a carriage return) gets a leading apostrophe, and cells with commas, quotes or
// line breaks are quoted.
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "program/usage.h"

namespace chorus::program {

nlohmann::ordered_json UsageReportJson(const UsageReport& report);
std::string UsageReportCsv(const UsageReport& report);
// One CSV cell, safe against formula injection.
std::string CsvCell(std::string_view value);

}  // namespace chorus::program
