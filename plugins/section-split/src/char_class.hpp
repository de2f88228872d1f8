#pragma once
/// @file char_class.hpp
/// Character classes the splitter needs, decided on code points so both scripts and both widths of
/// punctuation (full-width `，` and its ASCII fold `,`) are treated alike.

#include <cstddef>
#include <string_view>

#include "docpipe/utf8.hpp"

namespace section_split {

/// Decodes the code point at @p pos without advancing; U+FFFD for malformed bytes.
inline char32_t peek(std::string_view s, std::size_t pos) noexcept {
  return docpipe::utf8::next(s, pos);
}

/// Byte offset of the code point that ends just before @p pos (pos must be a boundary, > 0).
inline std::size_t prev_boundary(std::string_view s, std::size_t pos) noexcept {
  std::size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

/// Horizontal white space of every width that web and Word exports use for indentation: ASCII
/// space and tab, NBSP, the ideographic space U+3000, the U+2000 block, narrow NBSP, BOM.
inline bool is_blank(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == U'\r' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F || c == 0xFEFF;
}

/// Han ideographs (unified, extension A and beyond, compatibility).
inline bool is_han(char32_t c) noexcept {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
         c == 0x3007;  // 〇
}

/// Marks that end a sentence: `。！？；` and their ASCII folds `!?;` (not `.`, which is also the
/// decimal point and the `1.` label).
inline bool is_sentence_end(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == U'!' || c == U'?' || c == U';';
}

/// Closing quotes and brackets that stay with the sentence they close.
inline bool is_closer(char32_t c) noexcept {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == U')' || c == 0x300B ||
         c == 0x3011 || c == U']' || c == 0xFF3D || c == 0x3009;
}

/// Opening brackets (not quotes, whose ASCII fold `"` is ambiguous).
inline bool is_open_bracket(char32_t c) noexcept {
  return c == 0xFF08 || c == U'(' || c == 0x300A || c == 0x3010 || c == U'[' || c == 0xFF3B || c == 0x3008 ||
         c == 0x300C || c == 0x300E;
}

/// Closing brackets matching is_open_bracket.
inline bool is_close_bracket(char32_t c) noexcept {
  return c == 0xFF09 || c == U')' || c == 0x300B || c == 0x3011 || c == U']' || c == 0xFF3D || c == 0x3009 ||
         c == 0x300D || c == 0x300F;
}

/// Commas and enumeration commas, both widths.
inline bool is_comma(char32_t c) noexcept { return c == 0xFF0C || c == U',' || c == 0x3001; }

/// Colons, both widths.
inline bool is_colon(char32_t c) noexcept { return c == 0xFF1A || c == U':'; }

/// The dash used for speech-style items: `—` U+2014 and `―` U+2015 (written doubled).
inline bool is_dash(char32_t c) noexcept { return c == 0x2014 || c == 0x2015; }

/// Circled numbers ①..⑳ (and their value, 0 when @p c is not one).
inline int circled_value(char32_t c) noexcept { return c >= 0x2460 && c <= 0x2473 ? int(c - 0x2460) + 1 : 0; }

/// Number of code points in @p s.
inline std::size_t cp_count(std::string_view s) noexcept { return docpipe::utf8::length(s); }

}  // namespace section_split
