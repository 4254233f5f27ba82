#include "program/usage_report.h"

namespace chorus::program {

nlohmann::ordered_json UsageReportJson(const UsageReport& report) {
  nlohmann::ordered_json teams = nlohmann::ordered_json::array();
  for (const auto& row : report.teams) {
    nlohmann::ordered_json minutes = nlohmann::ordered_json::object();
    for (const auto& platform : report.platforms) {
      auto it = row.minutes.find(platform);
      minutes[platform] = it == row.minutes.end() ? 0 : it->second;
    }
    minutes["total"] = row.total_minutes;
    teams.push_back({{"team", row.team}, {"people", row.people}, {"minutes", minutes}});
  }
  nlohmann::ordered_json out;
  out["from"] =
      report.from.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(report.from);
  out["to"] = report.to.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(report.to);
  out["min_group"] = report.min_group;
  out["teams"] = teams;
  out["suppressed_teams"] = report.suppressed_teams;
  return out;
}

std::string CsvCell(std::string_view value) {
  std::string cell(value);
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r'))
    cell.insert(cell.begin(), '\'');
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

std::string UsageReportCsv(const UsageReport& report) {
  std::string out = "team,people";
  for (const auto& platform : report.platforms) out += "," + CsvCell(platform);
  out += ",total\r\n";
  for (const auto& row : report.teams) {
    out += CsvCell(row.team) + "," + std::to_string(row.people);
    for (const auto& platform : report.platforms) {
      auto it = row.minutes.find(platform);
      out += "," + std::to_string(it == row.minutes.end() ? 0 : it->second);
    }
    out += "," + std::to_string(row.total_minutes) + "\r\n";
  }
  return out;
}

}  // namespace chorus::program
