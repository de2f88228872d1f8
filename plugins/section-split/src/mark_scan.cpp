#include "mark_scan.hpp"

#if DOCPIPE_UTF8_AVX2
#include <immintrin.h>
#endif

namespace section_split {

#if DOCPIPE_UTF8_AVX2
// The candidate bytes by their two nibbles: each high nibble that has candidates (2, 3, 5, E) owns
// one bit, and the low-nibble table holds the bits of the high nibbles it forms a candidate with,
// so a byte is a candidate exactly when its two looked-up values share a bit.
//   2: 1 2 8 9 (`!"()`)   3: B F (`;?`)   5: B D (`[]`)   E: 2 3 F (E2 E3 EF)
__attribute__((target("avx2"))) std::size_t next_mark_candidate_avx2(const unsigned char* bytes, std::size_t pos,
                                                                     std::size_t end, bool& found, MarkBlock& last) noexcept {
  const __m256i by_low = _mm256_setr_epi8(0, 0x01, 0x09, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0, 0x06, 0, 0x04, 0, 0x0A,
                                          0, 0x01, 0x09, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0, 0x06, 0, 0x04, 0, 0x0A);
  const __m256i by_high = _mm256_setr_epi8(0, 0, 0x01, 0x02, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0,
                                           0, 0, 0x01, 0x02, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i ef = _mm256_set1_epi8(char(0xEF)), bc = _mm256_set1_epi8(char(0xBC)), comma = _mm256_set1_epi8(char(0x8C)),
                colon = _mm256_set1_epi8(char(0x9A)), e3 = _mm256_set1_epi8(char(0xE3)), x80 = _mm256_set1_epi8(char(0x80)),
                dun = _mm256_set1_epi8(char(0x81));
  for (; pos + 34 <= end; pos += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos));
    const __m256i low = _mm256_shuffle_epi8(by_low, _mm256_and_si256(v, nibble));
    const __m256i high = _mm256_shuffle_epi8(by_high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256());
    unsigned mask = ~unsigned(_mm256_movemask_epi8(none));
    if (mask == 0) continue;
    // `，` EF BC 8C, `：` EF BC 9A, `、` E3 80 81
    const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos + 1));
    const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos + 2));
    const __m256i fullwidth = _mm256_and_si256(
        _mm256_and_si256(_mm256_cmpeq_epi8(v, ef), _mm256_cmpeq_epi8(v1, bc)),
        _mm256_or_si256(_mm256_cmpeq_epi8(v2, comma), _mm256_cmpeq_epi8(v2, colon)));
    const __m256i ideographic = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, e3), _mm256_cmpeq_epi8(v1, x80)),
                                                 _mm256_cmpeq_epi8(v2, dun));
    mask &= ~unsigned(_mm256_movemask_epi8(_mm256_or_si256(fullwidth, ideographic)));
    if (mask != 0) {
      found = true;
      last = {pos, mask};
      return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    }
  }
  found = false;
  return pos;
}
#else
std::size_t next_mark_candidate_avx2(const unsigned char*, std::size_t pos, std::size_t, bool& found, MarkBlock&) noexcept {
  found = false;
  return pos;
}
#endif

}  // namespace section_split
