#pragma once
/// @file section_splitter.hpp
/// The section-split stage's work on one document: metadata, section tree, paragraphs, sentences.

#include <cstddef>

#include "docpipe/document.hpp"

#include "section_tree.hpp"

namespace section_split {

/// Everything the stage can be tuned with (the plugin's parameters).
struct SplitOptions {
  TreeOptions tree;                    ///< Heading recognition and nesting.
  std::size_t runon_min_bytes = 1800;  ///< Lines this long are cut at the blanks between CJK text.
  bool sentences = true;               ///< Fill Document::sentences.
};

/// Fills @p doc's metadata, sections, paragraphs and sentences from doc.text, replacing what those
/// layers held. The text itself is not changed: a front matter block stays in the text, and the
/// paragraphs start after it.
void split_document(docpipe::Document& doc, const SplitOptions& options = {});

}  // namespace section_split
