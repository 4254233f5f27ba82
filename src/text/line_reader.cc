#include "text/line_reader.h"

namespace chorus::text {

bool LineReader::Next(std::string* line, bool* truncated) {
  line->clear();
  *truncated = false;
  std::streambuf* buffer = in_.rdbuf();
  if (!buffer) return false;
  bool any = false;
  for (;;) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in_.setstate(std::ios::eofbit);
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line->size() < max_bytes_)
      line->push_back(static_cast<char>(c));
    else
      *truncated = true;
  }
  if (!any) return false;
  if (!*truncated && !line->empty() && line->back() == '\r') line->pop_back();
  ++line_number_;
  return true;
}

}  // namespace chorus::text
