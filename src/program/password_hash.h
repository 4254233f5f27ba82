// Password hashing with Argon2id (libargon2): a random 16-byte salt per password and the
// standard encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash), so parameters can be
// raised later without invalidating stored hashes.
// Thread-safety: pure functions, safe from any thread (each call allocates its own memory).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace chorus::program {

struct PasswordHashCost {
  uint32_t time_cost = 2;  // passes (OWASP: m=19 MiB, t=2, p=1 at least)
  uint32_t memory_kib = 19 * 1024;
  uint32_t parallelism = 1;
};

Status HashPassword(std::string_view password, const PasswordHashCost& cost, std::string* encoded);
inline Status HashPassword(std::string_view password, std::string* encoded) {
  return HashPassword(password, PasswordHashCost{}, encoded);
}

// True if `password` matches the encoded Argon2id hash; false for any mismatch or a malformed
// hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

}  // namespace chorus::program
