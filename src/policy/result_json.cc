#include "policy/result_json.h"

namespace chorus {

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
  return {{"verdict", SeverityName(result.verdict)},
          {"language", result.language},
          {"findings", std::move(findings)}};
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
    }
  }
  (*result)["messages_language"] = std::string(language);
}

}  // namespace chorus
