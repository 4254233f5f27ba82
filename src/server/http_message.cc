#include "server/http_message.h"

namespace chorus::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const std::string* FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (HeaderNameEquals(key, name)) return &value;
  }
  return nullptr;
}

}  // namespace

bool HeaderNameEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      if (c == '\0') return false;
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    out->push_back(c);
  }
  return true;
}

bool ParseTarget(std::string_view target, std::string* path,
                 std::vector<std::pair<std::string, std::string>>* params) {
  params->clear();
  if (target.empty() || target.front() != '/') return false;
  const size_t question = target.find('?');
  if (!PercentDecode(target.substr(0, question), /*plus_is_space=*/false, path)) return false;
  if (question == std::string_view::npos) return true;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    std::string key, value;
    if (!PercentDecode(pair.substr(0, eq), true, &key)) return false;
    if (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), true, &value)) {
      return false;
    }
    params->emplace_back(std::move(key), std::move(value));
  }
  return true;
}

std::string HttpRequest::get_header_value(std::string_view name) const {
  const std::string* value = FindHeader(headers, name);
  return value ? *value : std::string();
}

bool HttpRequest::has_header(std::string_view name) const {
  return FindHeader(headers, name) != nullptr;
}

std::string HttpRequest::get_param_value(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

bool HttpRequest::has_param(std::string_view name) const {
  for (const auto& param : params) {
    if (param.first == name) return true;
  }
  return false;
}

void HttpResponse::set_header(std::string_view name, std::string value) {
  if (!HeaderNameEquals(name, "Set-Cookie")) {
    for (auto& [key, existing] : headers) {
      if (HeaderNameEquals(key, name)) {
        existing = std::move(value);
        return;
      }
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

void HttpResponse::set_content(std::string content, std::string type) {
  body = std::move(content);
  content_type = std::move(type);
}

std::string HttpResponse::get_header_value(std::string_view name) const {
  const std::string* value = FindHeader(headers, name);
  return value ? *value : std::string();
}

}  // namespace chorus::server
