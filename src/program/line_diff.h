// LineDiff: the difference between two texts, line by line (longest common subsequence), as
// shown when an admin compares two policy versions.
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus::program {

struct DiffLine {
  char op = ' ';  // ' ' unchanged, '-' only in the old text, '+' only in the new text
  std::string text;
};

// Texts longer than `max_lines` lines on either side are compared as a whole replacement.
std::vector<DiffLine> LineDiff(std::string_view old_text, std::string_view new_text,
                               size_t max_lines = 2000);

}  // namespace chorus::program
