#include "program/actor.h"

namespace chorus::program {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kReviewer:
      return "reviewer";
    case Role::kEmployee:
      return "employee";
  }
  return "employee";
}

bool ParseRole(std::string_view name, Role* out) {
  if (name == "admin") {
    *out = Role::kAdmin;
  } else if (name == "reviewer") {
    *out = Role::kReviewer;
  } else if (name == "employee") {
    *out = Role::kEmployee;
  } else {
    return false;
  }
  return true;
}

}  // namespace chorus::program
