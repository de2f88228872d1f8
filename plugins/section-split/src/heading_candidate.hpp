#pragma once
/// @file heading_candidate.hpp
/// Reading one block as a possible heading: which label style it opens with, the label's number,
/// and where the title stands. Whether a candidate becomes a section is decided by the tree
/// builder, which sees the whole document.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "blocks.hpp"

namespace section_split {

/// Label styles, from the outermost to the innermost as reports nest them.
enum class Style {
  appendix,        ///< `附件`, `附件1`, `附录`, `附：`, or a glossary header `名词解释`
  plain_markdown,  ///< an unlabeled `## …` heading
  plain,           ///< an unlabeled short line (bold, or naming a part of the report)
  chinese,         ///< `一、`, `一．`, standalone `一 标题`
  ordinal,         ///< standalone `第一，…` / `一是…`
  paren_chinese,   ///< `（一）`, `(一)`
  arabic,          ///< `1.`, `1．`, `1、`
  paren_arabic,    ///< `（1）`, `(1)`
  bracket_arabic,  ///< `[1]`, `［1］`, `【1】` (glossary notes)
  circled,         ///< `①`
  dash,            ///< `——…。` speech-style item
};

/// A block read as a heading.
struct Candidate {
  Style style = Style::plain;
  int number = 0;                 ///< Value of the label (0 when unlabeled).
  std::string label;              ///< The label without its punctuation (`一`, `1`, `①`, `——`, `附件1`).
  std::size_t label_begin = 0;    ///< First byte of the label (or of the title when unlabeled).
  std::size_t title_begin = 0;    ///< First byte of the title.
  std::size_t title_end = 0;      ///< One past the title (before `。`, `**`, a trailing colon).
  std::size_t term_end = 0;       ///< End of the text before the first colon (glossary term), or 0.
  bool standalone = false;        ///< Nothing but the heading stands in the block.
  bool names_glossary = false;    ///< The title names a glossary (`名词解释`, `注释`, `释义`, …).
  bool part_keyword = false;      ///< The title names a part of a report (`工作回顾`, `工作安排`, …).
};

/// Tuning of read_candidate.
struct CandidateOptions {
  std::size_t max_title_chars = 120;   ///< Titles are cut to this many code points.
  std::size_t max_plain_chars = 30;    ///< Longest unlabeled heading, in code points.
  std::size_t max_item_chars = 50;     ///< Longest `——` item clause, in code points.
};

/// Reads @p block of @p text as a heading candidate, or nothing when it opens with no label and
/// does not look like an unlabeled heading either.
std::optional<Candidate> read_candidate(std::string_view text, const Block& block, const CandidateOptions& options = {});

/// True when @p s contains a word that names a glossary (both scripts).
bool names_glossary(std::string_view s);

/// True when @p s contains a word that names a part of a work report (`回顾`, `安排`, `任务`, …).
bool names_report_part(std::string_view s);

}  // namespace section_split
