#include "program/line_diff.h"

namespace chorus::program {
namespace {

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<DiffLine> LineDiff(std::string_view old_text, std::string_view new_text,
                               size_t max_lines) {
  const std::vector<std::string> a = SplitLines(old_text);
  const std::vector<std::string> b = SplitLines(new_text);
  std::vector<DiffLine> out;
  if (a.size() > max_lines || b.size() > max_lines) {
    for (const auto& line : a) out.push_back({'-', line});
    for (const auto& line : b) out.push_back({'+', line});
    return out;
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  std::vector<std::vector<uint32_t>> lcs(a.size() + 1, std::vector<uint32_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      out.push_back({' ', a[i]});
      ++i;
      ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push_back({'-', a[i++]});
    } else {
      out.push_back({'+', b[j++]});
    }
  }
  for (; i < a.size(); ++i) out.push_back({'-', a[i]});
  for (; j < b.size(); ++j) out.push_back({'+', b[j]});
  return out;
}

}  // namespace chorus::program
