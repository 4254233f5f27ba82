#include "policy/result_json.h"

#include <charconv>
#include <cmath>

#include "text/utf8.h"

namespace chorus {
namespace {

void AppendNumber(size_t n, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof(buf), n);
  out->append(buf, r.ptr);
}

// A key and its string value, as in {"key":"value"}; `key` is a plain identifier.
void AppendField(const char* key, std::string_view value, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
  AppendJsonString(value, out);
}

// ,"tone":{"label":"negative","score":0.912} when the check asked for the tone; nothing
// otherwise, so that results without it stay byte for byte as they were.
void AppendToneField(const CheckResult& result, std::string* out) {
  if (!result.tone) return;
  out->append(",\"tone\":{\"label\":\"");
  out->append(detect::ToneLabelName(result.tone->label));
  out->append("\",\"score\":");
  AppendNumber(static_cast<size_t>(std::lround(result.tone->score * 1000)) / 1000, out);
  out->push_back('.');
  const auto milli = static_cast<size_t>(std::lround(result.tone->score * 1000)) % 1000;
  char digits[3] = {static_cast<char>('0' + milli / 100), static_cast<char>('0' + milli / 10 % 10),
                    static_cast<char>('0' + milli % 10)};
  out->append(digits, 3);
  out->push_back('}');
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  if (!text::IsValidUtf8(s)) {  // rare: let the library replace the bad bytes its way
    out->append(nlohmann::json(std::string(s))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t plain = 0;  // start of the run not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(u, 6);
      }
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  out->push_back('"');
}

void AppendResultLine(std::string_view id_json, const CheckResult& result, std::string* out) {
  out->append("{\"id\":");
  out->append(id_json);
  out->append(",\"verdict\":\"");
  out->append(SeverityName(result.verdict));
  out->append("\",\"findings\":[");
  bool first = true;
  for (const auto& f : result.findings) {
    out->append(first ? "{" : ",{");
    first = false;
    // The keys in sorted order, as a JSON object (std::map) writes them.
    AppendField("advice", f.advice, out);
    out->push_back(',');
    AppendField("category", f.category, out);
    out->push_back(',');
    AppendField("clause", f.clause, out);
    out->push_back(',');
    AppendField("detail", f.detail, out);
    out->append(",\"end\":");
    AppendNumber(f.end, out);
    out->push_back(',');
    AppendField("message", f.message, out);
    out->push_back(',');
    AppendField("severity", SeverityName(f.severity), out);
    out->append(",\"start\":");
    AppendNumber(f.start, out);
    out->push_back(',');
    AppendField("text", f.text, out);
    out->push_back('}');
  }
  out->append("],\"language\":");
  AppendJsonString(result.language, out);
  AppendToneField(result, out);
  out->append("}\n");
}

void AppendCompactClauseLines(const Scanner& scanner, std::string* out) {
  for (const Clause& clause : scanner.policy().clauses) {
    if (!clause.enabled) continue;
    out->append("{\"clause\":");
    AppendJsonString(clause.id, out);
    out->append(",\"category\":");
    AppendJsonString(clause.category, out);
    out->append(",\"severity\":\"");
    out->append(SeverityName(clause.verdict));
    out->push_back('"');
    for (const auto* texts : {&clause.message, &clause.advice}) {
      out->append(texts == &clause.message ? ",\"message\":{" : ",\"advice\":{");
      bool first = true;
      for (const auto& language : scanner.languages()) {
        if (!first) out->push_back(',');
        first = false;
        AppendField(language.c_str(), texts->Get(language), out);
      }
      out->push_back('}');
    }
    out->append("}\n");
  }
}

void AppendCompactResultLine(std::string_view id_json, const CheckResult& result,
                             std::string* out) {
  out->append("{\"id\":");
  out->append(id_json);
  out->append(",\"verdict\":\"");
  out->append(SeverityName(result.verdict));
  out->append("\",\"language\":");
  AppendJsonString(result.language, out);
  out->append(",\"findings\":[");
  bool first = true;
  for (const auto& f : result.findings) {
    out->append(first ? "[" : ",[");
    first = false;
    AppendJsonString(f.clause, out);
    out->push_back(',');
    AppendNumber(f.start, out);
    out->push_back(',');
    AppendNumber(f.end, out);
    out->push_back(',');
    AppendJsonString(f.detail, out);
    out->push_back(']');
  }
  out->push_back(']');
  AppendToneField(result, out);
  out->append("}\n");
}

nlohmann::json CheckResultToJson(const CheckResult& result) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : result.findings) {
    findings.push_back({{"category", f.category},
                        {"clause", f.clause},
                        {"severity", SeverityName(f.severity)},
                        {"start", f.start},
                        {"end", f.end},
                        {"text", f.text},
                        {"message", f.message},
                        {"advice", f.advice},
                        {"detail", f.detail}});
  }
  nlohmann::json j = {{"verdict", SeverityName(result.verdict)},
                      {"language", result.language},
                      {"findings", std::move(findings)}};
  if (result.tone)
    j["tone"] = {{"label", detect::ToneLabelName(result.tone->label)},
                 {"score", std::lround(result.tone->score * 1000) / 1000.0}};
  return j;
}

void ExplainResultJson(const Scanner& scanner, std::string_view language, nlohmann::json* result) {
  if (!result->is_object() || !result->contains("findings") || !(*result)["findings"].is_array())
    return;
  for (auto& f : (*result)["findings"]) {
    if (!f.is_object() || !f.contains("clause") || !f["clause"].is_string() ||
        !f.contains("text") || !f["text"].is_string())
      continue;
    std::string message, advice;
    if (scanner.Explain(f["clause"].get<std::string>(), f["text"].get<std::string>(), language,
                        &message, &advice)) {
      f["message"] = std::move(message);
      f["advice"] = std::move(advice);
      // The language the explanation is written in (a clause without a text in `language`
      // falls back to English): the web app sets the paragraph's direction from it.
      if (const Clause* clause = scanner.policy().FindClause(f["clause"].get<std::string>()))
        f["message_language"] = std::string(clause->message.LanguageOf(language));
    }
  }
  (*result)["messages_language"] = std::string(language);
}

}  // namespace chorus
