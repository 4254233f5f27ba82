#include "cli/report.h"

#include "policy/language_pack.h"
#include "text/utf8.h"

namespace chorus::cli {
namespace {

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kBlock:
      return "\033[1;31m";
    case Severity::kReview:
      return "\033[1;33m";
    case Severity::kCaution:
      return "\033[1;36m";
    case Severity::kOk:
      return "\033[1;32m";
  }
  return "";
}

std::string_view SarifLevel(Severity s) {
  switch (s) {
    case Severity::kBlock:
      return "error";
    case Severity::kReview:
      return "warning";
    default:
      return "note";
  }
}

}  // namespace

std::pair<size_t, size_t> LineAndColumn(std::string_view text, size_t offset) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const size_t end = std::min(offset, text.size());
  return {line, text::CountCodePoints(text.substr(line_start, end - line_start)) + 1};
}

std::string TextReport(std::string_view post, const CheckResult& result, std::string_view name,
                       bool color) {
  const LanguagePack* pack = FindLanguagePack(result.language);
  auto ui = [&](const std::string& key) { return pack ? pack->Ui(key) : key; };
  const std::string reset = color ? "\033[0m" : "";
  std::string out;
  for (const auto& f : result.findings) {
    const auto [line, column] = LineAndColumn(post, f.start);
    const std::string on = color ? SeverityColor(f.severity) : "";
    out += std::string(name) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
           on + ui("verdict_" + std::string(SeverityName(f.severity))) + reset + " [" + f.clause +
           "] " + ui("category_" + f.category) + "\n";
    if (f.end > f.start && f.start < post.size()) {
      // The line of the post holding the finding, and a caret line under the span.
      size_t ls = post.rfind('\n', f.start == 0 ? 0 : f.start - 1);
      ls = (ls == std::string_view::npos || f.start == 0) ? 0 : ls + 1;
      if (post[ls] == '\n') ++ls;
      size_t le = post.find('\n', f.start);
      if (le == std::string_view::npos) le = post.size();
      const std::string line_text = text::SanitizeUtf8(post.substr(ls, le - ls));
      const size_t lead = text::CountCodePoints(post.substr(ls, f.start - ls));
      const size_t span_end = std::min(f.end, le);
      const size_t width =
          std::max<size_t>(1, text::CountCodePoints(post.substr(f.start, span_end - f.start)));
      out += "    " + line_text + "\n";
      out +=
          "    " + std::string(lead, ' ') + on + "^" + std::string(width - 1, '~') + reset + "\n";
    } else if (!f.text.empty()) {
      out += "    " + f.text + "\n";
    }
    out += "  " + ui("label_why") + ": " + f.message + "\n";
    out += "  " + ui("label_advice") + ": " + f.advice + "\n\n";
  }
  const std::string verdict(SeverityName(result.verdict));
  const std::string on = color ? SeverityColor(result.verdict) : "";
  if (result.findings.empty()) out += ui("no_findings") + "\n";
  out += ui("label_verdict") + ": " + on + ui("verdict_" + verdict) + reset + " — " +
         ui("verdict_explain_" + verdict) + "\n";
  return out;
}

nlohmann::json SarifReport(std::string_view post, const CheckResult& result,
                           std::string_view artifact_uri, const Policy& policy) {
  nlohmann::json rules = nlohmann::json::array();
  nlohmann::json results = nlohmann::json::array();
  std::vector<std::string> rule_ids;
  for (const auto& f : result.findings) {
    auto it = std::find(rule_ids.begin(), rule_ids.end(), f.clause);
    size_t index = static_cast<size_t>(it - rule_ids.begin());
    if (it == rule_ids.end()) {
      rule_ids.push_back(f.clause);
      const Clause* clause = policy.FindClause(f.clause);
      nlohmann::json rule = {{"id", f.clause},
                             {"properties", {{"category", f.category}}},
                             {"defaultConfiguration", {{"level", SarifLevel(f.severity)}}}};
      if (clause) rule["shortDescription"] = {{"text", clause->title.Get(result.language)}};
      rules.push_back(std::move(rule));
    }
    const auto [line, column] = LineAndColumn(post, f.start);
    nlohmann::json region = {{"byteOffset", f.start}, {"byteLength", f.end - f.start}};
    if (f.end > f.start) {
      region["startLine"] = line;
      region["startColumn"] = column;
    }
    results.push_back(
        {{"ruleId", f.clause},
         {"ruleIndex", index},
         {"level", SarifLevel(f.severity)},
         {"message", {{"text", f.message + " " + f.advice}}},
         {"locations",
          {{{"physicalLocation",
             {{"artifactLocation", {{"uri", std::string(artifact_uri)}}}, {"region", region}}}}}},
         {"properties",
          {{"category", f.category},
           {"severity", SeverityName(f.severity)},
           {"advice", f.advice}}}});
  }
  return {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool",
          {{"driver", {{"name", "chorus"}, {"version", "0.1.0"}, {"rules", std::move(rules)}}}}},
         {"language", result.language},
         {"results", std::move(results)},
         {"properties", {{"verdict", SeverityName(result.verdict)}}}}}}};
}

}  // namespace chorus::cli
