#include "three_byte_run.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NUMBER_EXTRACT_X86_PATHS 1
#endif

namespace number_extract {

#ifdef NUMBER_EXTRACT_X86_PATHS
namespace {

// Both paths spread four three-byte groups of sixteen bytes into four 32-bit lanes (byte 3 of each
// lane zero), so each lane holds one sequence as the scalar loop reads it: lead | b1 << 8 | b2 << 16.
// A lane is taken when it is a lead E0..EF with two continuation bytes and the lead is not E0 or ED
// (those have restricted second bytes and are left to the general decoder). The code point's low
// sixteen bits are lead nibble << 12 | b1's six bits << 6 | b2's six bits. Offsets and code points of
// every lane are written (the slots exist); only the good leading lanes are kept by advancing past
// them. The table lookups are scalar, or one AVX2 gather where gathers are fast (run_avx2).

// Compiled for SSSE3 (pshufb) alone; called only when the processor has it.
__attribute__((target("ssse3"))) void run_ssse3(const unsigned char* bytes, std::size_t size, std::size_t& at_ref,
                                                std::size_t& n_ref, std::size_t capacity, const char16_t* table,
                                                char32_t* cps, std::uint32_t* offsets) noexcept {
  const __m128i spread = _mm_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
  const __m128i shape_mask = _mm_set1_epi32(0xC0C0F0), shape = _mm_set1_epi32(0x8080E0);
  const __m128i nibble = _mm_set1_epi32(0x0F), lead_d = _mm_set1_epi32(0x0D), zero = _mm_setzero_si128();
  const __m128i six_bits_1 = _mm_set1_epi32(0x3F00), six_bits_2 = _mm_set1_epi32(0x3F0000);
  const __m128i steps = _mm_setr_epi32(0, 3, 6, 9);
  std::size_t at = at_ref, n = n_ref;
  while (at + 16 <= size && n + 4 <= capacity) {
    const __m128i lanes = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at)), spread);
    const __m128i lead = _mm_and_si128(lanes, nibble);
    const __m128i bad_lead = _mm_or_si128(_mm_cmpeq_epi32(lead, zero), _mm_cmpeq_epi32(lead, lead_d));
    const __m128i ok = _mm_andnot_si128(bad_lead, _mm_cmpeq_epi32(_mm_and_si128(lanes, shape_mask), shape));
    const unsigned good = static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(ok)));
    const __m128i index = _mm_or_si128(_mm_or_si128(_mm_slli_epi32(lead, 12), _mm_srli_epi32(_mm_and_si128(lanes, six_bits_1), 2)),
                                       _mm_srli_epi32(_mm_and_si128(lanes, six_bits_2), 16));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(offsets + n),
                     _mm_add_epi32(_mm_set1_epi32(static_cast<int>(at)), steps));
    cps[n] = table[_mm_extract_epi16(index, 0)];
    cps[n + 1] = table[_mm_extract_epi16(index, 2)];
    cps[n + 2] = table[_mm_extract_epi16(index, 4)];
    cps[n + 3] = table[_mm_extract_epi16(index, 6)];
    if (good == 0xF) {
      at += 12;
      n += 4;
      continue;
    }
    const unsigned taken = static_cast<unsigned>(__builtin_ctz(~good));  // good leading lanes, 0..3
    at += 3 * taken;
    n += taken;
    break;
  }
  at_ref = at;
  n_ref = n;
}

// The same eight lanes at a time: two sixteen-byte loads twelve bytes apart fill the two halves.
// With `Gather` the eight table lookups are one gather (a fifth of the instructions of the step's
// lookups); without, eight scalar lookups (gathers are slow on Intel processors that mitigate Gather
// Data Sampling in microcode).
template <bool Gather>
__attribute__((target("avx2"))) void run_avx2(const unsigned char* bytes, std::size_t size, std::size_t& at_ref,
                                              std::size_t& n_ref, std::size_t capacity, const char16_t* table,
                                              char32_t* cps, std::uint32_t* offsets) noexcept {
  const __m256i spread = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1,  //
                                          0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
  const __m256i shape_mask = _mm256_set1_epi32(0xC0C0F0), shape = _mm256_set1_epi32(0x8080E0);
  const __m256i nibble = _mm256_set1_epi32(0x0F), lead_d = _mm256_set1_epi32(0x0D), zero = _mm256_setzero_si256();
  const __m256i six_bits_1 = _mm256_set1_epi32(0x3F00), six_bits_2 = _mm256_set1_epi32(0x3F0000);
  const __m256i steps = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21);
  const __m256i low_half = _mm256_set1_epi32(0xFFFF);
  std::size_t at = at_ref, n = n_ref;
  while (at + 28 <= size && n + 8 <= capacity) {
    const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
    const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at + 12));
    const __m256i lanes = _mm256_shuffle_epi8(_mm256_inserti128_si256(_mm256_castsi128_si256(low), high, 1), spread);
    const __m256i lead = _mm256_and_si256(lanes, nibble);
    const __m256i bad_lead = _mm256_or_si256(_mm256_cmpeq_epi32(lead, zero), _mm256_cmpeq_epi32(lead, lead_d));
    const __m256i ok = _mm256_andnot_si256(bad_lead, _mm256_cmpeq_epi32(_mm256_and_si256(lanes, shape_mask), shape));
    const unsigned good = static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(ok)));
    const __m256i index =
        _mm256_or_si256(_mm256_or_si256(_mm256_slli_epi32(lead, 12), _mm256_srli_epi32(_mm256_and_si256(lanes, six_bits_1), 2)),
                        _mm256_srli_epi32(_mm256_and_si256(lanes, six_bits_2), 16));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(offsets + n),
                        _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(at)), steps));
    if constexpr (Gather) {
      // 32 bits read at entry `index` (the table is padded, so the last entry's read stays inside
      // it): the low 16 bits are the entry.
      const __m256i folded = _mm256_and_si256(
          _mm256_i32gather_epi32(reinterpret_cast<const int*>(table), index, 2), low_half);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(cps + n), folded);
    } else {
      const __m128i first = _mm256_castsi256_si128(index), second = _mm256_extracti128_si256(index, 1);
      cps[n] = table[_mm_extract_epi16(first, 0)];
      cps[n + 1] = table[_mm_extract_epi16(first, 2)];
      cps[n + 2] = table[_mm_extract_epi16(first, 4)];
      cps[n + 3] = table[_mm_extract_epi16(first, 6)];
      cps[n + 4] = table[_mm_extract_epi16(second, 0)];
      cps[n + 5] = table[_mm_extract_epi16(second, 2)];
      cps[n + 6] = table[_mm_extract_epi16(second, 4)];
      cps[n + 7] = table[_mm_extract_epi16(second, 6)];
    }
    if (good == 0xFF) {
      at += 24;
      n += 8;
      continue;
    }
    const unsigned taken = static_cast<unsigned>(__builtin_ctz(~good));  // good leading lanes, 0..7
    at += 3 * taken;
    n += taken;
    break;
  }
  at_ref = at;
  n_ref = n;
}

}  // namespace
#endif

VectorPath best_vector_path() noexcept {
#ifdef NUMBER_EXTRACT_X86_PATHS
  // Gathers where they are known to be fast: AMD's processors (no Gather Data Sampling mitigation).
  static const VectorPath best = __builtin_cpu_supports("avx2")    ? (__builtin_cpu_is("amd") ? VectorPath::avx2_gather : VectorPath::avx2)
                                 : __builtin_cpu_supports("ssse3") ? VectorPath::ssse3
                                                                   : VectorPath::none;
  return best;
#else
  return VectorPath::none;
#endif
}

void decode_three_byte_run(const unsigned char* bytes, std::size_t size, std::size_t& at, std::size_t& n,
                           std::size_t capacity, const char16_t* table, char32_t* cps, std::uint32_t* offsets,
                           VectorPath path) noexcept {
#ifdef NUMBER_EXTRACT_X86_PATHS
  // A path the processor lacks is not run (a test may ask for each).
  const bool avx2 = best_vector_path() == VectorPath::avx2 || best_vector_path() == VectorPath::avx2_gather;
  if (path == VectorPath::avx2_gather && avx2) {
    run_avx2<true>(bytes, size, at, n, capacity, table, cps, offsets);
  } else if (path == VectorPath::avx2 && avx2) {
    run_avx2<false>(bytes, size, at, n, capacity, table, cps, offsets);
  } else if (path != VectorPath::none && best_vector_path() != VectorPath::none) {
    run_ssse3(bytes, size, at, n, capacity, table, cps, offsets);
  }
#else
  (void)bytes, (void)size, (void)at, (void)n, (void)capacity, (void)table, (void)cps, (void)offsets, (void)path;
#endif
}

}  // namespace number_extract
