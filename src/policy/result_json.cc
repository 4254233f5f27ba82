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

}  // namespace chorus
