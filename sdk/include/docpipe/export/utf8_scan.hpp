#pragma once
/// @file export/utf8_scan.hpp
/// A fast scan over well-formed UTF-8 for exporters: how far a text runs before the first malformed
/// byte (or, for JSON, the first byte that needs an escape).
///
/// Exporters look at every byte of every document twice (validating the text for the offset table and
/// escaping it into JSON), so the scan is built for what a Chinese report is made of: clean ASCII,
/// checked eight bytes per step, and three-byte sequences (the CJK blocks and full-width punctuation),
/// checked two per step. Anything else goes through docpipe::utf8::sequence_length(), so the answers
/// are exactly those of a byte-by-byte scan with it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "docpipe/utf8.hpp"

namespace docpipe::exporting {

/// Which ASCII bytes end a run, besides malformed UTF-8.
enum class AsciiStops {
  none,  ///< Only malformed UTF-8 ends a run (a validity check).
  json,  ///< Also the bytes a JSON string must escape: control characters, '"' and '\\'.
};

namespace detail {

/// True when no byte of @p w is at or above 0x80, nor (with AsciiStops::json) a control character,
/// '"' or '\\'. The "has a byte below n" and "has a zero byte" bit tricks can flag a byte beside a
/// real hit, but never flag a clean word or miss a dirty one.
template <AsciiStops stops>
inline bool plain_ascii_word(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  if constexpr (stops == AsciiStops::none) {
    return (w & highs) == 0;
  } else {
    const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    const std::uint64_t control = (w - ones * 0x20) & ~w;
    const std::uint64_t special = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
    return ((control | special | w) & highs) == 0;
  }
}

/// True when the three bytes of @p v (little-endian: the lead byte in bits 0..7) are a lead byte
/// E1..EC or EE..EF and two trail bytes, which is well-formed whatever the trail bytes' values
/// (E0 and ED restrict their first trail byte and are left to utf8::sequence_length).
inline bool plain_three_byte(std::uint32_t v) noexcept {
  const std::uint32_t lead_low = v & 0x0Fu;
  return (v & 0xC0C0F0u) == 0x8080E0u && lead_low != 0 && lead_low != 0xD;
}

}  // namespace detail

/// The end of the run of @p s that starts at byte @p from and holds only well-formed UTF-8 and no
/// ASCII byte that @p stops names: the offset of the first byte that ends it, or s.size().
template <AsciiStops stops>
inline std::size_t plain_run_end(std::string_view s, std::size_t from) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = from;
  while (i < n) {
    std::uint64_t w;
    while (i + 8 <= n) {
      __builtin_memcpy(&w, p + i, 8);
      if (!detail::plain_ascii_word<stops>(w)) break;
      i += 8;
    }
    if (i == n) break;
    const unsigned c = p[i];
    if (c < 0x80) {
      if (stops == AsciiStops::json && (c < 0x20 || c == '"' || c == '\\')) return i;
      ++i;
      continue;
    }
    // A word holds the bytes in memory order only on little-endian machines; elsewhere the
    // general path below does all the work.
    if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
      for (;;) {
        if (i + 8 <= n) {
          __builtin_memcpy(&w, p + i, 8);
          if (!detail::plain_three_byte(static_cast<std::uint32_t>(w))) break;
          if (!detail::plain_three_byte(static_cast<std::uint32_t>(w >> 24))) {
            i += 3;
            break;
          }
          i += 6;
        } else {  // the last bytes (all of a short string): one sequence per step
          if (i + 3 > n) break;
          const std::uint32_t v = std::uint32_t(p[i]) | (std::uint32_t(p[i + 1]) << 8) | (std::uint32_t(p[i + 2]) << 16);
          if (!detail::plain_three_byte(v)) break;
          i += 3;
        }
      }
      if (i == n || p[i] < 0x80) continue;
    }
    const std::size_t len = utf8::sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

/// True when @p s is well-formed UTF-8: docpipe::utf8::is_valid(), which checks clean text 32 bytes
/// per step where the CPU has AVX2.
inline bool is_well_formed(std::string_view s) noexcept { return utf8::is_valid(s); }

/// The offset of the first byte at or after @p from that a JSON string must escape (a control
/// character, '"' or '\\'), or s.size(). It looks for those ASCII bytes only, so it is
/// plain_run_end<AsciiStops::json>() for text already known to be well-formed UTF-8 (a document's
/// whole text, checked once for its offset table): 16 bytes per step with SSE2, whatever script.
inline std::size_t json_stop_in_well_formed(std::string_view s, std::size_t from) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), last_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Unsigned v <= 0x1F exactly where min(v, 0x1F) == v.
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v);
    const __m128i hit = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (const int mask = _mm_movemask_epi8(hit); mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < n; ++i)
    if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\') return i;
  return n;
}

}  // namespace docpipe::exporting
