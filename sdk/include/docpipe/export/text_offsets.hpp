#pragma once
/// @file export/text_offsets.hpp
/// Byte-to-code-point offsets for exporters, counting malformed text the way the JSON writer writes it.
///
/// On valid UTF-8 this is docpipe::CodepointIndex.
///
/// Malformed text. Document::text should be valid UTF-8, but a faulty stage could break it. The JSON
/// writer then emits one U+FFFD per malformed byte; so that offsets still index the exported text,
/// malformed text is counted the same way (each malformed byte one code point, each well-formed
/// sequence one) with a per-byte table, and only then.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "docpipe/span.hpp"
#include "docpipe/utf8.hpp"

namespace docpipe::exporting {

/// Converts byte offsets of one UTF-8 text to code point offsets (Python's `text[begin:end]`):
/// docpipe::CodepointIndex on valid text, a per-byte table on malformed text.
class TextOffsets {
 public:
  /// Indexes @p text, which must outlive this object.
  explicit TextOffsets(std::string_view text) : text_(text), valid_(text) {
    if (!utf8::is_valid(text)) index_malformed();
  }

  /// Code point offset of byte offset @p byte (clamped to the text's end). A byte inside a
  /// multi-byte sequence maps to the code point that contains it.
  std::size_t to_codepoint(std::size_t byte) const noexcept {
    if (per_byte_.empty()) return valid_.to_codepoint(byte);
    return byte >= text_.size() ? malformed_total_ : per_byte_[byte];
  }

  /// Code point offsets of @p span, as {begin, end}.
  std::pair<std::size_t, std::size_t> convert(const Span& span) const noexcept {
    return {to_codepoint(span.begin), to_codepoint(span.end)};
  }

  /// Number of code points in the whole text.
  std::size_t size() const noexcept { return per_byte_.empty() ? valid_.size() : malformed_total_; }

 private:
  void index_malformed() {
    per_byte_.resize(text_.size());
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < text_.size(); ++count) {
      const std::size_t len = std::max<std::size_t>(1, utf8::sequence_length(text_, i));
      for (std::size_t k = 0; k < len; ++k) per_byte_[i + k] = count;
      i += len;
    }
    malformed_total_ = count;
  }

  std::string_view text_;
  CodepointIndex valid_;
  std::vector<std::uint32_t> per_byte_;  // only for malformed text
  std::size_t malformed_total_ = 0;
};

}  // namespace docpipe::exporting
