// Comparison keys of names for the look-alike screen (lookalike.h): per code point NFKC case
// folding, the TR39 confusable skeleton from ICU's spoof checker and removal of non-spacing
// marks; separators and invisible characters dropped. Internal to detect/.
//
// Thread-safety: a NameKeyer is immutable after Create; Keys() is safe from several threads.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/status.h"

struct USpoofChecker;

namespace chorus::detect {

struct NameKeys {
  std::u32string plain;       // case-folded, separators dropped, otherwise as written
  std::u32string skeleton;    // plain through NFKC, the confusable skeleton, marks removed
  std::u32string leet;        // skeleton with digits and $ @ ! read as letters
  bool mixed_script = false;  // letters of two or more scripts (Common and Inherited aside)
};

class NameKeyer {
 public:
  NameKeyer() = default;
  ~NameKeyer();
  NameKeyer(const NameKeyer&) = delete;
  NameKeyer& operator=(const NameKeyer&) = delete;

  Status Init();
  // `text` must be valid UTF-8.
  NameKeys Keys(std::string_view text) const;

 private:
  void AppendSkeleton(char32_t cp, std::u32string* out) const;

  USpoofChecker* checker_ = nullptr;
  std::array<std::u32string, 128> ascii_;  // skeletons of ASCII code points
};

// Damerau (optimal string alignment) distance of a and b, or limit + 1 when above `limit`.
size_t BoundedEditDistance(std::u32string_view a, std::u32string_view b, size_t limit);

}  // namespace chorus::detect
