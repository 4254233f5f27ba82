// Folding: the one normalisation every matcher in Chorus works on. A post is folded once;
// lists of terms are folded the same way when a policy is compiled, so that matching is a
// byte comparison.
//
// Folding applies, per code point: Unicode NFKC with case folding, removal of diacritics and
// other non-spacing marks (ā→a, ł→l, ż→z, Hebrew points), removal of invisible characters
// (zero-width space, soft hyphen), and maps typographic quotes and dashes to ASCII. Non-ASCII
// punctuation and symbols become a space, except currency signs, which are kept. Then, per
// word, it undoes common obfuscation:
//   - Cyrillic or Greek look-alike letters inside a Latin word become Latin ("Bаltpay");
//   - digits, $ and ! used as letters inside a word of three or more letters become letters
//     ("sh1t", "a$$hole"), unless the word holds two digits in a row (years and model
//     numbers such as "covid19" stay as they are; so do short ones like "mp3"); a run of
//     $, ! or * belongs to a word only when a letter or digit follows it, so "idiots!!!"
//     ends at the "s" and "!!" is never read as a disguised "i";
//   - letters written apart ("i d i o t", "s.h.i.t") are joined when three or more in a row;
//   - an ASCII letter repeated three or more times is written once ("fuuuck" → "fuck");
//   - inside a hashtag, a capital after a lower-case letter starts a new word, written as a
//     space mapped to the capital ("#ProjectNightingale" → "#project nightingale"); "_" is
//     written as a space everywhere ("Project_Nightingale"); so does an invisible character
//     between a lower-case letter and a capital ("Project\u200BNightingale"), while one
//     inside a word is dropped ("id\u200Biot" → "idiot");
//   - words masked with "*" ("f*ck") are kept with the mask and reported in masked_tokens.
// Every byte of the folded text remembers the original byte offset it came from, so matches
// map back to exact spans of the original text. Invalid UTF-8 bytes fold to a space.
//
// Thread-safety: Fold() is reentrant; the per-code-point table behind it is built lazily
// under a lock and is immutable afterwards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus::text {

struct FoldedText {
  std::string text;  // the folded text, valid UTF-8
  // origin[i] is the offset in the original of the character that produced text[i];
  // origin[text.size()] is the original's size.
  std::vector<uint32_t> origin;
  // [start, end) in `text` of words that contain a "*" mask.
  std::vector<std::pair<uint32_t, uint32_t>> masked_tokens;
  bool had_invalid_utf8 = false;

  // Original byte offset where the folded span starting at `pos` starts.
  size_t OriginalStart(size_t pos) const { return origin[pos]; }
  // Original byte offset just past the folded span ending (exclusively) at `end` (> 0).
  size_t OriginalEnd(size_t end) const;
};

// Folds `input` into `out`, reusing its buffers. Inputs over 4 GiB are not supported (the
// caller limits post sizes far below that).
void Fold(std::string_view input, FoldedText* out);

// The folded form of a term, for building dictionaries (no offsets kept).
std::string FoldTerm(std::string_view term);

// True if the code point starting at folded[pos] is a letter or digit. Folded text only.
bool IsWordCharAt(std::string_view folded, size_t pos);
// True if the code point ending just before folded[pos] is a letter or digit.
bool IsWordCharBefore(std::string_view folded, size_t pos);

// The words of folded text: maximal runs of IsWordCharAt code points, in order.
std::vector<std::string_view> FoldedWords(std::string_view folded);

// True for a letter or digit in any script (ICU's definition).
bool IsLetterOrDigit(char32_t cp);

}  // namespace chorus::text
