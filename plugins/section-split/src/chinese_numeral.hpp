#pragma once
/// @file chinese_numeral.hpp
/// Reading the small Chinese numerals used in labels (`十二`) and dates (`二〇二四`).

#include <cstddef>
#include <string_view>

namespace section_split {

/// Value of one Chinese digit `〇零一二…九` (either script of 两/兩), or -1.
int chinese_digit(char32_t c) noexcept;

/// Parses a label numeral `一` … `九十九` (`十`, `十二`, `二十`, `二十三`) at the start of @p s.
/// Returns its value and sets @p length to the bytes read, or returns 0 (length 0) when @p s does not
/// start with one. Digit strings without `十` longer than one digit (`二〇`) are not label numerals.
int parse_label_numeral(std::string_view s, std::size_t& length) noexcept;

/// Parses a year written digit by digit (`二〇二四`, `一九九三`) at the start of @p s; returns the
/// year and sets @p length, or 0.
int parse_digit_year(std::string_view s, std::size_t& length) noexcept;

/// Parses either an Arabic (`12`, full-width `１２`) or a Chinese (`十二`) number at the start of
/// @p s; returns it and sets @p length, or returns -1.
int parse_any_number(std::string_view s, std::size_t& length) noexcept;

}  // namespace section_split
