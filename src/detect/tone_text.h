// Tone text: the one way a post becomes the words the tone model reads, used alike when a
// model is trained (`chorus tone train`, detect/tone_training.h) and when it predicts
// (detect/tone.h), so that the two never drift apart.
//
// The input is the post folded by text::Fold (lower case, NFKC, no diacritics, obfuscation
// undone; the Scanner has folded it already). The output is one line of space-separated
// tokens: first "lang_<code>" (the post's language, so that one model can learn each
// language's own leaning), then the words in order, with
//   - a link (http://, https://, www.host.domain) written as "<url>",
//   - an @handle written as "<user>",
//   - a number written as "<num>",
//   - "!" and "?" kept as words of their own (a run counts once), other punctuation dropped.
// At most kMaxToneTokens words are kept: the opening of a very long post decides its tone.
// The line never contains a newline, a tab or the fastText label prefix.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus::detect {

constexpr size_t kMaxToneTokens = 1000;

// Appends the tokens of `folded` (text::Fold's output) in `language` to `out` (not cleared).
void AppendToneTokens(std::string_view folded, std::string_view language, std::string* out);

// Folds `text` (any bytes; invalid UTF-8 becomes spaces) and returns its tokens.
std::string ToneTokens(std::string_view text, std::string_view language);

}  // namespace chorus::detect
