// The data directory of a Chorus installation (`--data DIR`): created with mode 0700 if
// missing; holds chorus.db (SQLite, WAL) and cache/ (compiled policies).
// Thread-safety: call from one thread at startup.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "store/data_directory_lock.h"
#include "store/sqlite_store.h"

namespace chorus::store {

// Creates the directory if needed and opens (migrating) its database. With `lock` (the
// server), first takes the directory's DataDirectoryLock, so a second server fails before it
// touches the database.
Status OpenDataDirectory(const std::string& dir, std::unique_ptr<SqliteStore>* out,
                         std::unique_ptr<DataDirectoryLock>* lock = nullptr);

// dir/cache, created if needed; "" when it cannot be created (checks then compile uncached).
std::string CacheDirectoryOf(const std::string& dir);

}  // namespace chorus::store
