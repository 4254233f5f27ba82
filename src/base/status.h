// Status: the outcome of an operation that can fail, returned as a value (never thrown across
// layers). An OK status carries no message; an error carries a human-readable message and,
// for errors in a file, the 1-based line and column where it was found (0 when unknown).
// Thread-safety: a Status is a plain value; distinct objects may be used from any thread.
#pragma once

#include <string>
#include <utility>

namespace chorus {

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string message, int line = 0, int column = 0) {
    Status s;
    s.ok_ = false;
    s.message_ = std::move(message);
    s.line_ = line;
    s.column_ = column;
    return s;
  }

  bool ok() const { return ok_; }
  const std::string& message() const { return message_; }
  int line() const { return line_; }
  int column() const { return column_; }

  // "message" or "line:column: message".
  std::string ToString() const {
    if (ok_) return "ok";
    if (line_ > 0) return std::to_string(line_) + ":" + std::to_string(column_) + ": " + message_;
    return message_;
  }

 private:
  bool ok_ = true;
  std::string message_;
  int line_ = 0;
  int column_ = 0;
};

}  // namespace chorus
