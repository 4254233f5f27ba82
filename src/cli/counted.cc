#include "cli/counted.h"

namespace chorus::cli {

std::string Counted(uint64_t n, std::string_view one, std::string_view other) {
  std::string out = std::to_string(n);
  out += ' ';
  out += n == 1 ? one : other;
  return out;
}

}  // namespace chorus::cli
