#include "ingest/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace chorus::ingest {
namespace {

std::string MiB(uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

std::string ZipError(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

}  // namespace

bool LooksLikeZip(std::string_view head) {
  return head.size() >= 4 && head.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

class ZipArchive::Member final : public ByteSource {
 public:
  Member(zip_file_t* file, std::string name, uint64_t declared, uint64_t* total,
         const ZipLimits& limits)
      : file_(file), name_(std::move(name)), declared_(declared), total_(total), limits_(limits) {}
  ~Member() override {
    if (file_) zip_fclose(file_);
  }
  Status Read(char* buffer, size_t capacity, size_t* got) override {
    *got = 0;
    if (!file_) return Status::Error(name_ + ": the member is closed");
    const zip_int64_t n = zip_fread(file_, buffer, capacity);
    if (n < 0) {
      return Status::Error("the archive is damaged: " + name_ + ": " +
                           zip_error_strerror(zip_file_get_error(file_)));
    }
    position_ += static_cast<uint64_t>(n);
    *total_ += static_cast<uint64_t>(n);
    if (position_ > declared_) {
      return Status::Error("the archive is damaged: " + name_ +
                           " unpacks to more than it declares");
    }
    if (*total_ > limits_.max_total_bytes) {
      return Status::Error("the archive unpacks to more than " + MiB(limits_.max_total_bytes) +
                           "; refused");
    }
    *got = static_cast<size_t>(n);
    return Status::Ok();
  }
  size_t Position() const override { return static_cast<size_t>(position_); }

 private:
  zip_file_t* file_;
  std::string name_;
  uint64_t declared_;
  uint64_t position_ = 0;
  uint64_t* total_;
  const ZipLimits& limits_;
};

Status ZipArchive::Open(const std::string& path, const ZipLimits& limits,
                        std::unique_ptr<ZipArchive>* out) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!archive) return Status::Error(path + " is not a readable zip archive: " + ZipError(code));
  std::unique_ptr<ZipArchive> result(new ZipArchive(archive, limits));
  if (Status s = result->ReadNames(); !s.ok()) return s;
  *out = std::move(result);
  return Status::Ok();
}

Status ZipArchive::OpenBytes(std::string_view bytes, const ZipLimits& limits,
                             std::unique_ptr<ZipArchive>* out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Error("not a readable zip archive: " + message);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return Status::Error("not a readable zip archive: " + message);
  }
  zip_error_fini(&error);
  std::unique_ptr<ZipArchive> result(new ZipArchive(archive, limits));
  if (Status s = result->ReadNames(); !s.ok()) return s;
  *out = std::move(result);
  return Status::Ok();
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

Status ZipArchive::ReadNames() {
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  if (count < 0) return Status::Error("not a readable zip archive");
  if (static_cast<uint64_t>(count) > limits_.max_members) {
    return Status::Error("the archive has more than " + std::to_string(limits_.max_members) +
                         " members; refused");
  }
  names_.reserve(static_cast<size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    names_.push_back(name ? name : "");
  }
  return Status::Ok();
}

Status ZipArchive::OpenMember(const std::string& name, std::unique_ptr<ByteSource>* out) {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_ENC_RAW);
  if (index < 0) return Status::Error("the archive has no " + name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
    return Status::Error("the archive is damaged: cannot read the entry of " + name);
  }
  if (st.size > limits_.max_member_bytes) {
    return Status::Error(name + " unpacks to " + MiB(st.size) + ", more than the limit of " +
                         MiB(limits_.max_member_bytes) + "; refused");
  }
  if (st.size > limits_.ratio_floor &&
      st.size / std::max<uint64_t>(st.comp_size, 1) > limits_.max_ratio) {
    return Status::Error(name + " unpacks " +
                         std::to_string(st.size / std::max<uint64_t>(st.comp_size, 1)) +
                         " times larger than it is packed (a zip bomb?); refused");
  }
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    return Status::Error("cannot read " + name +
                         " in the archive: " + zip_error_strerror(zip_get_error(archive_)));
  }
  *out = std::make_unique<Member>(file, name, st.size, &total_read_, limits_);
  return Status::Ok();
}

}  // namespace chorus::ingest
