// PasswordPolicy: which new passwords Chorus accepts. A password is measured in characters
// (Unicode code points, so "ļļļļ" is four), must have 8 to 256 of them, and must not be easy
// to guess: not in the common-password list (packs/common-passwords.txt, embedded in the
// binary, compared case-insensitively), not one character repeated, not a run of consecutive
// characters ("12345678", "abcdefgh", "87654321"), and not the person's e-mail address or the
// part of it before the "@" (with or without digits after it).
//
// Each refusal is an Outcome with its own code: password_too_short, password_too_long,
// password_too_common, password_like_email (the web app translates the codes).
//
// Thread-safety: CheckPasswordStrength is reentrant; the list is loaded once, under a lock,
// and is immutable afterwards.
#pragma once

#include <cstddef>
#include <string_view>

#include "program/outcome.h"

namespace chorus::program {

constexpr size_t kMinPasswordCharacters = 8;
constexpr size_t kMaxPasswordCharacters = 256;
// Bytes a password may take on the wire (4 per character at most); longer input is refused
// before any work is done.
constexpr size_t kMaxPasswordBytes = 4 * kMaxPasswordCharacters;

// OK, or why `password` is refused for the account with `email` (may be empty).
Outcome CheckPasswordStrength(std::string_view password, std::string_view email);

// True if the lower-cased `password` is in the embedded common-password list.
bool IsCommonPassword(std::string_view password);

}  // namespace chorus::program
