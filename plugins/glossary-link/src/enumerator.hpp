#pragma once
/// @file enumerator.hpp
/// Entry numbers of a glossary (`1.`, `1、`, `（1）`, `[1]`) and in-text markers (`(6)`, `[6]`).

#include <cstddef>
#include <optional>
#include <string_view>

#include "docpipe/span.hpp"

namespace docpipe::glossary_link {

/// How a number is written.
enum class NumberStyle {
  dotted,         ///< `1.`, `1．`, `1、`
  parenthesized,  ///< `(1)`, `（1）`
  bracketed,      ///< `[1]`, `［1］`, `【1】`, `〔1〕`
};

/// A number read at some position.
struct Enumerator {
  int number = 0;       ///< Its value (1 to 999).
  NumberStyle style = NumberStyle::dotted;  ///< How it is written.
  Span span;            ///< The whole enumerator, punctuation included.
};

/// Reads an enumerator starting exactly at byte @p pos of @p text: one to three ASCII or full-width
/// digits in one of the NumberStyle forms. A dotted number must not be followed by a digit (so
/// `18.5` is no enumerator) unless @p digit_may_follow (`6.5项工作` as entry 6, which only the
/// numbering sequence can tell).
std::optional<Enumerator> read_enumerator(std::string_view text, std::size_t pos, bool digit_may_follow = false);

/// Reads a marker — a parenthesized or bracketed number — starting exactly at byte @p pos.
std::optional<Enumerator> read_marker(std::string_view text, std::size_t pos);

}  // namespace docpipe::glossary_link
