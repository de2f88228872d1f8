#pragma once
/// @file folded_text.hpp
/// A text decoded into folded code points, each with its byte offset, so the scanner looks at one
/// script and one width while it still reports byte spans of the original text.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace number_extract {

/// The folded code points of a UTF-8 text and where each starts.
class FoldedText {
 public:
  /// Decodes and folds @p text (malformed bytes become U+FFFD, one per byte).
  explicit FoldedText(std::string_view text);

  /// Number of code points.
  std::size_t size() const noexcept { return size_; }
  /// Folded code point @p i, or 0 past either end (so look-around needs no bounds checks).
  char32_t at(std::ptrdiff_t i) const noexcept {
    // One unsigned comparison for both ends: a negative index wraps to above size_.
    return static_cast<std::size_t>(i) < size_ ? cps_[i] : 0;
  }
  /// Byte offset of code point @p i in the original text (@p i == size() gives the text's size).
  std::size_t byte(std::size_t i) const noexcept { return offsets_[i]; }
  /// Index of the code point starting at byte @p b (the first one starting at or after it).
  std::size_t index_of_byte(std::size_t b) const noexcept;
  /// True when the folded code points from @p i spell @p word (UTF-8, already folded).
  bool matches(std::size_t i, std::u32string_view word) const noexcept {
    return i + word.size() <= size_ && view(i, i + word.size()) == word;
  }
  /// True when the folded code points ending just before @p i spell @p word.
  bool matches_before(std::size_t i, std::u32string_view word) const noexcept {
    return word.size() <= i && view(i - word.size(), i) == word;
  }
  /// The folded code points [@p b, @p e) (valid while this object lives).
  std::u32string_view view(std::size_t b, std::size_t e) const noexcept {
    return std::u32string_view(cps_.get() + b, e - b);
  }
  /// The original UTF-8 text of code points [@p b, @p e).
  std::string_view slice(std::size_t b, std::size_t e) const noexcept {
    return text_.substr(offsets_[b], offsets_[e] - offsets_[b]);
  }

 private:
  std::string_view text_;
  // Plain arrays, filled once without being cleared first: folding runs over every byte of a document.
  std::unique_ptr<char32_t[]> cps_;
  std::unique_ptr<std::uint32_t[]> offsets_;  // size_ + 1 entries
  std::size_t size_ = 0;
};

/// Folds a UTF-8 string (e.g. a pattern from a data file) the way FoldedText folds text.
std::u32string fold_utf8(std::string_view s);

}  // namespace number_extract
