#pragma once
/// @file testkit/span_checks.hpp
/// The offset contract, checked: every span of every layer lies inside Document::text, on code point
/// boundaries, with begin <= end; the source map covers the text and the input.

#include <string>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe::testkit {

/// One sentence per broken span or map, naming the layer and index (e.g. "numbers[3].span [12, 9)
/// ends before it begins"); empty when @p doc keeps the contract. At most @p limit sentences.
std::vector<std::string> span_problems(const Document& doc, std::size_t limit = 20);

/// One sentence per layer that breaks the order document.hpp promises: repairs, numbers,
/// indicators, glossary links and unresolved markers in text order (by begin); paragraphs and
/// sentences in order and not overlapping. Empty when every layer is in order.
std::vector<std::string> order_problems(const Document& doc);

/// True when @p offset is a code point boundary of @p text (its end included).
bool on_boundary(const std::string& text, std::size_t offset) noexcept;

}  // namespace docpipe::testkit
