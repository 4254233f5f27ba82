#include "cli/report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/utf8.h"

namespace chorus::cli {
namespace {

// Line and column by the definition: newlines before the offset, code points since the last.
std::pair<size_t, size_t> Naive(std::string_view text, size_t offset) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, text::CountCodePoints(text.substr(line_start, offset - line_start)) + 1};
}

Finding At(size_t start, size_t end) {
  Finding f;
  f.category = "confidential";
  f.clause = "confidential.codenames";
  f.severity = Severity::kBlock;
  f.start = start;
  f.end = end;
  f.message = "m";
  f.advice = "a";
  return f;
}

TEST(LinesAndColumnsTest, MatchesTheDefinitionAtEveryBoundaryInAnyOrder) {
  const std::string text = "Rīga\nשלום עולם\n\nZażółć gęślą jaźń\nend";
  std::vector<size_t> offsets;
  for (size_t i = text.size() + 1; i-- > 0;)
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      offsets.push_back(i);  // descending, to check the order does not matter
  const auto got = LinesAndColumns(text, offsets);
  ASSERT_EQ(got.size(), offsets.size());
  for (size_t i = 0; i < offsets.size(); ++i) {
    EXPECT_EQ(got[i], Naive(text, offsets[i])) << offsets[i];
    EXPECT_EQ(LineAndColumn(text, offsets[i]), got[i]) << offsets[i];
  }
  EXPECT_EQ(LineAndColumn(text, text.size() + 10), Naive(text, text.size()));
}

TEST(TextReportTest, ShowsAWindowOfALongLineWithCaretsUnderTheSpan) {
  const std::string before(100, 'a');
  const std::string post = before + " Rīgas Piens " + std::string(100, 'b') + "\nnext";
  CheckResult result;
  result.language = "en";
  result.verdict = Severity::kBlock;
  const size_t start = before.size() + 1;
  result.findings.push_back(At(start, start + std::string("Rīgas Piens").size()));
  const std::string report = TextReport(post, result, "post", false);
  const std::string window =
      "…" + std::string(39, 'a') + " Rīgas Piens " + std::string(39, 'b') + "…";
  EXPECT_NE(report.find("    " + window + "\n    " + std::string(41, ' ') + "^" +
                        std::string(10, '~') + "\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("post:1:102:"), std::string::npos) << report;
}

TEST(TextReportTest, ShortLinesAreShownWholeAndLongSpansAreCut) {
  const std::string post = "first line\nsay Project Nightingale now\n";
  CheckResult result;
  result.language = "en";
  result.findings.push_back(At(15, 34));
  std::string report = TextReport(post, result, "post", false);
  EXPECT_NE(report.find("post:2:5:"), std::string::npos) << report;
  EXPECT_NE(report.find("    say Project Nightingale now\n" + std::string(8, ' ') + "^" +
                        std::string(18, '~') + "\n"),
            std::string::npos)
      << report;

  const std::string long_span(500, 'x');
  result.findings = {At(0, long_span.size())};
  report = TextReport(long_span, result, "post", false);
  EXPECT_NE(report.find("    " + std::string(kMaxExcerptSpan, 'x') + "…\n    ^" +
                        std::string(kMaxExcerptSpan - 1, '~') + "\n"),
            std::string::npos)
      << report;
}

TEST(TextReportTest, SizeGrowsWithFindingsNotWithTheLineTheyShare) {
  // One 256 KB line with 2000 findings: each block must stay small, whatever the line length.
  const std::string unit = "Project Nightingale. ";
  std::string post;
  while (post.size() < 256 * 1024) post += unit;
  CheckResult result;
  result.language = "en";
  for (size_t i = 0; i < 2000; ++i)
    result.findings.push_back(At(i * unit.size(), i * unit.size() + 19));
  const std::string report = TextReport(post, result, "post", false);
  EXPECT_LT(report.size(), result.findings.size() * 1000) << report.size();
  const nlohmann::json sarif = SarifReport(post, result, "post", Policy());
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 2000u);
  EXPECT_EQ(sarif["runs"][0]["results"][1999]["locations"][0]["physicalLocation"]["region"]
                 ["startColumn"],
            1999 * unit.size() + 1);
}

}  // namespace
}  // namespace chorus::cli
