#include "server/token_json.h"

namespace chorus::server {
namespace {

nlohmann::json Optional(const std::optional<int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json TokenJson(const store::ApiTokenRecord& token, int64_t now) {
  return {{"id", token.id},
          {"user_id", token.user_id},
          {"name", token.name},
          {"created_at", token.created_at},
          {"expires_at", token.expires_at},
          {"last_used_at", Optional(token.last_used_at)},
          {"revoked_at", Optional(token.revoked_at)},
          {"state", token.revoked             ? "revoked"
                    : token.expires_at <= now ? "expired"
                                              : "active"}};
}

}  // namespace chorus::server
