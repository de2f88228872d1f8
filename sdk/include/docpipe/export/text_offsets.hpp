#pragma once
/// @file export/text_offsets.hpp
/// Byte-to-code-point offset conversion tuned for exporters, which convert every span of every layer.
///
/// docpipe::CodepointIndex scans up to 256 bytes per lookup; an export converts thousands of spans
/// per document, so this index keeps a checkpoint every 64 bytes and counts the rest eight bytes at
/// a time. On valid UTF-8 the results are identical to CodepointIndex (a test checks this).
///
/// Malformed text. Document::text should be valid UTF-8, but a faulty stage could break it. The JSON
/// writer then emits one U+FFFD per malformed byte; so that offsets still index the exported text,
/// malformed text is counted the same way (each malformed byte one code point, each well-formed
/// sequence one) with a per-byte table, and only then.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "docpipe/span.hpp"
#include "docpipe/utf8.hpp"

namespace docpipe::exporting {

/// Converts byte offsets of one UTF-8 text to code point offsets (Python's `text[begin:end]`).
/// Counts are kept in 32 bits: texts up to 4 G code points.
class TextOffsets {
 public:
  /// Indexes @p text, which must outlive this object.
  explicit TextOffsets(std::string_view text) : text_(text) {
    if (!utf8::is_valid(text)) {
      index_malformed();
      return;
    }
    checkpoints_.resize(text.size() / block + 1);
    std::uint32_t count = 0;
    std::size_t i = 0;
    for (std::size_t b = 0; b < checkpoints_.size(); ++b) {
      checkpoints_[b] = count;
      const std::size_t stop = std::min(text.size(), i + block);
      count += static_cast<std::uint32_t>(starts_in(i, stop));
      i = stop;
    }
    total_ = count;
  }

  /// Code point offset of byte offset @p byte (clamped to the text's end). A byte inside a
  /// multi-byte sequence maps to the code point that contains it.
  std::size_t to_codepoint(std::size_t byte) const noexcept {
    if (byte >= text_.size()) return total_;
    if (!per_byte_.empty()) return per_byte_[byte];
    const std::size_t base = byte / block * block;
    std::size_t count = checkpoints_[byte / block] + starts_in(base, byte);
    if (is_trail(text_[byte]) && count > 0) --count;
    return count;
  }

  /// Code point offsets of @p span, as {begin, end}.
  std::pair<std::size_t, std::size_t> convert(const Span& span) const noexcept {
    return {to_codepoint(span.begin), to_codepoint(span.end)};
  }

  /// Number of code points in the whole text.
  std::size_t size() const noexcept { return total_; }

 private:
  static constexpr std::size_t block = 64;

  static bool is_trail(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  /// Number of bytes in [from, to) that start a code point (are not UTF-8 trail bytes).
  std::size_t starts_in(std::size_t from, std::size_t to) const noexcept {
    std::size_t count = 0;
    std::size_t i = from;
    for (; i + 8 <= to; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, text_.data() + i, 8);
      // A trail byte has bit 7 set and bit 6 clear. The per-byte flags are summed with one multiply
      // rather than std::popcount, which without -mpopcnt is a library call.
      const std::uint64_t trail = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
      count += 8 - static_cast<std::size_t>((trail * 0x0101010101010101ULL) >> 56);
    }
    for (; i < to; ++i) count += !is_trail(text_[i]);
    return count;
  }

  void index_malformed() {
    per_byte_.resize(text_.size());
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < text_.size(); ++count) {
      const std::size_t len = std::max<std::size_t>(1, utf8::sequence_length(text_, i));
      for (std::size_t k = 0; k < len; ++k) per_byte_[i + k] = count;
      i += len;
    }
    total_ = count;
  }

  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;
  std::vector<std::uint32_t> per_byte_;  // only for malformed text
  std::size_t total_ = 0;
};

}  // namespace docpipe::exporting
