#pragma once
/// @file char_fold.hpp
/// Folds the characters that matter to number reading onto one form, so the scanner compares one
/// script and one width: full-width ASCII to ASCII, traditional numerals, units and qualifier words
/// to simplified.

namespace number_extract {

/// The folded form of @p cp: full-width forms (U+FF01..U+FF5E) become ASCII, the ideographic full
/// stop used as a decimal point stays as is, and traditional characters of the numeral, unit and
/// qualifier vocabulary become simplified. Every other code point is returned unchanged.
char32_t fold(char32_t cp) noexcept;

}  // namespace number_extract
