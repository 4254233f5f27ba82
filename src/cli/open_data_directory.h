// Opening a data directory from a command-line tool that writes to it (user add, token
// create/revoke). The tool may run beside `chorus serve` on the same directory: SQLite
// serialises the writes and the server sees the change on its next request. So that nobody
// shares a directory without knowing, the tool says on stderr when a server holds it.
// Thread-safety: call from main()'s thread.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "store/sqlite_store.h"

namespace chorus::cli {

// Opens `dir` (see store::OpenDataDirectory); prints "chorus <command>: note: …" to stderr
// when a server runs on it.
Status OpenDataDirectoryForTool(const std::string& command, const std::string& dir,
                                std::unique_ptr<store::SqliteStore>* out);

}  // namespace chorus::cli
