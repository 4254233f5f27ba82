#include "policy/result_json.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

// The direct writer must produce what the JSON library writes for the same result, for any
// strings: quotes, backslashes, every control character, non-ASCII, invalid UTF-8.
std::string LibraryLine(std::string_view id_json, const CheckResult& result) {
  const nlohmann::json out = CheckResultToJson(result);
  nlohmann::ordered_json ordered;
  ordered["id"] = nlohmann::json::parse(id_json);
  ordered["verdict"] = out["verdict"];
  ordered["findings"] = out["findings"];
  ordered["language"] = out["language"];
  return ordered.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

TEST(ResultJsonTest, DirectWriterMatchesTheLibraryByteForByte) {
  std::string controls;
  for (int c = 1; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  controls += "\x7f\"\\/ ąžł “quoted” שלום 🙂";
  CheckResult result;
  result.verdict = Severity::kBlock;
  result.language = "pl";
  Finding f;
  f.category = "client_info";
  f.clause = "client_info.names";
  f.severity = Severity::kReview;
  f.start = 3;
  f.end = 1234567890123ull;
  f.text = controls;
  f.message = "„" + controls + "” message";
  f.advice = std::string("bad \xff\xfe bytes \xc3") + "\n";
  f.detail = "term";
  result.findings.push_back(f);
  f.detail.clear();
  f.message.clear();
  result.findings.push_back(f);
  for (const std::string id :
       {"17", "\"p-1\"", "\"a\\u0000b\\\"\"", "null", "18446744073709551615"}) {
    std::string line;
    AppendResultLine(id, result, &line);
    EXPECT_EQ(line, LibraryLine(id, result)) << id;
  }
  CheckResult empty;
  empty.language = "en";
  std::string line;
  AppendResultLine("1", empty, &line);
  EXPECT_EQ(line, LibraryLine("1", empty));
}

TEST(ResultJsonTest, StringsAreEscapedAsTheLibraryEscapesThem) {
  for (const std::string& s :
       {std::string(""), std::string("plain"), std::string("\x01\x1f\t\n"), std::string("tail\\"),
        std::string("\xe2\x82"), std::string("ok \xed\xa0\x80 surrogate")}) {
    std::string out;
    AppendJsonString(s, &out);
    EXPECT_EQ(out,
              nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

}  // namespace
}  // namespace chorus
