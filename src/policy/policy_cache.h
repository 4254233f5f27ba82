// Loading a policy file through the compiled-policy cache: the parsed Policy of a file is
// cached (detect/cache_file.h) under a key of the file's bytes and the binary (which holds
// the built-in default policy and packs), so a warm start skips the YAML parse, which costs
// tens of milliseconds with thousands of names. Only files that load without problems are
// cached; a missing, damaged or stale cache file is ignored and rewritten.
//
// Thread-safety: thread-safe (cache files are written atomically under private temp names).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "policy/policy.h"

namespace chorus {

// The cache file's kind and layout version (raised when Policy or the layout changes).
inline constexpr const char* kPolicyCacheKind = "policy";
inline constexpr uint32_t kPolicyCacheFormat = 2;

// As LoadPolicyFile; `cache_dir` may be empty (no cache).
Status LoadPolicyFileCached(const std::string& path, const std::string& cache_dir, Policy* out);

// The Policy as cache bytes, and back; DecodePolicy is false for bytes that do not parse.
std::string EncodePolicy(const Policy& policy);
bool DecodePolicy(std::string_view bytes, Policy* out);

}  // namespace chorus
