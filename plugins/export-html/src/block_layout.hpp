#pragma once
/// @file block_layout.hpp
/// Cuts a document's text into the blocks a page shows: section headings and paragraphs.

#include <string_view>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe::html_export {

/// One block of the rendered body.
struct Block {
  /// What the block is.
  enum class Kind { heading, paragraph };
  Kind kind = Kind::paragraph;  ///< Heading or paragraph.
  Span span;                    ///< Its text, trimmed of surrounding white space.
  int section = -1;             ///< For a heading: index into Document::sections.
};

/// The body of @p doc as headings and paragraphs in text order, never overlapping.
///
/// Headings come from the section tree; a heading that overlaps an earlier one is dropped. The
/// paragraphs are Document::paragraphs, or the text's lines where no paragraph covers it (so a
/// document no splitter has seen still renders whole), minus the headings and the title span. An
/// inline heading therefore cuts its paragraph: the heading becomes a block and the rest of the
/// paragraph another. Blocks that hold only white space are dropped; invalid spans are ignored.
std::vector<Block> layout_blocks(const Document& doc);

/// @p span shrunk to exclude leading and trailing white space (ASCII, U+3000, U+00A0) of @p text.
Span trim_span(std::string_view text, Span span);

}  // namespace docpipe::html_export
