#include "cli/report.h"

#include <algorithm>
#include <unordered_map>

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

std::vector<std::pair<size_t, size_t>> LinesAndColumns(std::string_view text,
                                                       const std::vector<size_t>& offsets) {
  std::vector<size_t> order(offsets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
  std::vector<std::pair<size_t, size_t>> out(offsets.size());
  // One walk, code point by code point, remembering the line and the column reached.
  size_t pos = 0, line = 1, column = 1;
  for (size_t index : order) {
    const size_t target = std::min(offsets[index], text.size());
    while (pos < target) {
      if (text[pos] == '\n') {
        ++line;
        column = 1;
        ++pos;
        continue;
      }
      size_t length = 0;
      text::DecodeUtf8(text, pos, &length);
      if (pos + length > target) break;  // the offset is inside this sequence
      pos += length;
      ++column;
    }
    // An offset inside a sequence counts the partial sequence as one code point.
    out[index] = {line, column + (pos < target ? 1 : 0)};
  }
  return out;
}

std::pair<size_t, size_t> LineAndColumn(std::string_view text, size_t offset) {
  return LinesAndColumns(text, {offset})[0];
}

namespace {

// Start of the code point before `pos` (a byte boundary of UTF-8 text).
size_t PreviousCodePoint(std::string_view text, size_t pos) {
  size_t back = pos - 1;
  for (int steps = 0;
       back > 0 && steps < 3 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80; ++steps)
    --back;
  return back;
}

// Moves from `pos` over at most `count` code points, forward, stopping at a newline or `limit`.
size_t ForwardWithinLine(std::string_view text, size_t pos, size_t count, size_t limit) {
  for (size_t n = 0; n < count && pos < limit && text[pos] != '\n'; ++n) {
    size_t length = 0;
    text::DecodeUtf8(text, pos, &length);
    pos = std::min(pos + std::max<size_t>(length, 1), limit);
  }
  return pos;
}

// The part of the finding's line shown under its location, and where the carets go.
struct Excerpt {
  std::string text;
  size_t lead = 0;   // code points before the span
  size_t width = 1;  // code points of the span shown
};

Excerpt MakeExcerpt(std::string_view post, size_t start, size_t end) {
  static const std::string kCut = "…";
  // Context before: back over at most kExcerptContext code points, not past a newline.
  size_t from = start;
  for (size_t n = 0; n < kExcerptContext && from > 0 && post[from - 1] != '\n'; ++n)
    from = PreviousCodePoint(post, from);
  const bool cut_before = from > 0 && post[from - 1] != '\n';
  // The span, up to its end, the end of its line or kMaxExcerptSpan code points.
  const size_t span_end =
      ForwardWithinLine(post, start, kMaxExcerptSpan, std::min(end, post.size()));
  const bool span_cut = span_end < end && span_end < post.size() && post[span_end] != '\n';
  // Context after the span (none when the span itself was cut).
  const size_t to =
      span_cut ? span_end : ForwardWithinLine(post, span_end, kExcerptContext, post.size());
  const bool cut_after = to < post.size() && post[to] != '\n';

  Excerpt excerpt;
  const std::string before = text::SanitizeUtf8(post.substr(from, start - from));
  const std::string span = text::SanitizeUtf8(post.substr(start, span_end - start));
  excerpt.text = (cut_before ? kCut : "") + before + span +
                 text::SanitizeUtf8(post.substr(span_end, to - span_end)) + (cut_after ? kCut : "");
  excerpt.lead = (cut_before ? 1 : 0) + text::CountCodePoints(before);
  excerpt.width = std::max<size_t>(1, text::CountCodePoints(span));
  return excerpt;
}

}  // namespace

std::string TextReport(std::string_view post, const CheckResult& result, std::string_view name,
                       bool color) {
  const LanguagePack* pack = FindLanguagePack(result.language);
  auto ui = [&](const std::string& key) { return pack ? pack->Ui(key) : key; };
  const std::string reset = color ? "\033[0m" : "";
  std::vector<size_t> starts;
  for (const auto& f : result.findings) starts.push_back(f.start);
  const auto positions = LinesAndColumns(post, starts);
  std::string out;
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    const auto [line, column] = positions[i];
    const std::string on = color ? SeverityColor(f.severity) : "";
    out += std::string(name) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
           on + ui("verdict_" + std::string(SeverityName(f.severity))) + reset + " [" + f.clause +
           "] " + ui("category_" + f.category) + "\n";
    if (f.end > f.start && f.start < post.size()) {
      // A window of the line holding the finding, and a caret line under the span.
      const Excerpt excerpt = MakeExcerpt(post, f.start, f.end);
      out += "    " + excerpt.text + "\n";
      out += "    " + std::string(excerpt.lead, ' ') + on + "^" +
             std::string(excerpt.width - 1, '~') + reset + "\n";
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
  std::unordered_map<std::string, size_t> rule_index;
  std::vector<size_t> starts;
  for (const auto& f : result.findings) starts.push_back(f.start);
  const auto positions = LinesAndColumns(post, starts);
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    const auto [it, added] = rule_index.emplace(f.clause, rule_index.size());
    const size_t index = it->second;
    if (added) {
      const Clause* clause = policy.FindClause(f.clause);
      nlohmann::json rule = {{"id", f.clause},
                             {"properties", {{"category", f.category}}},
                             {"defaultConfiguration", {{"level", SarifLevel(f.severity)}}}};
      if (clause) rule["shortDescription"] = {{"text", clause->title.Get(result.language)}};
      rules.push_back(std::move(rule));
    }
    const auto [line, column] = positions[i];
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
