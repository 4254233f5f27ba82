#include "cli/open_data_directory.h"

#include <iostream>

#include "store/data_directory.h"
#include "store/data_directory_lock.h"

namespace chorus::cli {

Status OpenDataDirectoryForTool(const std::string& command, const std::string& dir,
                                std::unique_ptr<store::SqliteStore>* out) {
  if (Status s = store::OpenDataDirectory(dir, out); !s.ok()) return s;
  if (const long pid = store::RunningServerPid(dir); pid != 0) {
    std::cerr << "chorus " << command << ": note: a chorus serve"
              << (pid > 0 ? " (process " + std::to_string(pid) + ")" : std::string()) << " runs on "
              << dir << "; the change applies to it at once\n";
  }
  return Status::Ok();
}

}  // namespace chorus::cli
