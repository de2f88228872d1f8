#pragma once
/// @file blocks.hpp
/// Cutting the text into blocks: lines, and inside run-on lines (a whole report on one line, as
/// scraped from the web) the stretches between the spaces that stood for line breaks.

#include <cstddef>
#include <string_view>
#include <vector>

namespace section_split {

/// One block: a paragraph candidate.
struct Block {
  std::size_t begin = 0;    ///< First non-blank byte.
  std::size_t end = 0;      ///< One past the last non-blank byte.
  std::size_t content = 0;  ///< First byte after the markup prefix (`## `, `> `, `- `, `**`).
  int markdown_level = 0;   ///< Number of `#` of a markdown heading, 0 when none.
  bool bold = false;        ///< The content opens with `**`.
  bool whole_line = true;   ///< The block is a whole line, not a piece of a run-on line.
  bool has_text = false;    ///< Holds at least one Han character, letter or digit.
};

/// Tuning of split_blocks.
struct BlockOptions {
  /// A line at least this many bytes long, and holding at least a fifth of the text, is a
  /// run-on line and is cut at the blanks between CJK text (outside quotes).
  std::size_t runon_min_bytes = 1800;
};

/// Cuts @p text from byte @p from on into blocks, in order; blank lines give no block.
std::vector<Block> split_blocks(std::string_view text, std::size_t from, const BlockOptions& options = {});

/// Positions, inside the run-on line [@p begin, @p end) of @p text, where a new block starts (the
/// first non-blank byte after a cutting blank run). Exposed for tests.
std::vector<std::size_t> runon_cuts(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace section_split
