#pragma once
/// @file char_fold.hpp
/// Folds the characters that matter to number reading onto one form, so the scanner compares one
/// script and one width: full-width ASCII to ASCII, traditional characters to simplified.

namespace number_extract {

/// The fold of every code point of the Basic Multilingual Plane (65536 entries, then one more, so a
/// four-byte read at any entry stays inside the table), built once.
const char16_t* fold_table() noexcept;

/// The folded form of @p cp: full-width forms (U+FF01..U+FF5E) become ASCII, the ideographic space
/// a space, and traditional characters (one-to-one pairs of OpenCC's tables over the corpus's
/// vocabulary) simplified. Every other code point is returned unchanged.
inline char32_t fold(char32_t cp) noexcept {
  if (cp < 0x80 || cp >= 0x10000) return cp;
  static const char16_t* const table = fold_table();
  return table[cp];
}

}  // namespace number_extract
