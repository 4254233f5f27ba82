#include "store/data_directory.h"

#include <filesystem>

namespace chorus::store {

Status OpenDataDirectory(const std::string& dir, std::unique_ptr<SqliteStore>* out,
                         std::unique_ptr<DataDirectoryLock>* lock) {
  namespace fs = std::filesystem;
  if (dir.empty()) return Status::Error("no data directory given (--data DIR)");
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return Status::Error("cannot create " + dir + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  } else if (!fs::is_directory(dir, ec)) {
    return Status::Error(dir + " is not a directory");
  }
  if (lock) {
    if (Status s = DataDirectoryLock::Acquire(dir, lock); !s.ok()) return s;
  }
  return SqliteStore::Open((fs::path(dir) / "chorus.db").string(), out);
}

std::string CacheDirectoryOf(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path cache = fs::path(dir) / "cache";
  fs::create_directories(cache, ec);
  return ec ? std::string() : cache.string();
}

}  // namespace chorus::store
