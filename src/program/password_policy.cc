#include "program/password_policy.h"

#include <unicode/unistr.h>

#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "policy/embedded_data.h"
#include "text/utf8.h"

namespace chorus::program {
namespace {

// Full Unicode lower-casing (ICU), so "PAROLE123" and "Parole123" match "parole123".
std::string LowerUnicode(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

const std::unordered_set<std::string>& CommonPasswords() {
  static const std::unordered_set<std::string> list = [] {
    std::unordered_set<std::string> words;
    const auto data = FindEmbeddedFile("common-passwords.txt");
    if (!data) return words;
    size_t start = 0;
    while (start < data->size()) {
      size_t end = data->find('\n', start);
      if (end == std::string_view::npos) end = data->size();
      std::string_view line = data->substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty() && line.front() != '#') words.insert(LowerUnicode(line));
      start = end + 1;
    }
    return words;
  }();
  return list;
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t pos = 0; pos < s.size();) {
    size_t length = 1;
    out.push_back(text::DecodeUtf8(s, pos, &length));
    pos += length == 0 ? 1 : length;
  }
  return out;
}

// One character repeated, or each character one above (or below) the one before it.
bool IsTrivialPattern(const std::vector<char32_t>& cps) {
  if (cps.size() < 2) return true;
  bool same = true, up = true, down = true;
  for (size_t i = 1; i < cps.size(); ++i) {
    same = same && cps[i] == cps[0];
    up = up && cps[i] == cps[i - 1] + 1;
    down = down && cps[i] + 1 == cps[i - 1];
  }
  return same || up || down;
}

bool IsAllWhitespace(const std::vector<char32_t>& cps) {
  for (char32_t c : cps) {
    if (c != ' ' && c != '\t' && c != 0xA0 && c != 0x3000 && !(c >= 0x2000 && c <= 0x200B))
      return false;
  }
  return true;
}

// The password is the e-mail, its local part, or the local part followed by digits or
// punctuation only.
bool IsLikeEmail(const std::string& lower_password, std::string_view email) {
  if (email.empty()) return false;
  const std::string lower_email = LowerUnicode(email);
  if (lower_password == lower_email) return true;
  const std::string local = lower_email.substr(0, lower_email.find('@'));
  if (local.size() < 3 || lower_password.compare(0, local.size(), local) != 0) return false;
  for (size_t i = local.size(); i < lower_password.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(lower_password[i]);
    if (std::isalpha(c) || c >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  return CommonPasswords().count(LowerUnicode(password)) > 0;
}

Outcome CheckPasswordStrength(std::string_view password, std::string_view email) {
  const Outcome too_short = Outcome::Fail(
      Failure::kInvalid, "password_too_short",
      "the password must have at least " + std::to_string(kMinPasswordCharacters) + " characters");
  const Outcome too_long = Outcome::Fail(
      Failure::kInvalid, "password_too_long",
      "the password must have at most " + std::to_string(kMaxPasswordCharacters) + " characters");
  if (password.size() > kMaxPasswordBytes) return too_long;
  if (!text::IsValidUtf8(password)) {
    return Outcome::Fail(Failure::kInvalid, "invalid_utf8", "the password is not valid UTF-8");
  }
  const std::vector<char32_t> cps = CodePoints(password);
  if (cps.size() < kMinPasswordCharacters) return too_short;
  if (cps.size() > kMaxPasswordCharacters) return too_long;
  const std::string lower = LowerUnicode(password);
  if (IsTrivialPattern(cps) || IsAllWhitespace(cps) || CommonPasswords().count(lower) > 0) {
    return Outcome::Fail(Failure::kInvalid, "password_too_common",
                         "the password is too common or too easy to guess");
  }
  if (IsLikeEmail(lower, email)) {
    return Outcome::Fail(Failure::kInvalid, "password_like_email",
                         "the password must not be the e-mail address");
  }
  return Outcome::Ok();
}

}  // namespace chorus::program
