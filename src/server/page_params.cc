#include "server/page_params.h"

#include <string>

namespace chorus::server {
namespace {

// A whole number from 1 to `max` in `*out` (unchanged when the parameter is absent).
bool ReadNumber(ApiCall& call, const char* name, int64_t max, int64_t* out) {
  const std::string value = call.request.get_param_value(name);
  if (value.empty()) return true;
  if (value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos ||
      std::stoll(value) < 1 || std::stoll(value) > max) {
    call.Error(400, "invalid_field",
               std::string(name) + " must be a whole number from 1 to " + std::to_string(max));
    return false;
  }
  *out = std::stoll(value);
  return true;
}

}  // namespace

bool ReadPageParams(ApiCall& call, store::PageRequest* out) {
  int64_t number = 1, limit = kDefaultPageSize;
  if (!ReadNumber(call, "page", 1'000'000, &number)) return false;
  if (!ReadNumber(call, "limit", kMaxPageSize, &limit)) return false;
  out->limit = limit;
  out->offset = (number - 1) * limit;
  return true;
}

}  // namespace chorus::server
