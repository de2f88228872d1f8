#pragma once
/// @file unit_lexicon.hpp
/// The words that may follow a number: currencies, percent signs, measure units and measure words.

#include <cstddef>
#include <string>
#include <string_view>

#include "folded_text.hpp"

namespace number_extract {

/// What a unit word makes of the number before it.
enum class UnitClass {
  money,              ///< A currency: the unit becomes its ISO code (元 -> CNY).
  percent,            ///< `%`, `％`.
  percentage_point,   ///< `个百分点`, `百分点`.
  measure,            ///< A unit of measure or a measure word, kept as written (户, 亩, 公里).
  year,               ///< 年 (a year or a number of years, told apart by the scanner).
  month,              ///< 月.
  day,                ///< 日 / 号.
};

/// One unit word found after a number.
struct UnitMatch {
  std::size_t end = 0;    ///< One past its last code point.
  UnitClass cls = UnitClass::measure;
  std::string_view code;  ///< ISO code for money (`CNY`, a literal of the lexicon); empty otherwise.
  double scale = 1;       ///< Factor the value takes (角 0.1 yuan); 1 for most.
};

/// Finds the longest unit word starting at code point @p i (spaces before it allowed when
/// @p spaced), or returns false.
bool match_unit(const FoldedText& t, std::size_t i, UnitMatch& out, bool spaced = false);

/// Finds a currency symbol that stands before a number (`￥300`, `$20`, `€5`) at @p i.
bool match_currency_symbol(const FoldedText& t, std::size_t i, std::string& code);

}  // namespace number_extract
