#pragma once
/// @file span.hpp
/// Half-open byte ranges into Document::text.

#include <cstddef>
#include <string_view>

namespace docpipe {

/// A half-open range [begin, end) of **UTF-8 byte offsets into Document::text**.
///
/// Inside the engine and the plugins every span counts bytes of the UTF-8 text, always on code point
/// boundaries, so `text.substr(begin, end - begin)` is the spanned text. Exporters convert to code
/// point offsets for their users with docpipe::CodepointIndex; the source bytes of the original input
/// are reached with docpipe::SourceMap.
struct Span {
  std::size_t begin = 0;  ///< First byte of the range.
  std::size_t end = 0;    ///< One past the last byte of the range; end >= begin.

  /// Number of bytes covered.
  std::size_t size() const noexcept { return end - begin; }
  /// True when the range covers no byte.
  bool empty() const noexcept { return end == begin; }
  /// True when @p other lies wholly inside this span.
  bool contains(const Span& other) const noexcept { return begin <= other.begin && other.end <= end; }
  /// True when the two spans share at least one byte.
  bool overlaps(const Span& other) const noexcept { return begin < other.end && other.begin < end; }
  /// The spanned part of @p text (which must be the text the span was made for).
  std::string_view of(std::string_view text) const noexcept {
    return begin <= end && end <= text.size() ? text.substr(begin, end - begin) : std::string_view{};
  }
  friend bool operator==(const Span& a, const Span& b) noexcept { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(const Span& a, const Span& b) noexcept { return !(a == b); }
  friend bool operator<(const Span& a, const Span& b) noexcept {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  }
};

}  // namespace docpipe
