#include "store/folded_key.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace chorus::store {

std::string FoldedKey(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(error);
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  if (U_FAILURE(error) || nfkc_cf == nullptr) {
    input.toUTF8String(out);
    return out;
  }
  const icu::UnicodeString folded = nfkc_cf->normalize(input, error);
  if (U_FAILURE(error)) {
    input.toUTF8String(out);
    return out;
  }
  folded.toUTF8String(out);
  return out;
}

}  // namespace chorus::store
