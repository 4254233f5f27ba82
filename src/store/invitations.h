// Invitations: a single-use link an admin passes on to a person added without a password, so
// that they set their own. Only the SHA-256 of the link's token is stored.
// Thread-safety: implementations are safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"

namespace chorus::store {

struct InvitationRecord {
  int64_t id = 0;
  std::string token_hash;  // hex SHA-256 of the token in the link
  int64_t user_id = 0;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> used_at;
};

class Invitations {
 public:
  virtual ~Invitations() = default;
  virtual Status CreateInvitation(InvitationRecord* invitation) = 0;  // sets invitation->id
  virtual Status FindInvitation(std::string_view token_hash,
                                std::optional<InvitationRecord>* out) = 0;
  // Marks it used at `at` if it was unused; otherwise fails with "conflict" (used twice).
  virtual Status UseInvitation(int64_t id, int64_t at) = 0;
};

}  // namespace chorus::store
