#include "text/csv_reader.h"

#include <csv.h>

#include <array>

namespace chorus::text {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// The first line is looked at for the separator up to this many bytes.
constexpr size_t kDetectBytes = 64 * 1024;

// The separator of a header line: the most frequent of , ; and tab outside quotes.
char DetectSeparator(std::string_view head) {
  std::array<size_t, 3> counts{};
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  bool quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (size_t i = 0; i < kCandidates.size(); ++i)
      if (c == kCandidates[i]) ++counts[i];
  }
  size_t best = 0;
  for (size_t i = 1; i < counts.size(); ++i)
    if (counts[i] > counts[best]) best = i;
  return kCandidates[best];
}

// Whether `head` holds a whole first line (a line break outside quotes).
bool HasFirstLine(std::string_view head) {
  bool quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r')) return true;
  }
  return false;
}

}  // namespace

struct CsvReader::Parser {
  csv_parser p;
};

CsvReader::CsvReader(RecordCallback on_record, size_t max_record_bytes)
    : on_record_(std::move(on_record)), max_record_bytes_(max_record_bytes) {}

CsvReader::~CsvReader() {
  if (parser_) csv_free(&parser_->p);
}

void CsvReader::OnField(void* data, size_t size, void* self_ptr) {
  auto* self = static_cast<CsvReader*>(self_ptr);
  if (self->stopped_) return;
  self->record_bytes_ += size + 1;
  if (self->record_bytes_ > self->max_record_bytes_) {
    self->stopped_ = true;
    self->error_ = "record " + std::to_string(self->records_ + 1) + " is longer than " +
                   std::to_string(self->max_record_bytes_) + " bytes";
    return;
  }
  self->fields_.emplace_back(static_cast<const char*>(data), data ? size : 0);
}

void CsvReader::OnRecordEnd(int, void* self_ptr) {
  auto* self = static_cast<CsvReader*>(self_ptr);
  if (self->stopped_) return;
  self->record_bytes_ = 0;
  std::vector<std::string> fields;
  fields.swap(self->fields_);
  const int64_t number = ++self->records_;
  if (!self->on_record_(number, fields)) {
    self->stopped_ = true;
    self->stopped_by_callback_ = true;
  }
}

bool CsvReader::Start() {
  separator_ = DetectSeparator(head_);
  parser_ = std::make_unique<Parser>();
  if (csv_init(&parser_->p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    parser_.reset();
    stopped_ = true;
    error_ = "out of memory";
    return false;
  }
  csv_set_delim(&parser_->p, static_cast<unsigned char>(separator_));
  started_ = true;
  std::string head;
  head.swap(head_);
  return Parse(head);
}

bool CsvReader::Parse(std::string_view bytes) {
  // Small slices, so that a stop (callback or size limit) takes effect soon.
  constexpr size_t kSlice = 4096;
  for (size_t pos = 0; pos < bytes.size() && !stopped_; pos += kSlice) {
    const std::string_view slice = bytes.substr(pos, kSlice);
    if (csv_parse(&parser_->p, slice.data(), slice.size(), &OnField, &OnRecordEnd, this) !=
        slice.size()) {
      stopped_ = true;
      error_ = csv_error(&parser_->p) == CSV_EPARSE
                   ? "record " + std::to_string(records_ + 1) + " has a misplaced quote"
                   : std::string("cannot read the file: ") + csv_strerror(csv_error(&parser_->p));
    }
  }
  return !stopped_;
}

bool CsvReader::Feed(std::string_view bytes) {
  if (stopped_) return false;
  if (!bom_checked_) {
    head_.append(bytes);
    if (head_.size() < kBom.size() && kBom.substr(0, head_.size()) == head_) return true;
    bom_checked_ = true;
    if (head_.substr(0, kBom.size()) == kBom) head_.erase(0, kBom.size());
    bytes = {};
  }
  if (!started_) {
    head_.append(bytes);
    if (!HasFirstLine(head_) && head_.size() < kDetectBytes) return true;
    return Start();
  }
  return Parse(bytes);
}

void CsvReader::Finish() {
  if (stopped_) return;
  if (!started_ && !Start()) return;
  if (stopped_) return;
  if (csv_fini(&parser_->p, &OnField, &OnRecordEnd, this) != 0 && !stopped_) {
    stopped_ = true;
    error_ = "record " + std::to_string(records_ + 1) + " has an unterminated quoted field";
  }
}

}  // namespace chorus::text
