// Counted nouns for the command line's English messages: "1 error", "2 errors", "0 posts".
// English has two plural forms (one for exactly 1, other for everything else); every counted
// message of the CLI goes through Counted so that none says "1 errors".
// Thread-safety: pure function.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::cli {

// "<n> <one>" when n == 1, else "<n> <other>".
std::string Counted(uint64_t n, std::string_view one, std::string_view other);

}  // namespace chorus::cli
