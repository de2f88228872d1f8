#pragma once
/// @file inline_marks.hpp
/// Rendering overlapping spans (numbers, glossary links, repairs, ...) as properly nested HTML.

#include <string>
#include <string_view>
#include <unordered_set>
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
  std::string anchor;         ///< The id its first element carries (in `open`), or empty.
};

/// The order MarkedText keeps its marks in: by start, longer first, then by rank.
bool mark_order(const Mark& a, const Mark& b) noexcept;

/// A text with its marks, ready to render any range of it as well-nested HTML.
class MarkedText {
 public:
  /// Takes @p marks over @p text (which must outlive this object) and sorts them by mark_order().
  MarkedText(std::string_view text, std::vector<Mark> marks);

  /// Appends the bytes [@p range.begin, @p range.end) of the text to @p out, escaped, with every
  /// mark that overlaps the range wrapped around its part of the range.
  ///
  /// The first element written for a mark, in this or an earlier call, uses `open`; every later one
  /// uses `open_continued`, so an id in `open` appears once even when ranges cut the mark.
  /// A mark that starts before another and ends inside it contains it; marks that cross are split
  /// where the inner one would otherwise close across the outer one's end: the inner mark is closed
  /// and reopened (with `open_continued`) so the output is always well nested. An empty mark is
  /// written as an empty element where it stands. Parts of marks outside the range are left out.
  void render(std::string& out, Span range);

  /// The marks, sorted.
  const std::vector<Mark>& marks() const noexcept { return marks_; }

  /// True when a mark with @p anchor has been written (so a link to it has a target).
  bool rendered(const std::string& anchor) const { return rendered_anchors_.count(anchor) != 0; }

 private:
  std::string_view text_;
  std::vector<Mark> marks_;
  std::vector<bool> opened_;  // per mark: its first element was written
  std::unordered_set<std::string> rendered_anchors_;
  std::size_t longest_ = 0;  // longest mark, to find the ones reaching into a range
};

}  // namespace docpipe::html_export
