// ByteSource: where an importer reads its bytes from, chunk by chunk, so that no importer
// ever needs a whole file in memory: a file, a member of a zip archive (zip_archive.h), or a
// string (tests, fuzz targets).
// Thread-safety: none; a source belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/status.h"

namespace chorus::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes into `buffer`; *got == 0 at the end. An error (unreadable,
  // damaged, over a limit) is a Status and ends the source.
  virtual Status Read(char* buffer, size_t capacity, size_t* got) = 0;
  // Bytes delivered so far (for progress).
  virtual size_t Position() const = 0;
};

class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string_view bytes) : bytes_(bytes) {}
  Status Read(char* buffer, size_t capacity, size_t* got) override;
  size_t Position() const override { return position_; }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

class FileSource final : public ByteSource {
 public:
  FileSource() = default;
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  Status Open(const std::string& path);
  Status Read(char* buffer, size_t capacity, size_t* got) override;
  size_t Position() const override { return position_; }

 private:
  std::FILE* file_ = nullptr;
  std::string path_;
  size_t position_ = 0;
};

}  // namespace chorus::ingest
