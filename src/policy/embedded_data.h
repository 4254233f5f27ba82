// The data files compiled into the binary: language packs, the default policy and the policy
// templates from packs/ (see packs/README.md). Generated at build time by cmake/embed.cmake.
// Thread-safe: the table is immutable after first use.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace chorus {

struct EmbeddedFile {
  std::string_view path;  // relative to packs/, e.g. "lang/lv.yaml"
  std::string_view data;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

// The contents of packs/<path>, or nothing when no such file was embedded.
inline std::optional<std::string_view> FindEmbeddedFile(std::string_view path) {
  for (const auto& f : EmbeddedFiles())
    if (f.path == path) return f.data;
  return std::nullopt;
}

}  // namespace chorus
