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
  /// What goes into Document::numbers (span in bytes): an entry of ScannedNumbers::mentions, which
  /// the stage moves into the document whole, so no mention is copied or moved one by one.
  docpipe::NumberMention* mention = nullptr;
  NumberKind kind = NumberKind::none;  ///< The same as mention.kind.
  docpipe::Span numeral;           ///< Bytes of the numeral alone, without unit and qualifier words.
  std::size_t first_cp = 0;        ///< Code point range of the mention in the FoldedText.
  std::size_t last_cp = 0;         ///< One past the mention's last code point.
  bool discount = false;           ///< A 成 / 折 figure (`九成`, `75折`), reported as a percent.
  docpipe::Span bound;             ///< Bytes of the bound words and numerals without a trailing unit
                                   ///< (`超过300`, `20~100`, `五百多`, `1000以上`), as range specs count.
};

/// The mentions of a text and what the scanner knows of each, in text order: numbers[k].mention
/// points to mentions[k]. Moving it (or moving `mentions` out as a whole) keeps the pointers valid;
/// it is not copied.
struct ScannedNumbers {
  std::vector<docpipe::NumberMention> mentions;  ///< What goes into Document::numbers.
  std::vector<ScannedNumber> numbers;            ///< One for each mention.

  ScannedNumbers() = default;
  ScannedNumbers(ScannedNumbers&&) noexcept = default;
  ScannedNumbers& operator=(ScannedNumbers&&) noexcept = default;
  ScannedNumbers(const ScannedNumbers&) = delete;
  ScannedNumbers& operator=(const ScannedNumbers&) = delete;

  /// The numbers, for code that reads them as a list.
  operator const std::vector<ScannedNumber>&() const noexcept { return numbers; }
  std::size_t size() const noexcept { return numbers.size(); }
  const ScannedNumber& operator[](std::size_t k) const noexcept { return numbers[k]; }
  std::vector<ScannedNumber>::const_iterator begin() const noexcept { return numbers.begin(); }
  std::vector<ScannedNumber>::const_iterator end() const noexcept { return numbers.end(); }
};

/// Scans code points [@p from, @p to) of @p t (the whole text by default) and returns the mentions
/// in text order. Spans are byte offsets of the text @p t was built from.
ScannedNumbers scan_numbers(const FoldedText& t, std::size_t from = 0, std::size_t to = static_cast<std::size_t>(-1));

}  // namespace number_extract
