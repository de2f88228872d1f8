#pragma once
/// @file numeral_parser.hpp
/// Reads one numeral at a position: Arabic (`1,234.5`, `５.５`), Chinese (`两百零五`, `肆佰陸拾`,
/// `二〇二四`, `一点五`) or mixed with scale words (`341.7亿`, `5万4千6百`, `4.78万亿`).

#include <array>
#include <cstddef>
#include <optional>

#include "folded_text.hpp"

namespace number_extract {

/// A numeral read from the text: code point range and value.
struct Numeral {
  std::size_t begin = 0;      ///< First code point.
  std::size_t end = 0;        ///< One past the last code point.
  double value = 0;           ///< Value with scale words multiplied out.
  bool arabic = false;        ///< Contains Arabic digits.
  bool chinese = false;       ///< Contains Chinese numeral characters (digits or multipliers).
  bool scaled = false;        ///< Contains a scale word (万, 亿, 兆) or a multiplier (十, 百, 千).
  bool fractional = false;    ///< Has a decimal part.
  bool approximate = false;   ///< Contains 多 / 余 / 几 before a scale word (`十多万`): a lower bound.
  bool digit_string = false;  ///< Chinese digits read one by one (`二〇二四`).
  int int_digits = 0;         ///< Arabic integer digits (4 for `2024`), 0 when not purely Arabic.
  int chinese_chars = 0;      ///< Number of Chinese numeral characters.
};

/// What each code point of the Basic Multilingual Plane is to a numeral, one byte each: its Chinese
/// digit value plus one in bits 0..3 (0: no digit), its multiplier's place in kMultipliers in bits
/// 4..6 (0: none), and bit 7 when it can start a numeral. The three tests below run on every
/// candidate character of the scanner, so they are one load instead of a switch behind a call.
extern const std::array<unsigned char, 0x10000> kNumeralClass;
/// The multipliers kNumeralClass refers to, by place.
inline constexpr double kMultipliers[8] = {0, 10, 100, 1000, 1e4, 1e8, 1e12, 0};

/// Value of a Chinese digit character (零〇一二两俩三...九, 壹贰叁...玖), or -1.
inline int chinese_digit(char32_t c) noexcept { return c < 0x10000 ? int(kNumeralClass[c] & 0x0Fu) - 1 : -1; }
/// Value of a multiplier character (十拾 10, 百佰 100, 千仟 1000, 万 1e4, 亿 1e8, 兆 1e12), or 0.
inline double multiplier(char32_t c) noexcept { return c < 0x10000 ? kMultipliers[(kNumeralClass[c] >> 4) & 7u] : 0; }
/// True for characters that can start a numeral: ASCII digits, Chinese digits and the multipliers
/// below 万.
inline bool starts_numeral(char32_t c) noexcept { return c < 0x10000 && (kNumeralClass[c] & 0x80u) != 0; }

/// Reads the longest numeral starting at code point @p i of @p t, or nothing when none starts
/// there. With @p spaced, single spaces between numeral parts are allowed (`一百 五 十 二`, `7 万5 千`).
std::optional<Numeral> parse_numeral(const FoldedText& t, std::size_t i, bool spaced = true);

}  // namespace number_extract
