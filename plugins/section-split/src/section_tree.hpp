#pragma once
/// @file section_tree.hpp
/// Turning heading candidates into the section tree. Nesting follows the label styles (an open
/// `（一）` closes at the next `一、`), numbering must run on (`三、` after `一、` alone is text),
/// unlabeled part headings count only when the document uses them as its outer frame, and
/// everything after an appendix heading (`附件`, `名词解释`) nests under that appendix.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "docpipe/section.hpp"

#include "blocks.hpp"
#include "heading_candidate.hpp"

namespace section_split {

/// Tuning of build_tree.
struct TreeOptions {
  bool plain_headings = true;          ///< Accept unlabeled part headings (`**2023年工作回顾**`).
  std::size_t min_plain_headings = 2;  ///< Fewer unlabeled headings than this are not a frame.
  /// Longest title, in code points, of a top-level `一、` or `（一）` heading.
  std::size_t max_level1_chars = 60;
  CandidateOptions candidates;         ///< How blocks are read as headings.
};

/// Index of the first block of the body: the one after the `各位代表：` salutation, else the first
/// block with a `一、` or `（一）` label, else 0.
std::size_t find_body_start(std::string_view text, const std::vector<Block>& blocks,
                            const std::vector<std::optional<Candidate>>& candidates);

/// Builds the flat section tree (document order, parents before children, spans filled) of
/// @p text from its @p blocks.
std::vector<docpipe::Section> build_tree(std::string_view text, const std::vector<Block>& blocks,
                                         const TreeOptions& options = {});

/// The same from @p candidates already read (read_candidates() with `options.candidates`), one per
/// block, so that a caller that needs them too reads each block once. Throws std::invalid_argument
/// when the counts differ.
std::vector<docpipe::Section> build_tree(std::string_view text, const std::vector<Block>& blocks,
                                         std::vector<std::optional<Candidate>> candidates,
                                         const TreeOptions& options = {});

/// read_candidate() of every block, in order.
std::vector<std::optional<Candidate>> read_candidates(std::string_view text, const std::vector<Block>& blocks,
                                                      const CandidateOptions& options = {});

}  // namespace section_split
