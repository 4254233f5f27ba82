#include "ingest/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace chorus::ingest {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

constexpr std::array<std::pair<std::string_view, uint32_t>, 32> kNamed = {{
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"laquo", 0xAB},
    {"raquo", 0xBB},   {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122}, {"euro", 0x20AC},
    {"shy", 0xAD},     {"zwj", 0x200D},    {"zwnj", 0x200C},  {"lrm", 0x200E},   {"rlm", 0x200F},
    {"bull", 0x2022},  {"middot", 0xB7},   {"deg", 0xB0},     {"times", 0xD7},   {"sect", 0xA7},
    {"para", 0xB6},    {"pound", 0xA3},
}};

// Decodes the entity at text[i] == '&' into *out; returns the bytes consumed (0: not one).
size_t DecodeEntityAt(std::string_view text, size_t i, std::string* out) {
  const size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) return 0;
  const std::string_view name = text.substr(i + 1, semi - i - 1);
  if (name[0] == '#') {
    uint32_t cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v = -1;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      if (v < 0) return 0;
      cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + v, 0x110000);
    }
    AppendUtf8(cp, out);
    return semi - i + 1;
  }
  for (const auto& [n, cp] : kNamed) {
    if (n == name) {
      AppendUtf8(cp, out);
      return semi - i + 1;
    }
  }
  return 0;
}

std::string LowerAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

bool IsBlockTag(const std::string& name) {
  static const std::array<std::string_view, 14> kBlocks = {
      "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (const size_t used = DecodeEntityAt(text, i, &out); used > 0) {
        i += used - 1;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string HtmlToText(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  int pending_breaks = 0;  // line breaks owed before the next text
  bool pending_space = false;
  int pre = 0;
  std::string skip_until;  // "</script" or "</style" while inside one
  const auto emit_text = [&](std::string_view piece) {
    if (piece.empty()) return;
    if (!out.empty()) {
      if (pending_breaks > 0) {
        out.append(static_cast<size_t>(pending_breaks), '\n');
      } else if (pending_space) {
        out.push_back(' ');
      }
    }
    pending_breaks = 0;
    pending_space = false;
    out.append(piece);
  };
  std::string word;
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (!skip_until.empty()) {
      const size_t end = LowerAscii(html.substr(i)).find(skip_until);
      if (end == std::string::npos) break;
      i += end;
      skip_until.clear();
      continue;
    }
    if (c == '<') {
      const size_t close = html.find('>', i);
      if (close == std::string_view::npos) {  // a stray '<': text
        emit_text(word + "<");
        word.clear();
        ++i;
        continue;
      }
      emit_text(word);
      word.clear();
      std::string_view tag = html.substr(i + 1, close - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t n = 0;
      while (n < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[n])))) ++n;
      const std::string name = LowerAscii(tag.substr(0, n));
      if (name == "br") {
        if (!out.empty()) pending_breaks = std::min(pending_breaks + 1, 2);
      } else if (IsBlockTag(name)) {
        if (!out.empty())
          pending_breaks = (name == "li" || name == "tr") ? std::max(pending_breaks, 1) : 2;
        if (name == "pre") pre += closing ? -1 : 1;
      } else if (!closing && (name == "script" || name == "style")) {
        skip_until = "</" + name;
      }
      i = close + 1;
      continue;
    }
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && pre <= 0) {
      emit_text(word);
      word.clear();
      pending_space = true;
      ++i;
      continue;
    }
    if (c == '&') {
      std::string decoded;
      if (const size_t used = DecodeEntityAt(html, i, &decoded); used > 0) {
        if (decoded == "\xC2\xA0") {  // &nbsp; is a space in running text
          emit_text(word);
          word.clear();
          pending_space = true;
        } else {
          word += decoded;
        }
        i += used;
        continue;
      }
    }
    word.push_back(c);
    ++i;
  }
  emit_text(word);
  return out;
}

}  // namespace chorus::ingest
