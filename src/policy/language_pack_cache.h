// The built-in language packs as cache bytes (detect/cache_file.h), so that a warm start does
// not parse their YAML: BuiltinLanguagePacks() reads them from DefaultCacheDir() under a key
// of the embedded pack files and the binary, and writes them there after a parse.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policy/language_pack.h"

namespace chorus {

std::string EncodeLanguagePacks(const std::vector<LanguagePack>& packs);
// False for bytes that do not parse (then `out` is unchanged).
bool DecodeLanguagePacks(std::string_view bytes, std::vector<LanguagePack>* out);

}  // namespace chorus
