#pragma once
/// @file number_scanner.hpp
/// Finds every number mention in a text: value, unit, kind and qualifier, and the numeral's own
/// span (what peers such as Recognizers-Text report as "the number").

#include <cstddef>
#include <vector>

#include <docpipe/number.hpp>
#include <docpipe/span.hpp>

#include "folded_text.hpp"

namespace number_extract {

/// NumberMention::kind as a value, for tests in inner loops (the strings are what documents carry).
enum class NumberKind : unsigned char {
  cardinal, money, percent, percentage_point, measure, fraction, ordinal, date, year, name, none
};

/// One mention as the scanner finds it.
struct ScannedNumber {
  docpipe::NumberMention mention;  ///< What goes into Document::numbers (span in bytes).
  NumberKind kind = NumberKind::none;  ///< The same as mention.kind.
  docpipe::Span numeral;           ///< Bytes of the numeral alone, without unit and qualifier words.
  std::size_t first_cp = 0;        ///< Code point range of the mention in the FoldedText.
  std::size_t last_cp = 0;         ///< One past the mention's last code point.
  bool discount = false;           ///< A 成 / 折 figure (`九成`, `75折`), reported as a percent.
  docpipe::Span bound;             ///< Bytes of the bound words and numerals without a trailing unit
                                   ///< (`超过300`, `20~100`, `五百多`, `1000以上`), as range specs count.
};

/// Scans code points [@p from, @p to) of @p t (the whole text by default) and returns the mentions
/// in text order. Spans are byte offsets of the text @p t was built from.
std::vector<ScannedNumber> scan_numbers(const FoldedText& t, std::size_t from = 0, std::size_t to = static_cast<std::size_t>(-1));

}  // namespace number_extract
