#pragma once
/// @file source_map.hpp
/// Maps byte offsets of Document::text back to byte offsets of the original input (Document::raw).

#include <algorithm>
#include <cstddef>
#include <vector>

namespace docpipe {

/// A monotone map from text byte offsets to source byte offsets.
///
/// The text is a sequence of *units*; each unit covers `text_unit` bytes of text and `source_unit`
/// bytes of source. A GBK-decoded Chinese character is a unit of 3 text bytes from 2 source bytes; an
/// unchanged UTF-8 stretch is a run of 1:1 units; a removed HTML tag is one unit of 0 text bytes from
/// the tag's source bytes; a repaired span is one unit from the bytes it replaced. Consecutive units
/// of equal shape are stored as one run, so clean text costs one run.
///
/// Exactness: offsets on unit boundaries map exactly. An offset inside a unit maps to the start of
/// that unit (to_source) or to its end (to_source_end), so a span always maps to source bytes that
/// cover it.
class SourceMap {
 public:
  /// One run of `count` equal units.
  struct Run {
    std::size_t text_begin;    ///< Text offset of the run's first unit.
    std::size_t source_begin;  ///< Source offset of the run's first unit.
    std::size_t count;         ///< Number of units.
    std::size_t text_unit;     ///< Text bytes per unit (0 for deleted source bytes).
    std::size_t source_unit;   ///< Source bytes per unit (0 for inserted text).
  };

  /// An empty map (no text, no source).
  SourceMap() = default;

  /// The identity map over @p size bytes (text == source).
  static SourceMap identity(std::size_t size) {
    SourceMap m;
    m.append(size, size);
    return m;
  }

  /// Appends one unit: the next @p text_len bytes of text come from the next @p source_len bytes of
  /// source. Appending 1:1 units one byte at a time merges into a single run.
  void append(std::size_t text_len, std::size_t source_len) {
    if (text_len == 0 && source_len == 0) return;
    if (!runs_.empty()) {
      Run& last = runs_.back();
      if (last.text_unit == text_len && last.source_unit == source_len) {
        ++last.count;
        text_size_ += text_len;
        source_size_ += source_len;
        return;
      }
      // Equal-ratio 1:1 spans of any length collapse into byte units.
      if (last.text_unit == 1 && last.source_unit == 1 && text_len == source_len) {
        last.count += text_len;
        text_size_ += text_len;
        source_size_ += source_len;
        return;
      }
    }
    if (text_len == source_len && text_len > 1) {
      runs_.push_back({text_size_, source_size_, text_len, 1, 1});
    } else {
      runs_.push_back({text_size_, source_size_, 1, text_len, source_len});
    }
    text_size_ += text_len;
    source_size_ += source_len;
  }

  /// Appends @p count equal units of @p text_len text bytes from @p source_len source bytes each: the
  /// same map as @p count calls of append(text_len, source_len), in constant time (a decoder writes
  /// a stretch of like characters, a rewriter copies a stretch of kept units, in one call).
  void append(std::size_t text_len, std::size_t source_len, std::size_t count) {
    if (count == 0 || (text_len == 0 && source_len == 0)) return;
    append(text_len, source_len);
    const std::size_t more = count - 1;
    if (more == 0) return;
    // After one such unit the last run has the unit's shape, or is a run of 1:1 bytes that units of
    // equal lengths join byte by byte.
    Run& last = runs_.back();
    last.count += last.text_unit == text_len && last.source_unit == source_len ? more : more * text_len;
    text_size_ += more * text_len;
    source_size_ += more * source_len;
  }

  /// Appends the mapping of the text range [@p begin, @p end) of @p other, continuing this map's
  /// text and source where they stand. Zero-width units (deleted source) at @p begin are included,
  /// those at @p end only when @p end is the end of @p other.
  void append_slice(const SourceMap& other, std::size_t begin, std::size_t end) {
    if (begin >= end && !(begin == end && end == other.text_size_)) return;
    for (std::size_t r = other.run_at(begin); r < other.runs_.size(); ++r) {
      const Run& run = other.runs_[r];
      if (run.text_unit == 0) {
        const bool inside = run.text_begin >= begin && (run.text_begin < end || end == other.text_size_);
        if (inside) append(0, run.source_unit, run.count);
        if (run.text_begin > end) break;
        continue;
      }
      const std::size_t run_end = run.text_begin + run.count * run.text_unit;
      if (run_end <= begin) continue;
      if (run.text_begin >= end) break;
      const std::size_t from = std::max(begin, run.text_begin);
      const std::size_t to = std::min(end, run_end);
      if (run.text_unit == 1 && run.source_unit == 1) {
        append(to - from, to - from);  // a byte run: taken whole in one step
        continue;
      }
      const std::size_t tu = run.text_unit;
      std::size_t u = (from - run.text_begin) / tu;
      if (from > run.text_begin + u * tu) {
        // A unit cut by the slice's start: its source bytes went with the piece holding its first
        // text byte, so two slices of one unit never count its source twice.
        append(std::min(to, run.text_begin + (u + 1) * tu) - from, 0);
        ++u;
      }
      const std::size_t whole_end = (to - run.text_begin) / tu;  // units ending at or before `to`
      if (whole_end > u) {
        append(tu, run.source_unit, whole_end - u);
        u = whole_end;
      }
      const std::size_t unit_begin = run.text_begin + u * tu;
      if (unit_begin < to) append(to - unit_begin, run.source_unit);  // cut by the slice's end
    }
  }

  /// Source offset where the text byte @p text_offset comes from (start of its unit).
  std::size_t to_source(std::size_t text_offset) const noexcept {
    if (text_offset >= text_size_) return source_size_;
    const Run& run = runs_[containing(text_offset)];
    return run.source_begin + (text_offset - run.text_begin) / run.text_unit * run.source_unit;
  }

  /// Source offset where the text before @p text_offset ends (end of the unit holding the byte
  /// before it): the right end for a half-open span's `end`.
  std::size_t to_source_end(std::size_t text_offset) const noexcept {
    if (text_offset == 0) return 0;
    if (text_offset >= text_size_) return source_size_;
    const std::size_t last = text_offset - 1;
    const Run& run = runs_[containing(last)];
    return run.source_begin + ((last - run.text_begin) / run.text_unit + 1) * run.source_unit;
  }

  /// Total text bytes covered.
  std::size_t text_size() const noexcept { return text_size_; }
  /// Total source bytes covered.
  std::size_t source_size() const noexcept { return source_size_; }
  /// The runs, in text order.
  const std::vector<Run>& runs() const noexcept { return runs_; }

 private:
  /// Index of the run whose text range holds byte @p text_offset (which is < text_size()). Runs
  /// are sorted by text_begin, and zero-width runs never follow a non-empty run that starts at the
  /// same offset, so the last run starting at or before the offset is the one.
  std::size_t containing(std::size_t text_offset) const noexcept {
    auto it = std::upper_bound(runs_.begin(), runs_.end(), text_offset,
                               [](std::size_t off, const Run& r) { return off < r.text_begin; });
    return it == runs_.begin() ? 0 : static_cast<std::size_t>(it - runs_.begin()) - 1;
  }

  /// Index of the first run a slice starting at @p text_offset must look at: the zero-width runs
  /// sitting at the offset come before the run that holds it.
  std::size_t run_at(std::size_t text_offset) const noexcept {
    if (runs_.empty()) return 0;
    std::size_t idx = text_offset < text_size_ ? containing(text_offset) : runs_.size() - 1;
    while (idx > 0 && runs_[idx - 1].text_begin == text_offset && runs_[idx - 1].text_unit == 0) --idx;
    return idx;
  }

  std::vector<Run> runs_;
  std::size_t text_size_ = 0;
  std::size_t source_size_ = 0;
};

}  // namespace docpipe
