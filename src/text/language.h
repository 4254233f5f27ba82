// Language identification of a post: which of the languages Chorus has packs for it is
// written in. Uses CLD2 for running text and the alphabet for short posts (Hebrew letters,
// Latvian and Polish diacritics), which CLD2 cannot judge reliably.
// Thread-safety: pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus::text {

// The ISO 639-1 code of the post's language among `candidates` (e.g. {"en","he","lv","pl"}),
// or `fallback` when the text gives no usable signal or its language is not a candidate.
std::string DetectLanguage(std::string_view text, const std::vector<std::string>& candidates,
                           const std::string& fallback);

}  // namespace chorus::text
