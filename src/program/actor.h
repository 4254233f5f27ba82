// Roles and the Actor: who is making a request, as established by a session or API token.
// Every workflow of the program takes the Actor and checks on its own what that actor may
// do; the HTTP layer never decides authorisation.
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace chorus::program {

enum class Role { kEmployee, kReviewer, kAdmin };

std::string_view RoleName(Role role);
bool ParseRole(std::string_view name, Role* out);

struct Actor {
  int64_t user_id = 0;
  Role role = Role::kEmployee;
  std::string email;
  std::string name;
  std::string language;  // interface language
  bool via_api_token = false;

  bool IsAdmin() const { return role == Role::kAdmin; }
  // Reviewers and admins work the review queue and answer questions.
  bool CanReview() const { return role == Role::kReviewer || role == Role::kAdmin; }
};

inline int64_t NowSeconds() {
  return static_cast<int64_t>(std::time(nullptr));
}

}  // namespace chorus::program
