// Keeps the compiled-policy cache (cache_file.h, hs_database.h) from growing without end:
// every policy edit and every new binary writes new entries under new keys, and the old ones
// (megabytes each with thousands of names) are never read again.
//
// After a write, the directory's cache entries (*.hsdb, *.terms, *.policy, *.packs) are kept
// under the limit by deleting the least recently used first (an entry is touched when it is
// read); the entry just written is always kept. Temporary files that a stopped writer left
// behind (*.tmpPID) are removed after an hour. Other files are never touched.
// The limit is CHORUS_CACHE_MAX_MB (default 512; 0 turns trimming off).
//
// Thread-safety: safe to run from several processes at once (a file deleted by another is
// skipped); errors are ignored (the cache is only ever an optimisation).
#pragma once

#include <cstdint>
#include <string>

namespace chorus::detect {

// The limit in bytes (0: no trimming).
uint64_t CacheLimitBytes();

// Deletes least recently used entries of `dir` until they total at most `max_bytes`,
// never `keep` (a path in `dir`, may be empty).
void TrimCacheDirectory(const std::string& dir, uint64_t max_bytes, const std::string& keep);

// Marks an entry as just used (its modification time becomes now).
void TouchCacheFile(const std::string& path);

}  // namespace chorus::detect
