#pragma once
/// @file block_layout.hpp
/// Cuts a document's text into the blocks a reader sees: section headings and paragraphs. Shared by
/// the exporters that render documents for people (Markdown, HTML) and usable by third-party ones.

#include <algorithm>
#include <string_view>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe::exporting {


/// One block of the rendered body.
struct Block {
  /// What the block is.
  enum class Kind { heading, paragraph };
  Kind kind = Kind::paragraph;  ///< Heading or paragraph.
  Span span;                    ///< Its text, trimmed of surrounding white space.
  int section = -1;             ///< For a heading: index into Document::sections.
};



namespace block_layout_detail {

inline bool on_boundary(std::string_view text, std::size_t offset) {
  return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

inline bool valid(std::string_view text, const Span& s) {
  return s.begin <= s.end && s.end <= text.size() && on_boundary(text, s.begin) && on_boundary(text, s.end);
}

// Length of the white space character at @p pos, or 0.
inline std::size_t space_at(std::string_view text, std::size_t pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') return 1;
  if (text.substr(pos, 3) == "\u3000") return 3;
  if (text.substr(pos, 2) == "\u00A0") return 2;
  return 0;
}

// Length of the white space character ending at @p end, or 0.
inline std::size_t space_before(std::string_view text, std::size_t end) {
  if (end >= 1 && space_at(text, end - 1) == 1) return 1;
  if (end >= 3 && text.substr(end - 3, 3) == "\u3000") return 3;
  if (end >= 2 && text.substr(end - 2, 2) == "\u00A0") return 2;
  return 0;
}

// Adds the lines of [begin, end) as paragraph candidates.
inline void add_lines(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& out) {
  std::size_t line = begin;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == '\n') {
      out.push_back({line, i});
      line = i + 1;
    }
  }
  out.push_back({line, end});
}

}  // namespace block_layout_detail

/// @p span shrunk to exclude leading and trailing white space (ASCII, U+3000, U+00A0) of @p text.
inline Span trim_span(std::string_view text, Span span) {
  while (span.begin < span.end) {
    const std::size_t n = block_layout_detail::space_at(text, span.begin);
    if (n == 0 || span.begin + n > span.end) break;
    span.begin += n;
  }
  while (span.end > span.begin) {
    const std::size_t n = block_layout_detail::space_before(text, span.end);
    if (n == 0 || span.end - n < span.begin) break;
    span.end -= n;
  }
  return span;
}

/// The body of @p doc as headings and paragraphs in text order, never overlapping.
///
/// Headings come from the section tree; a heading that overlaps an earlier one is dropped. The
/// paragraphs are Document::paragraphs, or the text's lines where no paragraph covers it (so a
/// document no splitter has seen still renders whole), minus the headings and the title span. An
/// inline heading therefore cuts its paragraph: the heading becomes a block and the rest of the
/// paragraph another. Blocks that hold only white space are dropped; invalid spans are ignored.
inline std::vector<Block> layout_blocks(const Document& doc) {
  const std::string_view text = doc.text;
  std::vector<Block> blocks;

  // Cuts: the spans no paragraph block may cover.
  std::vector<Span> cuts;
  std::size_t last_heading_end = 0;
  bool any_heading = false;
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Span h = doc.sections[i].heading;
    if (!block_layout_detail::valid(text, h)) continue;
    const Span trimmed = trim_span(text, h);
    if (trimmed.empty()) continue;
    if (any_heading && trimmed.begin < last_heading_end) continue;
    blocks.push_back({Block::Kind::heading, trimmed, static_cast<int>(i)});
    cuts.push_back(h);
    last_heading_end = trimmed.end;
    any_heading = true;
  }
  const Span title = doc.metadata.title_span;
  if (block_layout_detail::valid(text, title) && !title.empty()) cuts.push_back(title);
  std::sort(cuts.begin(), cuts.end());

  // Paragraph candidates: the given paragraphs, and the lines of whatever they leave uncovered.
  std::vector<Span> paragraphs;
  for (const Span& p : doc.paragraphs)
    if (block_layout_detail::valid(text, p) && !p.empty()) paragraphs.push_back(p);
  std::sort(paragraphs.begin(), paragraphs.end());
  std::vector<Span> candidates;
  std::size_t covered = 0;
  for (const Span& p : paragraphs) {
    if (p.begin > covered) block_layout_detail::add_lines(text, covered, p.begin, candidates);
    const Span clipped{std::max(p.begin, covered), p.end};
    if (clipped.begin < clipped.end) candidates.push_back(clipped);
    covered = std::max(covered, p.end);
  }
  if (covered < text.size()) block_layout_detail::add_lines(text, covered, text.size(), candidates);

  // Each candidate minus the cuts.
  std::size_t longest_cut = 0;
  for (const Span& cut : cuts) longest_cut = std::max(longest_cut, cut.size());
  for (const Span& c : candidates) {
    std::size_t pos = c.begin;
    const Span reach{c.begin > longest_cut ? c.begin - longest_cut : 0, 0};
    for (auto it = std::lower_bound(cuts.begin(), cuts.end(), reach); it != cuts.end() && it->begin < c.end; ++it) {
      if (it->end <= pos) continue;
      if (it->begin > pos) {
        const Span piece = trim_span(text, {pos, it->begin});
        if (!piece.empty()) blocks.push_back({Block::Kind::paragraph, piece, -1});
      }
      pos = std::max(pos, it->end);
      if (pos >= c.end) break;
    }
    if (pos < c.end) {
      const Span piece = trim_span(text, {pos, c.end});
      if (!piece.empty()) blocks.push_back({Block::Kind::paragraph, piece, -1});
    }
  }

  std::stable_sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.span < b.span; });
  return blocks;
}

}  // namespace docpipe::exporting
