// JsonElementStream: the elements of one JSON array inside a file of any size, one at a time,
// each as its own small JSON text, reading the file in chunks (memory bounded by the largest
// element, not the file). Platform exports are one huge array: X's tweets.js
// (`window.YTD.tweets.part0 = [ … ]`), Mastodon's outbox.json (`{"orderedItems": [ … ]}`),
// Facebook's posts file (`[ … ]`, or `{"status_updates_v2": [ … ]}` in older exports).
//
// - The array is the top-level value, or the value of one of `keys` in a top-level object
//   (the first such key; the other values are skipped). With `javascript_prefix`, text before
//   the first '[' or '{' up to an '=' is allowed (at most 256 bytes), and a ';' at the end.
// - The stream checks the structure it walks (nesting, strings, commas, nothing after the
//   value); each element's own validity is the caller's parser's to check.
// - Next() returns false at the end or on an error: status() tells which; a file where the
//   array was not found is an error.
//
//   JsonElementStream stream(source, {.keys = {"orderedItems"}});
//   std::string element;
//   while (stream.Next(&element)) { ... }
//   if (!stream.status().ok()) ...
//
// Thread-safety: none; one stream per thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/byte_source.h"

namespace chorus::ingest {

struct JsonElementOptions {
  std::vector<std::string> keys;  // empty: the array must be the top-level value
  bool javascript_prefix = false;
  size_t max_element_bytes = 16 << 20;
  size_t max_depth = 512;
};

class JsonElementStream {
 public:
  JsonElementStream(ByteSource& source, JsonElementOptions options);

  bool Next(std::string* element);
  const Status& status() const { return status_; }
  // Elements returned so far.
  size_t count() const { return count_; }

 private:
  enum class State { kStart, kObjectKeys, kArray, kEnd, kDone };
  int Peek();  // next byte, -1 at the end of input (or after an error)
  int Get();
  void SkipSpace();
  bool Fail(const std::string& message);
  bool Expect(char c, const char* what);
  bool ReadKey(std::string* key);
  // Skips one JSON value; with `capture`, appends its bytes there (capped).
  bool SkipValue(std::string* capture);
  bool Start();

  ByteSource& source_;
  const JsonElementOptions options_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  size_t offset_ = 0;  // bytes consumed before buffer_[0]
  State state_ = State::kStart;
  bool top_is_array_ = false;
  bool first_ = true;
  bool found_ = false;
  size_t count_ = 0;
  Status status_;
};

}  // namespace chorus::ingest
