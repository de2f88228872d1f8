#pragma once
/// @file utf8_avx2.hpp
/// UTF-8 validation 32 bytes at a time with AVX2, for utf8::find_invalid(): the lookup method of
/// Keiser and Lemire ("Validating UTF-8 in less than one instruction per byte", 2021). Three 16-entry
/// tables, indexed by the high and low nibble of each byte's predecessor and the high nibble of the
/// byte, flag every malformed pair of bytes; a saturating subtraction flags where a third or fourth
/// byte must follow. It only says how far the text is certainly clean; the scalar walk of
/// find_invalid() finds the exact offset of an error.

#include <cstddef>

#include "docpipe/cpu.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DOCPIPE_UTF8_AVX2 1
#else
#define DOCPIPE_UTF8_AVX2 0
#endif

namespace docpipe::utf8::detail {

#if DOCPIPE_UTF8_AVX2

/// True when the CPU running this has AVX2 (docpipe::cpu_has_avx2()).
inline bool has_avx2() noexcept { return docpipe::cpu_has_avx2(); }

/// A code point start p of @p data such that [0, p) is well-formed UTF-8, found 32 bytes at a time:
/// it stops before the first 32-byte block holding an error (or at the end) and backs up to the start
/// of the code point that may run past the checked blocks. Call only when has_avx2().
__attribute__((target("avx2"))) inline std::size_t valid_prefix_avx2(const unsigned char* data,
                                                                      std::size_t size) noexcept {
  // Error bits of a pair (previous byte, byte).
  constexpr char too_short = 1 << 0;   // a lead byte or ASCII followed by a lead byte or ASCII
  constexpr char too_long = 1 << 1;    // ASCII followed by a continuation byte
  constexpr char overlong_3 = 1 << 2;  // E0 80..9F
  constexpr char too_large = 1 << 3;   // F4 90..BF, F5..FF 90..BF
  constexpr char surrogate = 1 << 4;   // ED A0..BF
  constexpr char overlong_2 = 1 << 5;  // C0..C1 80..BF
  constexpr char too_large_1000 = 1 << 6;  // F5..FF 80..8F
  constexpr char overlong_4 = 1 << 6;      // F0 80..8F
  constexpr char two_conts = char(1 << 7);  // two continuation bytes: right only inside a sequence
  constexpr char carry = too_short | too_long | two_conts;  // decided by the high nibble alone

  const __m256i byte_1_high = _mm256_setr_epi8(
      too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long,  // 0_______
      two_conts, two_conts, two_conts, two_conts,                                      // 10______
      too_short | overlong_2, too_short,                                               // 110_____
      too_short | overlong_3 | surrogate,                                              // 1110____
      too_short | too_large | too_large_1000 | overlong_4,                             // 1111____
      too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long, two_conts, two_conts,
      two_conts, two_conts, too_short | overlong_2, too_short, too_short | overlong_3 | surrogate,
      too_short | too_large | too_large_1000 | overlong_4);
  const __m256i byte_1_low = _mm256_setr_epi8(
      carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry, carry | too_large,
      carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000 | surrogate, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000,
      carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry, carry | too_large,
      carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000 | surrogate, carry | too_large | too_large_1000,
      carry | too_large | too_large_1000);
  constexpr char cont_80 = too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4;
  constexpr char cont_90 = too_long | overlong_2 | two_conts | overlong_3 | too_large;
  constexpr char cont_a0 = too_long | overlong_2 | two_conts | surrogate | too_large;
  const __m256i byte_2_high = _mm256_setr_epi8(
      too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short,  // ASCII
      cont_80, cont_90, cont_a0, cont_a0,                                                      // 10______
      too_short, too_short, too_short, too_short,                                              // 11______
      too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short, cont_80, cont_90,
      cont_a0, cont_a0, too_short, too_short, too_short, too_short);
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  // Bytes above these in the last three places start a sequence the block does not finish.
  const __m256i last_complete = _mm256_setr_epi8(
      char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF),
      char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF),
      char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF),
      char(0xFF), char(0xFF), char(0xF0 - 1), char(0xE0 - 1), char(0xC0 - 1));

  __m256i previous = _mm256_setzero_si256();
  __m256i previous_incomplete = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 32 <= size; i += 32) {
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i));
    if (_mm256_movemask_epi8(input) == 0) {  // ASCII: wrong only if the block before left a sequence open
      if (!_mm256_testz_si256(previous_incomplete, previous_incomplete)) break;
      previous = input;
      continue;
    }
    // The 32 bytes shifted by one, two and three, with the end of the previous block coming in.
    const __m256i carried = _mm256_permute2x128_si256(previous, input, 0x21);
    const __m256i prev1 = _mm256_alignr_epi8(input, carried, 16 - 1);
    const __m256i prev2 = _mm256_alignr_epi8(input, carried, 16 - 2);
    const __m256i prev3 = _mm256_alignr_epi8(input, carried, 16 - 3);
    const __m256i special = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(byte_1_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble)),
                         _mm256_shuffle_epi8(byte_1_low, _mm256_and_si256(prev1, low_nibble))),
        _mm256_shuffle_epi8(byte_2_high, _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble)));
    const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(char(0xE0 - 0x80)));
    const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(char(0xF0 - 0x80)));
    const __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(char(0x80)));
    const __m256i error = _mm256_xor_si256(must_continue, special);
    if (!_mm256_testz_si256(error, error)) break;
    previous_incomplete = _mm256_subs_epu8(input, last_complete);
    previous = input;
  }
  // The checked blocks may end inside a sequence whose tail was not seen: start the scalar walk at
  // that sequence's first byte.
  std::size_t p = i;
  while (p > 0 && i - p < 3 && (data[p - 1] & 0xC0) == 0x80) --p;
  if (p > 0 && (data[p - 1] & 0xC0) == 0xC0) --p;
  return p;
}

#endif

}  // namespace docpipe::utf8::detail
