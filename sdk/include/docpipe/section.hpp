#pragma once
/// @file section.hpp
/// The section tree, paragraphs and sentences.

#include <string>

#include "docpipe/span.hpp"

namespace docpipe {

/// One node of the section tree. The tree is stored flat, in document order, in
/// Document::sections; `parent` indexes that vector (-1 for a top-level section), so a child always
/// comes after its parent.
struct Section {
  /// Depth in the tree: 1 for `一、`, 2 for `（一）`, 3 for `1.`, and so on; appendices are level 1.
  int level = 1;
  /// The label as written, without its punctuation: `一`, `（一）` gives `一`, `1`, `①`, `——`.
  std::string label;
  /// The heading's title without its label (for inline headings, the text up to the first `。`).
  std::string title;
  /// What kind of section: `body`, `item` (a `——` speech-style item), `appendix`, `glossary`.
  std::string kind = "body";
  /// Span of the heading (label and title) in the text.
  Span heading;
  /// Span of the whole section: from its heading to the start of the next section at the same or a
  /// higher level (or the end of the text).
  Span span;
  /// Index of the parent in Document::sections, or -1.
  int parent = -1;
};

}  // namespace docpipe
