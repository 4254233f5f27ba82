// UTF-8 decoding that never fails: invalid or truncated sequences, surrogates and overlong
// forms decode as U+FFFD and consume exactly one byte, so every byte of any input is covered
// and offsets stay meaningful. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::text {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at text[pos] (pos < text.size()); sets *length to the
// number of bytes consumed (1 to 4).
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length);

// True if the whole text is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of cp to out.
void AppendUtf8(char32_t cp, std::string* out);

// A copy of text with every invalid sequence replaced by U+FFFD (for output that must be
// valid UTF-8, such as JSON).
std::string SanitizeUtf8(std::string_view text);

// Number of code points in text (invalid bytes count one each).
size_t CountCodePoints(std::string_view text);

}  // namespace chorus::text
