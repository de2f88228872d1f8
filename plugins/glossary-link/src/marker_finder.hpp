#pragma once
/// @file marker_finder.hpp
/// In-text glossary markers: `“雙減”(6)`, `（6）`, `[6]`, `【6】` right after a term.

#include <string_view>
#include <vector>

#include "docpipe/span.hpp"
#include "enumerator.hpp"

namespace docpipe::glossary_link {

/// The markers in [@p range.begin, @p range.end) of @p text. A marker must follow a word (at most one
/// blank between): a number at the start of a line or after `。：，、；` numbers a list item instead.
/// Numbers above @p max_number are ignored.
std::vector<Enumerator> find_markers(std::string_view text, Span range, int max_number = 999);

}  // namespace docpipe::glossary_link
