#pragma once
/// @file mark_scan.hpp
/// Byte-level scanning for the sentence splitter: where the next possible mark is, and how many code
/// points lie before it, without decoding the Han text in between. Inline: called once per mark.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "docpipe/cpu.hpp"
#include "docpipe/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace section_split {

/// The bytes a sentence mark can start with: ASCII `!?;"()[]`, and E2, E3, EF, the lead bytes of
/// `“”`, `。；（）《》【】「」` and the other full-width marks.
inline constexpr std::array<bool, 256> kMayStartMark = [] {
  std::array<bool, 256> t{};
  for (unsigned char b : {'!', '?', ';', '"', '(', ')', '[', ']'}) t[b] = true;
  t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}();

/// True for `，` `、` `：` at @p at (whole before @p end): the commonest code points that share a
/// first byte with the marks but are none, passed over without leaving the scan.
inline bool is_common_non_mark(const unsigned char* bytes, std::size_t at, std::size_t end) noexcept {
  if (end - at < 3) return false;
  const unsigned char b0 = bytes[at], b1 = bytes[at + 1], b2 = bytes[at + 2];
  return (b0 == 0xEF && b1 == 0xBC && (b2 == 0x8C || b2 == 0x9A)) || (b0 == 0xE3 && b1 == 0x80 && b2 == 0x81);
}

/// The last 32-byte block in which next_mark_candidate_avx2() found a candidate: where it starts and
/// which of its positions are candidates (bit k: position begin + k). Marks come in clusters
/// (`”。`, `《…》`, `（…）`), so the next search often starts inside that block and takes its answer
/// from the mask instead of reading the block again. Valid for one text and one end.
struct MarkBlock {
  std::size_t begin = static_cast<std::size_t>(-1);
  std::uint32_t mask = 0;
};

/// next_mark_candidate() thirty-two bytes per step with AVX2, for CPUs that have it (ask
/// docpipe::cpu_has_avx2()): the exact candidates by a nibble table lookup, less `，` `、`
/// `：` by their three bytes. Returns the candidate, and keeps its block in @p last; or the position
/// where fewer than 34 bytes are left before @p end (@p found false).
std::size_t next_mark_candidate_avx2(const unsigned char* bytes, std::size_t pos, std::size_t end, bool& found,
                                     MarkBlock& last) noexcept;

/// The first position in [@p pos, @p end) of @p bytes whose byte kMayStartMark accepts and that
/// does not start `，` `、` `：`, or @p end. Sixteen bytes per step where SSE2 is there: the step takes
/// every ASCII byte (one sign bit test for all sixteen) and E2, E3, EF; the ASCII bytes that are no
/// mark (digits, Latin letters) and the commas and colons are then passed over one by one. @p last
/// carries the block of the previous search over the same text and end (a fresh MarkBlock for the
/// first); a search that starts inside it is answered from its mask.
inline std::size_t next_mark_candidate(const unsigned char* bytes, std::size_t pos, std::size_t end,
                                       MarkBlock& last) noexcept {
#if DOCPIPE_UTF8_AVX2
  if (pos >= last.begin && pos - last.begin < 32) {
    if (const std::uint32_t rest = last.mask & (~std::uint32_t{0} << (pos - last.begin)); rest != 0)
      return last.begin + static_cast<std::size_t>(__builtin_ctz(rest));
    pos = last.begin + 32;  // no candidate left in the block: the next one is past it
  }
  if (pos < end && end - pos >= 34 && docpipe::cpu_has_avx2()) {
    bool found = false;
    pos = next_mark_candidate_avx2(bytes, pos, end, found, last);
    if (found) return pos;
  }
#else
  (void)last;
#endif
#if defined(__SSE2__)
  const __m128i e2 = _mm_set1_epi8(char(0xE2)), e3 = _mm_set1_epi8(char(0xE3)), ef = _mm_set1_epi8(char(0xEF));
  for (; pos + 16 <= end; pos += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    const __m128i lead = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, e2), _mm_cmpeq_epi8(v, e3)), _mm_cmpeq_epi8(v, ef));
    for (unsigned mask = (unsigned(_mm_movemask_epi8(v)) ^ 0xFFFFu) | unsigned(_mm_movemask_epi8(lead)); mask != 0;
         mask &= mask - 1) {
      const std::size_t at = pos + static_cast<std::size_t>(__builtin_ctz(mask));
      if (kMayStartMark[bytes[at]] && !is_common_non_mark(bytes, at, end)) return at;
    }
  }
#endif
  while (pos < end && (!kMayStartMark[bytes[pos]] || is_common_non_mark(bytes, pos, end))) ++pos;
  return pos;
}

/// next_mark_candidate() without a previous search.
inline std::size_t next_mark_candidate(const unsigned char* bytes, std::size_t pos, std::size_t end) noexcept {
  MarkBlock fresh;
  return next_mark_candidate(bytes, pos, end, fresh);
}

/// The number of code points that start in [@p from, @p to) of valid UTF-8 @p bytes: the bytes that
/// are no trail bytes (10xxxxxx), eight at a time.
inline std::size_t count_code_points(const unsigned char* bytes, std::size_t from, std::size_t to) noexcept {
  std::size_t n = 0;
  for (; from + 8 <= to; from += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes + from, 8);
    // the low bit of each byte of `trail`: bit 7 set and bit 6 clear; summed by one multiply
    const std::uint64_t trail = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
    n += 8 - static_cast<std::size_t>((trail * 0x0101010101010101ull) >> 56);
  }
  for (; from < to; ++from) n += (bytes[from] & 0xC0) != 0x80;
  return n;
}

}  // namespace section_split
