// LineReader: reads a stream one line at a time with a cap on what it keeps, so that a huge
// or endless line (a binary file, /dev/zero) costs at most `max_bytes` of memory. Lines end
// at "\n"; a "\r" before it is dropped; the last line needs no newline. Bytes are passed
// through as they are (validate UTF-8 downstream).
//
//   LineReader reader(std::cin, 4096);
//   std::string line; bool truncated;
//   while (reader.Next(&line, &truncated)) { ... }
//
// Thread-safety: one reader per thread.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

namespace chorus::text {

class LineReader {
 public:
  LineReader(std::istream& in, size_t max_bytes) : in_(in), max_bytes_(max_bytes) {}

  // The next line (its first max_bytes bytes when longer: *truncated is then true).
  // False at the end of the input.
  bool Next(std::string* line, bool* truncated);

  // 1-based number of the line last returned.
  size_t line_number() const { return line_number_; }

 private:
  std::istream& in_;
  size_t max_bytes_;
  size_t line_number_ = 0;
};

}  // namespace chorus::text
