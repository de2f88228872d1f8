#pragma once
/// @file export/text_offsets.hpp
/// Byte-to-code-point offsets for exporters, counting malformed text the way the JSON writer writes it.
///
/// On valid UTF-8 it gives docpipe::CodepointIndex's answers, with a denser table for faster lookups.
///
/// Malformed text. Document::text should be valid UTF-8, but a faulty stage could break it. The JSON
/// writer then emits one U+FFFD per malformed byte; so that offsets still index the exported text,
/// malformed text is counted the same way (each malformed byte one code point, each well-formed
/// sequence one) with a per-byte table, and only then.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "docpipe/cpu.hpp"
#include "docpipe/export/utf8_scan.hpp"
#include "docpipe/span.hpp"
#include "docpipe/utf8.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DOCPIPE_TEXT_OFFSETS_AVX2 1
#else
#define DOCPIPE_TEXT_OFFSETS_AVX2 0
#endif

namespace docpipe::exporting {

/// Converts byte offsets of one UTF-8 text to code point offsets (Python's `text[begin:end]`):
/// the same answers as docpipe::CodepointIndex on valid text, a per-byte table on malformed text.
///
/// Exporters convert every span of every layer (two lookups per sentence, number, link, ...), so a
/// lookup is one table read and one masked count within an eight-byte word: the table holds the
/// code points before each word (half the text's size in memory, for the life of one export).
class TextOffsets {
 public:
  /// Indexes @p text, which must outlive this object.
  explicit TextOffsets(std::string_view text) : text_(text) {
    if (is_well_formed(text)) index_words();
    else index_malformed();
  }

  /// Code point offset of byte offset @p byte (clamped to the text's end). A byte inside a
  /// multi-byte sequence maps to the code point that contains it.
  std::size_t to_codepoint(std::size_t byte) const noexcept {
    if (byte >= text_.size()) return total_;
    if (!per_byte_.empty()) return per_byte_[byte];
    const std::size_t word = byte / 8, within = byte % 8;
    std::size_t count = word_starts_[word];
    if (within != 0) {
      const std::uint64_t w = load_word(word * 8);
      const std::uint64_t first_bytes = ~std::uint64_t{0} >> (64 - 8 * within);  // little-endian load
      count += starts_in_word(w & first_bytes) - (8 - within);
    }
    if (is_trail(text_[byte]) && count > 0) --count;
    return count;
  }

  /// Code point offsets of @p span, as {begin, end}.
  std::pair<std::size_t, std::size_t> convert(const Span& span) const noexcept {
    return {to_codepoint(span.begin), to_codepoint(span.end)};
  }

  /// True when the text is well-formed UTF-8 (checked once, here).
  bool well_formed() const noexcept { return per_byte_.empty(); }

  /// Number of code points in the whole text.
  std::size_t size() const noexcept { return total_; }

 private:
  static bool is_trail(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  // The word of text at @p at, zero-padded past the end (a zero byte is no trail byte, and the
  // lookups mask it away). Little-endian order: byte k of the text is bits 8k..8k+7.
  std::uint64_t load_word(std::size_t at) const noexcept {
    std::uint64_t w = 0;
    const std::size_t n = std::min<std::size_t>(8, text_.size() - at);
    if (n == 8) {
      __builtin_memcpy(&w, text_.data() + at, 8);
    } else {
      for (std::size_t k = 0; k < n; ++k) w |= std::uint64_t(static_cast<unsigned char>(text_[at + k])) << (8 * k);
    }
    return w;
  }

  // Bytes of @p w that start a code point (are not 10xxxxxx); bytes masked to zero count as
  // starts. A trail byte has bit 7 set and bit 6 clear; the eight flags are summed with one
  // multiply (std::popcount without -mpopcnt is a library call).
  static std::size_t starts_in_word(std::uint64_t w) noexcept {
    const std::uint64_t trail = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
    return 8 - static_cast<std::size_t>((trail * 0x0101010101010101ULL) >> 56);
  }

  void index_words() {
    const std::size_t full = text_.size() / 8;
    // Every entry is written below: no zero-filling first.
    word_starts_ = std::make_unique_for_overwrite<std::uint32_t[]>(full + 1);
    std::size_t count = 0, k = 0;
#if DOCPIPE_TEXT_OFFSETS_AVX2
    if (full >= 4 && cpu_has_avx2()) {
      k = full / 4 * 4;
      count = index_blocks_avx2(text_.data(), full / 4, word_starts_.get());
    }
#endif
    for (; k < full; ++k) {
      word_starts_[k] = static_cast<std::uint32_t>(count);
      std::uint64_t w;
      __builtin_memcpy(&w, text_.data() + k * 8, 8);
      count += starts_in_word(w);
    }
    word_starts_[full] = static_cast<std::uint32_t>(count);
    for (std::size_t i = full * 8; i < text_.size(); ++i) count += !is_trail(text_[i]);
    total_ = count;
  }

#if DOCPIPE_TEXT_OFFSETS_AVX2
  // index_words() for the first 32 * @p blocks bytes of @p text, four words per step: one compare
  // marks the trail bytes, and each word's code point starts are eight less the population count of
  // its byte of the mask (half the instructions of the word-by-word loop, for the same entries).
  // Returns the code points before the first word not indexed. Call only when cpu_has_avx2().
  __attribute__((target("avx2,popcnt"))) static std::size_t index_blocks_avx2(const char* text, std::size_t blocks,
                                                                              std::uint32_t* starts) noexcept {
    const __m256i top_two = _mm256_set1_epi8(static_cast<char>(0xC0));
    const __m256i trail = _mm256_set1_epi8(static_cast<char>(0x80));
    std::size_t count = 0;
    for (std::size_t b = 0; b < blocks; ++b) {
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + 32 * b));
      const auto mask = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(v, top_two), trail)));
      std::uint32_t* at = starts + 4 * b;
      for (int w = 0; w < 4; ++w) {
        at[w] = static_cast<std::uint32_t>(count);
        count += 8 - static_cast<std::size_t>(__builtin_popcount((mask >> (8 * w)) & 0xFFu));
      }
    }
    return count;
  }
#endif

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
  std::unique_ptr<std::uint32_t[]> word_starts_;  // valid text: code points before each eight-byte word
  std::vector<std::uint32_t> per_byte_;     // malformed text: the code point of each byte
  std::size_t total_ = 0;
};

}  // namespace docpipe::exporting
