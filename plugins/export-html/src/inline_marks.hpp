#pragma once
/// @file inline_marks.hpp
/// Rendering overlapping spans (numbers, glossary links, repairs, ...) as properly nested HTML.

#include <string>
#include <string_view>
#include <vector>

#include "docpipe/span.hpp"

namespace docpipe::html_export {

/// One span to wrap in an element.
struct Mark {
  Span span;                  ///< What it wraps (bytes of the text; may be empty, e.g. a deletion).
  int rank = 0;               ///< Among marks with the same span, lower ranks wrap higher ones.
  std::string open;           ///< The start tag of its first (or only) element.
  std::string open_continued; ///< The start tag of each further element when the mark is split.
  std::string close;          ///< The end tag.
};

/// Appends the bytes [@p range.begin, @p range.end) of @p text to @p out, escaped, with every mark
/// that overlaps the range wrapped around its part of the range.
///
/// Marks must be sorted by mark_order() (the caller sorts once per document). A mark that starts
/// before another and ends inside it contains it; marks that cross are split where the inner one
/// would otherwise close across the outer one's end: the inner mark is closed and reopened (with
/// `open_continued`) so the output is always well nested. An empty mark is written as an empty
/// element where it stands. Parts of marks outside the range are left out.
void render_marked(std::string& out, std::string_view text, Span range, const std::vector<Mark>& marks);

/// The order render_marked() expects: by start, longer first, then by rank.
bool mark_order(const Mark& a, const Mark& b) noexcept;

}  // namespace docpipe::html_export
