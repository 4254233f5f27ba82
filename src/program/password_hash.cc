#include "program/password_hash.h"

#include <argon2.h>
#include <sys/random.h>

#include <vector>

namespace chorus::program {

Status HashPassword(std::string_view password, const PasswordHashCost& cost, std::string* encoded) {
  unsigned char salt[16];
  if (getrandom(salt, sizeof salt, 0) != static_cast<ssize_t>(sizeof salt)) {
    return Status::Error("no randomness for the password salt");
  }
  constexpr size_t kHashLength = 32;
  const size_t length = argon2_encodedlen(cost.time_cost, cost.memory_kib, cost.parallelism,
                                          sizeof salt, kHashLength, Argon2_id);
  std::vector<char> buffer(length);
  const int rc = argon2id_hash_encoded(cost.time_cost, cost.memory_kib, cost.parallelism,
                                       password.data(), password.size(), salt, sizeof salt,
                                       kHashLength, buffer.data(), buffer.size());
  if (rc != ARGON2_OK) return Status::Error(std::string("argon2: ") + argon2_error_message(rc));
  encoded->assign(buffer.data());
  return Status::Ok();
}

bool VerifyPassword(std::string_view password, const std::string& encoded) {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace chorus::program
