#pragma once
/// @file text_cursor.hpp
/// Small code point helpers over UTF-8 byte offsets, shared by the parsers of this plugin.

#include <cstddef>
#include <string_view>

#include "docpipe/utf8.hpp"

namespace docpipe::glossary_link {

/// The code point starting at byte @p pos of @p s (0 at the end).
inline char32_t at(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size()) return 0;
  return utf8::next(s, pos);
}

/// Byte offset of the code point before byte @p pos (0 when @p pos is 0).
inline std::size_t prev_pos(std::string_view s, std::size_t pos) noexcept {
  if (pos == 0) return 0;
  --pos;
  while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

/// The code point before byte @p pos (0 at the start).
inline char32_t before(std::string_view s, std::size_t pos) noexcept {
  return pos == 0 ? 0 : at(s, prev_pos(s, pos));
}

/// Byte offset just past the code point at @p pos.
inline std::size_t next_pos(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size()) return s.size();
  utf8::next(s, pos);
  return pos;
}

/// True for horizontal white space, ASCII or ideographic.
inline bool is_blank(char32_t c) noexcept { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r'; }

/// True for any white space including line breaks.
inline bool is_space(char32_t c) noexcept { return is_blank(c) || c == '\n' || c == '\f' || c == '\v'; }

/// True for `:` and `：`.
inline bool is_colon(char32_t c) noexcept { return c == ':' || c == 0xFF1A; }

/// True for punctuation that ends a sentence: `。！？；` and their ASCII forms.
inline bool is_sentence_end(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' || c == ';';
}

/// Value of an ASCII or full-width decimal digit, or -1.
inline int digit_value(char32_t c) noexcept {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

/// Moves @p pos forward past white space (including line breaks when @p lines) and markdown `*`/`#`.
inline std::size_t skip_decoration(std::string_view s, std::size_t pos, bool lines = true) noexcept {
  while (pos < s.size()) {
    const char32_t c = at(s, pos);
    if (!(is_blank(c) || c == '*' || c == '#' || (lines && (c == '\n' || c == '\f' || c == '\v')))) break;
    pos = next_pos(s, pos);
  }
  return pos;
}

}  // namespace docpipe::glossary_link
