#include "decode_utf8_stretches.hpp"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define ENCODING_REPAIR_STRETCH_AVX2 1
#else
#define ENCODING_REPAIR_STRETCH_AVX2 0
#endif

#include "docpipe/cpu.hpp"

namespace encoding_repair {

namespace {

inline bool trail(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

/// Length of the well-formed multi-byte sequence at @p i (lead byte @p c >= 0x80), 0 when none.
inline std::size_t multi_byte(const unsigned char* s, std::size_t i, std::size_t n, unsigned char c) noexcept {
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 2 >= n || !trail(s[i + 1]) || !trail(s[i + 2])) return 0;
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0)) return 0;  // overlong, surrogate
    return 3;
  }
  if (c >= 0xC2 && c <= 0xDF) return i + 1 < n && trail(s[i + 1]) ? 2 : 0;
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 3 >= n || !trail(s[i + 1]) || !trail(s[i + 2]) || !trail(s[i + 3])) return 0;
    if ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90)) return 0;  // overlong, past U+10FFFF
    return 4;
  }
  return 0;
}

/// Reads @p s greedily from @p from, recording the stretches with enough evidence in @p out, and
/// returns the offset of the first byte at or after @p until that no sequence starts at (@p n when
/// none does).
std::size_t scan(const unsigned char* s, std::size_t n, std::size_t from, std::size_t until, std::size_t min_long,
                 std::vector<Utf8Stretch>& out) {
  Utf8Stretch cur;
  bool open = false;      // cur holds at least one multi-byte sequence
  bool adjacent = false;  // two three-byte sequences in a row
  std::size_t last_three_end = 0;
  auto close = [&] {
    if (open && adjacent && cur.long_sequences >= min_long) out.push_back(cur);
    open = false;
  };
  std::size_t i = from;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      // ASCII continues a stretch without being part of its edges.
      ++i;
      while (i + 8 <= n) {
        std::uint64_t word;
        std::memcpy(&word, s + i, 8);
        if (word & 0x8080808080808080ULL) break;
        i += 8;
      }
      continue;
    }
    const std::size_t k = multi_byte(s, i, n, c);
    if (k == 0) {
      close();
      if (i >= until) return i;
      ++i;
      continue;
    }
    if (!open) cur = {i, i, 0}, open = true, adjacent = false;
    if (k == 3) {
      adjacent = adjacent || (cur.long_sequences > 0 && last_three_end == i);
      last_three_end = i + 3;
    }
    cur.long_sequences += k > 2;
    i += k;
    cur.end = i;
  }
  close();
  return n;
}

#if ENCODING_REPAIR_STRETCH_AVX2
/// The start of the well-formed bytes that end at @p p, going back no further than @p floor.
std::size_t extend_back(const unsigned char* s, std::size_t n, std::size_t floor, std::size_t p) {
  while (p > floor) {
    if (s[p - 1] < 0x80) {
      --p;
      continue;
    }
    std::size_t lead = p - 1;
    while (lead > floor && lead + 3 >= p && trail(s[lead])) --lead;
    if (multi_byte(s, lead, n, s[lead]) != p - lead) break;
    p = lead;
  }
  return p;
}

/// Bit j set when the byte at @p p + j is E0-EF (a three-byte lead) or, with @p lead false, 80-BF (a trail).
__attribute__((target("avx2"))) inline std::uint32_t bytes_of(const unsigned char* p, bool lead) noexcept {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i mask = _mm256_set1_epi8(static_cast<char>(lead ? 0xF0 : 0xC0));
  const __m256i want = _mm256_set1_epi8(static_cast<char>(lead ? 0xE0 : 0x80));
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(v, mask), want)));
}

/// scan() over the places where two three-byte sequences may stand in a row (a lead E0-EF and two
/// trail bytes, twice; the finer limits of E0 and ED are left to scan()), found 32 bytes a step from
/// masks of lead and trail bytes: no stretch with evidence lacks one, and text in another encoding
/// has one every few ten thousand bytes.
__attribute__((target("avx2"))) void find_avx2(const unsigned char* s, std::size_t n, std::size_t min_long,
                                                 std::vector<Utf8Stretch>& out) {
  std::size_t i = 0, floor = 0;
  if (n < 64) return (void)scan(s, n, 0, n, min_long, out);
  std::uint64_t lead = bytes_of(s, true), trails = bytes_of(s, false);
  while (i + 64 <= n) {
    // Bits 0-31 for the block at i, 32-63 for the next one: a place in the first block needs five
    // bytes after it.
    lead |= std::uint64_t(bytes_of(s + i + 32, true)) << 32;
    trails |= std::uint64_t(bytes_of(s + i + 32, false)) << 32;
    const std::uint64_t three = lead & (trails >> 1) & (trails >> 2);
    const std::uint32_t m = static_cast<std::uint32_t>(three & (three >> 3));
    if (m == 0) {
      lead >>= 32;
      trails >>= 32;
      i += 32;
      continue;
    }
    const std::size_t p = i + static_cast<std::size_t>(__builtin_ctz(m));
    const std::size_t stop = scan(s, n, extend_back(s, n, floor, p), p + 6, min_long, out);
    if (stop >= n) return;
    i = floor = stop + 1;
    if (i + 64 > n) break;
    lead = bytes_of(s + i, true);
    trails = bytes_of(s + i, false);
  }
  if (i < n) scan(s, n, extend_back(s, n, floor, i), n, min_long, out);
}
#endif

}  // namespace

std::vector<Utf8Stretch> find_utf8_stretches(std::string_view raw, std::size_t min_long) {
  std::vector<Utf8Stretch> out;
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
#if ENCODING_REPAIR_STRETCH_AVX2
  if (docpipe::cpu_has_avx2()) {
    find_avx2(s, raw.size(), min_long, out);
    return out;
  }
#endif
  scan(s, raw.size(), 0, raw.size(), min_long, out);
  return out;
}

}  // namespace encoding_repair
