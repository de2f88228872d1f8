#pragma once
/// @file footnotes.hpp
/// Which glossary links become Markdown footnote references, and the labels they use.

#include <string>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe::markdown_export {

/// Which term mentions get a footnote reference (markers always do).
enum class TermReferences { first, all, none };

/// A change to the text for footnotes: [begin, end) replaced by `[^label]` (a marker), or, when
/// begin == end, `[^label]` inserted there (after a term mention).
struct FootnoteEdit {
  Span span;           ///< Replaced range, or the insertion point.
  std::string label;   ///< The footnote label.
};

/// The footnote label of each glossary entry: its number when it has a unique positive one, else
/// `g` and its position (1-based), so labels never collide.
std::vector<std::string> footnote_labels(const Glossary& glossary);

/// The edits for @p doc's glossary links, in text order and never overlapping: each marker link is
/// replaced by its reference; a term link gets a reference after it as @p terms says, unless a
/// marker of the same entry follows right after it (closing quotes and spaces between allowed) (the marker already refers). Links to missing
/// entries, spans that do not fit the text and links overlapping an earlier edit are skipped.
std::vector<FootnoteEdit> footnote_edits(const Document& doc, const std::vector<std::string>& labels,
                                         TermReferences terms);

}  // namespace docpipe::markdown_export
