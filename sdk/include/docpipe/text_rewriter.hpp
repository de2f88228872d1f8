#pragma once
/// @file text_rewriter.hpp
/// The one way a stage changes Document::text: edits are recorded as repairs, the source map is
/// composed, and the spans of every layer are moved to the new text.

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe {

/// Builds a new text from the document's current text, left to right.
///
/// Call replace() for each edit in increasing order of position (edits may not overlap), then
/// commit(). Everything between edits is kept. Usage:
/// @code
///   TextRewriter rw(doc, "my-plugin");
///   rw.replace(tag.begin, tag.end, "", "html", 1.0);   // delete an HTML tag
///   rw.commit(doc);
/// @endcode
class TextRewriter {
 public:
  /// Starts a rewrite of @p doc's text; @p stage names the plugin in the repairs it records.
  TextRewriter(const Document& doc, std::string stage) : old_(doc.text), stage_(std::move(stage)) {
    text_.reserve(old_.size());
  }

  /// Replaces the old text's bytes [@p begin, @p end) with @p replacement, recording a repair of
  /// @p kind. Throws std::logic_error when the edit is out of order, overlaps the previous one, or
  /// does not lie on code point boundaries.
  void replace(std::size_t begin, std::size_t end, std::string_view replacement, std::string kind,
               double confidence = 1.0, std::string note = {}) {
    if (begin < cursor_ || end < begin || end > old_.size())
      throw std::logic_error("TextRewriter: edit out of order or out of range");
    if (!boundary(begin) || !boundary(end))
      throw std::logic_error("TextRewriter: edit not on a code point boundary");
    keep_until(begin);
    const std::size_t new_begin = text_.size();
    text_.append(replacement);
    segments_.push_back({begin, end, new_begin, text_.size(), false});
    repair_segment_.push_back(segments_.size() - 1);
    Repair r;
    r.span = {new_begin, text_.size()};
    r.before.assign(old_.substr(begin, end - begin));
    r.after.assign(replacement);
    r.kind = std::move(kind);
    r.confidence = confidence;
    r.stage = stage_;
    r.note = std::move(note);
    repairs_.push_back(std::move(r));
    cursor_ = end;
  }

  /// Number of edits so far.
  std::size_t edits() const noexcept { return repairs_.size(); }

  /// Installs the new text in @p doc (which must be the document given to the constructor, unchanged
  /// since): composes Document::source_map, moves the spans of every layer and of the earlier repairs,
  /// fills the source offsets of the new repairs and merges them into Document::repairs in text order.
  void commit(Document& doc) {
    if (doc.text.size() != old_.size()) throw std::logic_error("TextRewriter: document changed under the rewriter");
    keep_until(old_.size());
    if (repairs_.empty()) return;

    SourceMap map;
    for (const Segment& s : segments_) {
      if (s.kept) {
        map.append_slice(doc.source_map, s.old_begin, s.old_end);
      } else {
        const std::size_t src_begin = doc.source_map.to_source(s.old_begin);
        const std::size_t src_end = s.old_end == s.old_begin ? src_begin : doc.source_map.to_source_end(s.old_end);
        // Source bytes deleted earlier at this position stay deleted, as their own unit, so the
        // map's source side stays contiguous.
        if (src_begin > map.source_size()) map.append(0, src_begin - map.source_size());
        // An edit that starts inside a unit an earlier slice already took (a repair inside an earlier
        // repair) maps to the source bytes not yet taken.
        const std::size_t from = std::max(src_begin, map.source_size());
        map.append(s.new_end - s.new_begin, src_end > from ? src_end - from : 0);
      }
    }
    for (std::size_t i = 0; i < repairs_.size(); ++i) {
      const Segment& s = segments_[repair_segment_[i]];
      repairs_[i].source_begin = doc.source_map.to_source(s.old_begin);
      repairs_[i].source_end =
          s.old_end == s.old_begin ? repairs_[i].source_begin : doc.source_map.to_source_end(s.old_end);
    }
    for_each_span(doc, [&](Span& sp) { sp = remap(sp); });
    for (Repair& r : doc.repairs) r.span = remap(r.span);
    std::vector<Repair> merged;
    merged.reserve(doc.repairs.size() + repairs_.size());
    std::merge(std::make_move_iterator(doc.repairs.begin()), std::make_move_iterator(doc.repairs.end()),
               std::make_move_iterator(repairs_.begin()), std::make_move_iterator(repairs_.end()),
               std::back_inserter(merged), [](const Repair& a, const Repair& b) { return a.span < b.span; });
    doc.repairs = std::move(merged);
    doc.text = std::move(text_);
    doc.source_map = std::move(map);
    repairs_.clear();
    repair_segment_.clear();
  }

  /// Where old offset @p offset lands in the new text (an offset inside a replaced range lands at the
  /// start of its replacement). Valid after all edits were made.
  std::size_t map_begin(std::size_t offset) const noexcept { return map_offset(offset, false); }
  /// Like map_begin(), but an offset inside a replaced range lands at the end of its replacement.
  std::size_t map_end(std::size_t offset) const noexcept { return map_offset(offset, true); }

 private:
  struct Segment {
    std::size_t old_begin, old_end, new_begin, new_end;
    bool kept;
  };

  bool boundary(std::size_t offset) const noexcept {
    return offset >= old_.size() || (static_cast<unsigned char>(old_[offset]) & 0xC0) != 0x80;
  }

  void keep_until(std::size_t offset) {
    if (offset <= cursor_) return;
    const std::size_t new_begin = text_.size();
    text_.append(old_.substr(cursor_, offset - cursor_));
    segments_.push_back({cursor_, offset, new_begin, text_.size(), true});
    cursor_ = offset;
  }

  std::size_t map_offset(std::size_t offset, bool as_end) const noexcept {
    if (segments_.empty()) return offset;
    // The last segment starting at or before the offset.
    auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                               [](std::size_t off, const Segment& s) { return off < s.old_begin; });
    if (it == segments_.begin()) return offset;
    const Segment* s = &*(it - 1);
    // An offset at a boundary between segments belongs to the next one for a begin, to the previous
    // one for an end.
    if (as_end && offset == s->old_begin && it - 1 != segments_.begin()) s = &*(it - 2);
    if (s->kept) return s->new_begin + std::min(offset, s->old_end) - s->old_begin;
    if (offset == s->old_begin && !as_end) return s->new_begin;
    return as_end || offset >= s->old_end ? s->new_end : s->new_begin;
  }

  Span remap(const Span& sp) const noexcept {
    const std::size_t b = map_begin(sp.begin);
    const std::size_t e = sp.empty() ? b : std::max(b, map_end(sp.end));
    return {b, e};
  }

  std::string_view old_;
  std::string stage_;
  std::string text_;
  std::size_t cursor_ = 0;
  std::vector<Segment> segments_;
  std::vector<Repair> repairs_;
  std::vector<std::size_t> repair_segment_;  // index into segments_ of each repair
};

}  // namespace docpipe
