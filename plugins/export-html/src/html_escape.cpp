#include "html_escape.hpp"

#include "docpipe/utf8.hpp"

namespace docpipe::html_export {

namespace {

// Control characters other than tab and line breaks are parse errors in HTML, and noncharacters
// make validators and some viewers choke; both only appear in damaged input.
bool forbidden(char32_t cp) noexcept {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + text.size() / 16);
  // Bytes that need no change are copied in runs; most of a report is plain CJK text.
  std::size_t run = 0;
  std::size_t pos = 0;
  auto flush = [&](std::size_t upto) {
    out.append(text.data() + run, upto - run);
  };
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      const char* entity = nullptr;
      switch (byte) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: break;
      }
      if (entity == nullptr && !forbidden(byte)) {
        ++pos;
        continue;
      }
      flush(pos);
      if (entity) out += entity;
      else utf8::append(out, utf8::replacement_character);
      run = ++pos;
      continue;
    }
    // E1..EC lead bytes (most CJK ideographs) can encode neither a control nor a noncharacter.
    if (byte >= 0xE1 && byte <= 0xEC && pos + 2 < text.size() &&
        (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(text[pos + 2]) & 0xC0) == 0x80) {
      pos += 3;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = utf8::next(text, pos);
    const bool malformed = cp == utf8::replacement_character && pos - start == 1;
    if (malformed || forbidden(cp)) {
      flush(start);
      utf8::append(out, utf8::replacement_character);
      run = pos;
    }
  }
  flush(pos);
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string truncated(std::string_view text, std::size_t max_codepoints) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < max_codepoints && pos < text.size(); ++n) utf8::next(text, pos);
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "…";
}

std::string url_path_segment(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    const bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                            b == '-' || b == '.' || b == '_' || b == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 0xF];
    }
  }
  return out;
}

}  // namespace docpipe::html_export
