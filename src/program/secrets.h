// Secrets: random tokens for sessions, CSRF and API access, and the SHA-256 digests under
// which they are stored (the database never holds a usable session or API token).
// Randomness comes from the kernel (getrandom); the digest from OpenSSL's libcrypto.
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace chorus::program {

// `bytes` random bytes as unpadded base64url (43 characters for 32 bytes).
std::string RandomToken(size_t bytes = 32);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Compares two strings in time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace chorus::program
