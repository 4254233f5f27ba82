#include "server/draft_request.h"

#include "program/review_desk.h"
#include "server/base64.h"

namespace chorus::server {

bool ReadDraftRequest(ApiCall& call, DraftRequest* out) {
  std::string photo_base64;
  if (!call.String("text", &out->text, true) || !call.String("lang", &out->lang, false) ||
      !call.String("photo", &photo_base64, false)) {
    return false;
  }
  if (program::IsBlank(out->text)) {
    call.Error(400, "empty_text", "the post has no text to check: write it first");
    return false;
  }
  if (!DecodeBase64(photo_base64, &out->photo)) {
    call.Error(400, "invalid_photo", "the photo must be base64");
    return false;
  }
  return true;
}

}  // namespace chorus::server
