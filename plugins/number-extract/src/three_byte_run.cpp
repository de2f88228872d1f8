#include "three_byte_run.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NUMBER_EXTRACT_HAS_SSSE3_PATH 1
#endif

namespace number_extract {

#ifdef NUMBER_EXTRACT_HAS_SSSE3_PATH
namespace {

// Compiled for SSSE3 (pshufb) alone; called only when the processor has it.
__attribute__((target("ssse3"))) void run_ssse3(const unsigned char* bytes, std::size_t size, std::size_t& at_ref,
                                                std::size_t& n_ref, std::size_t capacity, const char16_t* table,
                                                char32_t* cps, std::uint32_t* offsets) noexcept {
  // Four three-byte groups of a sixteen-byte load spread into four 32-bit lanes (byte 3 of each
  // lane zero), so each lane holds one sequence as the scalar loop reads it: lead | b1 << 8 | b2 << 16.
  const __m128i spread = _mm_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
  const __m128i shape_mask = _mm_set1_epi32(0xC0C0F0), shape = _mm_set1_epi32(0x8080E0);
  const __m128i nibble = _mm_set1_epi32(0x0F), lead_d = _mm_set1_epi32(0x0D), zero = _mm_setzero_si128();
  const __m128i six_bits_1 = _mm_set1_epi32(0x3F00), six_bits_2 = _mm_set1_epi32(0x3F0000);
  const __m128i steps = _mm_setr_epi32(0, 3, 6, 9);
  std::size_t at = at_ref, n = n_ref;
  while (at + 16 <= size && n + 4 <= capacity) {
    const __m128i lanes = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at)), spread);
    // A lane is taken when it is a lead E0..EF with two continuation bytes, and the lead is not E0
    // or ED (those have restricted second bytes and are left to the general decoder).
    const __m128i lead = _mm_and_si128(lanes, nibble);
    const __m128i bad_lead = _mm_or_si128(_mm_cmpeq_epi32(lead, zero), _mm_cmpeq_epi32(lead, lead_d));
    const __m128i ok = _mm_andnot_si128(bad_lead, _mm_cmpeq_epi32(_mm_and_si128(lanes, shape_mask), shape));
    const unsigned good = static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(ok)));
    // The code point's low sixteen bits: lead nibble << 12 | b1's six bits << 6 | b2's six bits.
    const __m128i index = _mm_or_si128(_mm_or_si128(_mm_slli_epi32(lead, 12), _mm_srli_epi32(_mm_and_si128(lanes, six_bits_1), 2)),
                                       _mm_srli_epi32(_mm_and_si128(lanes, six_bits_2), 16));
    // Offsets and code points of all four lanes are written (the slots exist); only the good leading
    // ones are kept by advancing past them.
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

bool has_ssse3() noexcept {
  static const bool yes = __builtin_cpu_supports("ssse3");
  return yes;
}

}  // namespace
#endif

void decode_three_byte_run(const unsigned char* bytes, std::size_t size, std::size_t& at, std::size_t& n,
                           std::size_t capacity, const char16_t* table, char32_t* cps, std::uint32_t* offsets) noexcept {
#ifdef NUMBER_EXTRACT_HAS_SSSE3_PATH
  if (has_ssse3()) run_ssse3(bytes, size, at, n, capacity, table, cps, offsets);
#else
  (void)bytes, (void)size, (void)at, (void)n, (void)capacity, (void)table, (void)cps, (void)offsets;
#endif
}

}  // namespace number_extract
