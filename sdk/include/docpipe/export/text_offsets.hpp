#pragma once
/// @file export/text_offsets.hpp
/// Byte-to-code-point offset conversion tuned for exporters, which convert every span of every layer.
///
/// docpipe::CodepointIndex scans up to 256 bytes per lookup; an export converts thousands of spans
/// per document, so this index keeps a checkpoint every 64 bytes and counts the rest eight bytes at
/// a time. Results are identical to CodepointIndex (a test checks this).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "docpipe/span.hpp"

namespace docpipe::exporting {

/// Converts byte offsets of one UTF-8 text to code point offsets (Python's `text[begin:end]`).
class TextOffsets {
 public:
  /// Indexes @p text, which must outlive this object.
  explicit TextOffsets(std::string_view text) : text_(text) {
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

  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;
  std::size_t total_ = 0;
};

}  // namespace docpipe::exporting
