#include "detect/tone_text.h"

#include "text/fold.h"

namespace chorus::detect {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}

size_t CodePointLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// text::IsWordCharAt, with ASCII answered here (most of most posts).
bool IsWordChar(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return text::IsWordCharAt(s, i);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// A language code as a token: ASCII letters only, at most 8 of them.
void AppendLanguageToken(std::string_view language, std::string* out) {
  out->append("lang_");
  size_t n = 0;
  for (char c : language) {
    if (n == 8) break;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      out->push_back(static_cast<char>(c | 0x20));
      ++n;
    }
  }
  if (n == 0) out->append("xx");
}

}  // namespace

void AppendToneTokens(std::string_view folded, std::string_view language, std::string* out) {
  AppendLanguageToken(language, out);
  size_t tokens = 0;
  auto emit = [&](std::string_view token) {
    out->push_back(' ');
    out->append(token);
    ++tokens;
  };
  size_t i = 0;
  while (i < folded.size() && tokens < kMaxToneTokens) {
    if (IsSpace(folded[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < folded.size() && !IsSpace(folded[end])) ++end;
    const std::string_view chunk = folded.substr(i, end - i);
    i = end;
    // Folding writes "www." as "w." (a letter repeated three times is written once).
    if (StartsWith(chunk, "http://") || StartsWith(chunk, "https://") ||
        (StartsWith(chunk, "w.") && chunk.find('.', 2) != std::string_view::npos)) {
      emit("<url>");
      continue;
    }
    if (chunk.size() > 1 && chunk[0] == '@') {
      emit("<user>");
      continue;
    }
    size_t j = 0;
    char last_mark = 0;
    while (j < chunk.size() && tokens < kMaxToneTokens) {
      if (IsWordChar(chunk, j)) {
        const size_t start = j;
        bool digits = true;
        while (j < chunk.size() && IsWordChar(chunk, j)) {
          const auto c = static_cast<unsigned char>(chunk[j]);
          if (c < '0' || c > '9') digits = false;
          j += CodePointLength(c);
        }
        if (j > chunk.size()) j = chunk.size();
        emit(digits ? std::string_view("<num>") : chunk.substr(start, j - start));
        last_mark = 0;
        continue;
      }
      const char c = chunk[j];
      if ((c == '!' || c == '?') && c != last_mark) {
        emit(c == '!' ? "!" : "?");
        last_mark = c;
      }
      j += CodePointLength(static_cast<unsigned char>(c));
    }
  }
}

std::string ToneTokens(std::string_view text, std::string_view language) {
  text::FoldedText folded;
  text::Fold(text, &folded);
  std::string out;
  AppendToneTokens(folded.text, language, &out);
  return out;
}

}  // namespace chorus::detect
