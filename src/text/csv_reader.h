// CsvReader: reads spreadsheet exports record by record, fed in chunks (streaming), on
// libcsv. Handles what real files contain: a UTF-8 byte-order mark, ',' or ';' (Excel in
// Latvian and Polish locales) or tab (pasted from a spreadsheet) as separator, detected from
// the first line (the separator outside quotes that occurs most; ',' on a tie or none),
// quoted fields with separators, doubled quotes and line breaks inside, CRLF or LF line ends.
// Blank lines are skipped. Fields are passed as read (no trimming). Quotes follow RFC 4180
// strictly: a quote inside an unquoted field, or text after a closing quote, is an error.
//
// Each record goes to the callback with its number (1-based, counting the header; a quoted
// line break does not start a new record, so this is the row a spreadsheet shows). The
// callback returns false to stop reading. At most `max_record_bytes` per record: a longer
// one stops the reader with an error, so memory stays bounded for any input.
//
//   CsvReader reader([](int64_t number, std::vector<std::string>& fields) { ...; return true; });
//   reader.Feed(chunk1); reader.Feed(chunk2); reader.Finish();
//   if (!reader.error().empty()) ...
//
// Thread-safety: none; one reader belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::text {

class CsvReader {
 public:
  using RecordCallback = std::function<bool(int64_t number, std::vector<std::string>& fields)>;

  explicit CsvReader(RecordCallback on_record, size_t max_record_bytes = 64 * 1024);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads more bytes; false once the reader has stopped (callback said so, or an error).
  bool Feed(std::string_view bytes);
  // Ends the input: the last record is delivered; an unterminated quoted field is an error.
  void Finish();

  char separator() const { return separator_; }
  // Empty, or why reading stopped early ("record 3 has an unterminated quoted field", ...).
  const std::string& error() const { return error_; }
  // True once the callback has returned false.
  bool stopped_by_callback() const { return stopped_by_callback_; }
  int64_t records() const { return records_; }

 private:
  struct Parser;
  static void OnField(void* data, size_t size, void* self);
  static void OnRecordEnd(int terminator, void* self);
  bool Start();  // detects the separator from the buffered first line and starts libcsv
  bool Parse(std::string_view bytes);

  RecordCallback on_record_;
  const size_t max_record_bytes_;
  std::unique_ptr<Parser> parser_;
  std::string head_;  // bytes before the separator is known
  bool started_ = false, bom_checked_ = false, stopped_ = false, stopped_by_callback_ = false;
  char separator_ = ',';
  std::vector<std::string> fields_;
  size_t record_bytes_ = 0;
  int64_t records_ = 0;
  std::string error_;
};

}  // namespace chorus::text
