#include "ingest/byte_source.h"

#include <sys/stat.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace chorus::ingest {

Status StringSource::Read(char* buffer, size_t capacity, size_t* got) {
  *got = std::min(capacity, bytes_.size() - position_);
  std::memcpy(buffer, bytes_.data() + position_, *got);
  position_ += *got;
  return Status::Ok();
}

FileSource::~FileSource() {
  if (file_) std::fclose(file_);
}

Status FileSource::Open(const std::string& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) return Status::Error("cannot open " + path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fileno(file_), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::Error(path + " is a directory");
  }
  return Status::Ok();
}

Status FileSource::Read(char* buffer, size_t capacity, size_t* got) {
  *got = 0;
  if (!file_) return Status::Error("no file is open");
  *got = std::fread(buffer, 1, capacity, file_);
  if (*got == 0 && std::ferror(file_)) return Status::Error("cannot read " + path_);
  position_ += *got;
  return Status::Ok();
}

}  // namespace chorus::ingest
