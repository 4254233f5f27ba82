#include "store/data_directory_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace chorus::store {
namespace {

std::string LockPath(const std::string& dir) {
  return (std::filesystem::path(dir) / "serve.lock").string();
}

long ReadPid(int fd) {
  char buffer[32] = {};
  const ssize_t n = pread(fd, buffer, sizeof(buffer) - 1, 0);
  if (n <= 0) return 0;
  return std::strtol(buffer, nullptr, 10);
}

}  // namespace

Status DataDirectoryLock::Acquire(const std::string& dir, std::unique_ptr<DataDirectoryLock>* out) {
  const std::string path = LockPath(dir);
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Error("cannot open " + path + ": " + std::strerror(errno));
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    const long pid = ReadPid(fd);
    close(fd);
    if (error == EWOULDBLOCK) {
      return Status::Error("the data directory " + dir + " is in use by another chorus serve" +
                           (pid > 0 ? " (process " + std::to_string(pid) + ")" : std::string()) +
                           "; stop it first, or give this server its own --data directory");
    }
    return Status::Error("cannot lock " + path + ": " + std::strerror(error));
  }
  const std::string pid = std::to_string(static_cast<long>(getpid())) + "\n";
  // Without the process id the lock still holds; only a second server's message is vaguer.
  [[maybe_unused]] const bool written =
      ftruncate(fd, 0) == 0 && pwrite(fd, pid.data(), pid.size(), 0) > 0;
  out->reset(new DataDirectoryLock(fd));
  return Status::Ok();
}

DataDirectoryLock::~DataDirectoryLock() {
  flock(fd_, LOCK_UN);
  close(fd_);
}

long RunningServerPid(const std::string& dir) {
  const int fd = open(LockPath(dir).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  long pid = 0;
  if (flock(fd, LOCK_SH | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      pid = ReadPid(fd);
      if (pid <= 0) pid = -1;  // held, by a process that did not write its id
    }
  } else {
    flock(fd, LOCK_UN);
  }
  close(fd);
  return pid;
}

}  // namespace chorus::store
