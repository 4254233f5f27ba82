#include "ingest/json_element_stream.h"

#include <algorithm>

namespace chorus::ingest {
namespace {

constexpr size_t kChunk = 64 * 1024;

bool IsSpace(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

JsonElementStream::JsonElementStream(ByteSource& source, JsonElementOptions options)
    : source_(source), options_(std::move(options)) {}

int JsonElementStream::Peek() {
  if (pos_ < buffer_.size()) return static_cast<unsigned char>(buffer_[pos_]);
  if (eof_ || !status_.ok()) return -1;
  offset_ += buffer_.size();
  buffer_.resize(kChunk);
  size_t got = 0;
  if (Status s = source_.Read(buffer_.data(), kChunk, &got); !s.ok()) {
    buffer_.clear();
    pos_ = 0;
    status_ = s;
    eof_ = true;
    return -1;
  }
  buffer_.resize(got);
  pos_ = 0;
  if (got == 0) {
    eof_ = true;
    return -1;
  }
  return static_cast<unsigned char>(buffer_[0]);
}

int JsonElementStream::Get() {
  const int c = Peek();
  if (c >= 0) ++pos_;
  return c;
}

void JsonElementStream::SkipSpace() {
  while (IsSpace(Peek())) ++pos_;
}

bool JsonElementStream::Fail(const std::string& message) {
  if (status_.ok()) {
    status_ = Status::Error(message + " (at byte " + std::to_string(offset_ + pos_) + ")");
  }
  state_ = State::kDone;
  return false;
}

bool JsonElementStream::Expect(char c, const char* what) {
  SkipSpace();
  const int got = Get();
  if (got == c) return true;
  if (got < 0) return Fail(std::string("the JSON ends early: expected ") + what);
  return Fail(std::string("broken JSON: expected ") + what);
}

bool JsonElementStream::ReadKey(std::string* key) {
  key->clear();
  if (!Expect('"', "a key")) return false;
  for (;;) {
    const int c = Get();
    if (c < 0) return Fail("the JSON ends inside a key");
    if (c == '"') return true;
    if (c == '\\') {
      const int e = Get();
      if (e < 0) return Fail("the JSON ends inside a key");
      key->push_back('\\');
      key->push_back(static_cast<char>(e));
    } else {
      key->push_back(static_cast<char>(c));
    }
    if (key->size() > 4096) return Fail("a key longer than 4096 bytes");
  }
}

bool JsonElementStream::SkipValue(std::string* capture) {
  SkipSpace();
  std::vector<char> stack;  // the closers of the open containers
  bool in_string = false, escaped = false;
  const auto keep = [&](int c) {
    if (!capture) return true;
    if (capture->size() >= options_.max_element_bytes) {
      return Fail("an element larger than " + std::to_string(options_.max_element_bytes >> 20) +
                  " MiB");
    }
    capture->push_back(static_cast<char>(c));
    return true;
  };
  bool started = false;
  for (;;) {
    const int c = Peek();
    if (c < 0) return Fail("the JSON ends inside a value");
    if (in_string) {
      ++pos_;
      if (!keep(c)) return false;
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
        if (stack.empty()) return true;
      }
      continue;
    }
    if (c == '"') {
      ++pos_;
      in_string = true;
      started = true;
      if (!keep(c)) return false;
      continue;
    }
    if (c == '{' || c == '[') {
      if (stack.size() >= options_.max_depth) return Fail("JSON nested too deeply");
      stack.push_back(c == '{' ? '}' : ']');
    } else if (c == '}' || c == ']') {
      if (stack.empty()) {
        // The end of the enclosing container: a scalar ended here.
        return started ? true : Fail("broken JSON: a value is missing");
      }
      if (stack.back() != c) return Fail("broken JSON: mismatched brackets");
      stack.pop_back();
      ++pos_;
      if (!keep(c)) return false;
      if (stack.empty()) return true;
      continue;
    } else if (stack.empty() && (c == ',' || IsSpace(c))) {
      return started ? true : Fail("broken JSON: a value is missing");
    }
    ++pos_;
    started = true;
    if (!keep(c)) return false;
  }
}

bool JsonElementStream::Start() {
  if (Peek() == 0xEF) {  // a UTF-8 byte-order mark
    for (int i = 0; i < 3; ++i) Get();
  }
  SkipSpace();
  int c = Peek();
  if (options_.javascript_prefix && c != '[' && c != '{') {
    for (size_t n = 0;; ++n) {
      c = Get();
      if (c == '=') break;
      if (c < 0 || n > 256) return Fail("expected `name = [` at the start of the file");
    }
    SkipSpace();
    c = Peek();
  }
  if (c == '[') {
    ++pos_;
    top_is_array_ = true;
    found_ = true;
    state_ = State::kArray;
    first_ = true;
    return true;
  }
  if (c == '{' && !options_.keys.empty()) {
    ++pos_;
    state_ = State::kObjectKeys;
    first_ = true;
    return true;
  }
  if (c < 0) return Fail("the file is empty");
  return Fail(options_.keys.empty() ? "expected a JSON array" : "expected a JSON object");
}

bool JsonElementStream::Next(std::string* element) {
  element->clear();
  for (;;) {
    switch (state_) {
      case State::kDone:
        return false;
      case State::kStart:
        if (!Start()) return false;
        break;
      case State::kObjectKeys: {
        SkipSpace();
        if (Peek() == '}') {
          ++pos_;
          state_ = State::kEnd;
          break;
        }
        if (!first_ && !Expect(',', "',' or '}'")) return false;
        first_ = false;
        std::string key;
        if (!ReadKey(&key) || !Expect(':', "':'")) return false;
        SkipSpace();
        if (!found_ && Peek() == '[' &&
            std::find(options_.keys.begin(), options_.keys.end(), key) != options_.keys.end()) {
          ++pos_;
          found_ = true;
          state_ = State::kArray;
          first_ = true;
          break;
        }
        if (!SkipValue(nullptr)) return false;
        break;
      }
      case State::kArray: {
        SkipSpace();
        if (Peek() == ']') {
          ++pos_;
          if (top_is_array_) {
            state_ = State::kEnd;
          } else {
            state_ = State::kObjectKeys;
            first_ = false;
          }
          break;
        }
        if (!first_ && !Expect(',', "',' or ']'")) return false;
        first_ = false;
        if (!SkipValue(element)) return false;
        ++count_;
        return true;
      }
      case State::kEnd: {
        SkipSpace();
        if (options_.javascript_prefix && Peek() == ';') {
          ++pos_;
          SkipSpace();
        }
        if (Peek() >= 0) return Fail("unexpected text after the JSON");
        if (!status_.ok()) return Fail(status_.message());
        state_ = State::kDone;
        if (!found_) {
          std::string names;
          for (const auto& k : options_.keys) names += (names.empty() ? "\"" : ", \"") + k + "\"";
          status_ = Status::Error("no array " + names + " in the file");
        }
        return false;
      }
    }
  }
}

}  // namespace chorus::ingest
