#include "program/line_diff.h"

#include <gtest/gtest.h>

namespace chorus::program {
namespace {

std::string Render(const std::vector<DiffLine>& lines) {
  std::string out;
  for (const auto& l : lines) out += std::string(1, l.op) + l.text + "\n";
  return out;
}

TEST(LineDiffTest, ShowsChangedLinesAndKeepsCommonOnes) {
  EXPECT_EQ(Render(LineDiff("a\nb\nc\n", "a\nB\nc\nd\n")), " a\n-b\n+B\n c\n+d\n");
}

TEST(LineDiffTest, IdenticalTextsHaveNoChanges) {
  for (const auto& l : LineDiff("x\ny", "x\ny")) EXPECT_EQ(l.op, ' ');
}

TEST(LineDiffTest, VeryLongTextsAreAWholeReplacement) {
  EXPECT_EQ(Render(LineDiff("a\nb\n", "a\nc\n", 1)), "-a\n-b\n+a\n+c\n");
}

}  // namespace
}  // namespace chorus::program
