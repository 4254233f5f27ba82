// DataDirectoryLock: one `chorus serve` per data directory. The server holds an exclusive
// lock (flock) on DIR/serve.lock, with its process id written in the file, for as long as it
// runs; the kernel releases it when the process ends, even on kill -9, so a crash never
// leaves a stale lock behind.
//
// A second server on the same directory fails to start. Command-line tools that write (user
// add, token create) may run beside a server: SQLite serialises the writes and the server
// reads the change on its next request. They call RunningServerPid to say so on stderr, so
// nobody shares the directory without knowing.
//
// Thread-safety: Acquire at start-up from one thread; the lock object is not shared.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"

namespace chorus::store {

class DataDirectoryLock {
 public:
  // Takes the lock of the directory `dir` (which must exist); fails when another process
  // holds it, naming that process.
  static Status Acquire(const std::string& dir, std::unique_ptr<DataDirectoryLock>* out);
  ~DataDirectoryLock();
  DataDirectoryLock(const DataDirectoryLock&) = delete;
  DataDirectoryLock& operator=(const DataDirectoryLock&) = delete;

 private:
  explicit DataDirectoryLock(int fd) : fd_(fd) {}
  int fd_;
};

// The process id of the server holding `dir`, 0 when no server runs on it, -1 when one does
// but its id is unknown.
long RunningServerPid(const std::string& dir);

}  // namespace chorus::store
