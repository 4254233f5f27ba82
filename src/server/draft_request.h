// The body shared by POST /api/v1/check and POST /api/v1/posts:
//   {"text": string, "lang"?: string, "photo"?: base64 string}
// ReadDraftRequest answers the call with a 4xx error and returns false when the body does
// not fit (a missing or mistyped field, text that is empty or only whitespace: 400
// "empty_text", a photo that is not base64).
// Thread-safety: stateless.
#pragma once

#include <string>

#include "server/api_call.h"

namespace chorus::server {

struct DraftRequest {
  std::string text;
  std::string lang;
  std::string photo;  // decoded bytes; empty when none was sent
};

bool ReadDraftRequest(ApiCall& call, DraftRequest* out);

}  // namespace chorus::server
