// Base64 decoding of photos sent in JSON bodies ("photo": "<base64>" or a data: URL).
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace chorus::server {

// Decodes standard base64 (padding optional, whitespace ignored). A "data:...;base64," prefix
// is skipped. False for any other character or a truncated quantum.
bool DecodeBase64(std::string_view text, std::string* out);

}  // namespace chorus::server
