#include "sentence_splitter.hpp"

#include <array>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NUMBER_EXTRACT_SPLIT_AVX2 1
#endif

#include <docpipe/utf8.hpp>

#include "three_byte_run.hpp"

namespace number_extract {
namespace {

// The first position from @p pos whose byte may end a sentence (per @p may_end), or @p size. With
// SSE2, sixteen bytes are tested at once: most stretches between punctuation hold none.
std::size_t next_candidate(const unsigned char* bytes, std::size_t pos, std::size_t size,
                           const std::array<bool, 256>& may_end) {
#ifdef __SSE2__
  const __m128i newline = _mm_set1_epi8('\n'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  const __m128i e3 = _mm_set1_epi8(static_cast<char>(0xE3)), ef = _mm_set1_epi8(static_cast<char>(0xEF));
  while (pos + 16 <= size) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, bang)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, question),
                                                  _mm_or_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(v, ef))));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    pos += 16;
  }
#endif
  while (pos < size && !may_end[bytes[pos]]) ++pos;
  return pos;
}

#ifdef NUMBER_EXTRACT_SPLIT_AVX2
// The same search 32 bytes a step, and exact: a position is a candidate only where a terminator
// starts (\n ! ? and the whole three bytes of 。！？), so the commas and enumeration marks that
// share the lead bytes E3 and EF (，、：；) no longer stop the search. Needs three bytes readable
// past the 32 (the search ends 34 bytes before the text does; the rest is left to next_candidate).
__attribute__((target("avx2"))) std::size_t next_terminator_avx2(const unsigned char* bytes, std::size_t pos,
                                                                 std::size_t size) {
  const __m256i newline = _mm256_set1_epi8('\n'), bang = _mm256_set1_epi8('!'), question = _mm256_set1_epi8('?');
  const __m256i e3 = _mm256_set1_epi8(static_cast<char>(0xE3)), ef = _mm256_set1_epi8(static_cast<char>(0xEF));
  const __m256i x80 = _mm256_set1_epi8(static_cast<char>(0x80)), xbc = _mm256_set1_epi8(static_cast<char>(0xBC));
  const __m256i x82 = _mm256_set1_epi8(static_cast<char>(0x82)), x81 = _mm256_set1_epi8(static_cast<char>(0x81));
  const __m256i x9f = _mm256_set1_epi8(static_cast<char>(0x9F));
  while (pos + 34 <= size) {
    const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos));
    const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos + 1));
    const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos + 2));
    const __m256i ascii = _mm256_or_si256(_mm256_cmpeq_epi8(b0, newline),
                                          _mm256_or_si256(_mm256_cmpeq_epi8(b0, bang), _mm256_cmpeq_epi8(b0, question)));
    const __m256i stop = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(b0, e3), _mm256_cmpeq_epi8(b1, x80)),
                                          _mm256_cmpeq_epi8(b2, x82));  // 。
    const __m256i wide = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(b0, ef), _mm256_cmpeq_epi8(b1, xbc)),
                                          _mm256_or_si256(_mm256_cmpeq_epi8(b2, x81), _mm256_cmpeq_epi8(b2, x9f)));  // ！？
    const unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_or_si256(ascii, _mm256_or_si256(stop, wide))));
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    pos += 32;
  }
  return pos;
}
#endif

}  // namespace

std::vector<docpipe::Span> split_sentences(std::string_view text) {
  std::vector<docpipe::Span> out;
  std::size_t begin = 0, pos = 0;
  auto close = [&](std::size_t end) {
    std::size_t b = begin, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r' || text[b] == '\n')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' || text[e - 1] == '\n')) --e;
    if (e > b) out.push_back({b, e});
    begin = end;
  };
  // Looks at bytes, not decoded characters: a terminator's bytes (\n ! ? and the lead bytes E3, EF of
  // 。！？) never occur inside another valid sequence, and a malformed byte is skipped alone either
  // way; every other byte is passed over with one table lookup.
  static constexpr auto kMayEnd = [] {
    std::array<bool, 256> may{};
    for (unsigned c : {0x0Au, unsigned('!'), unsigned('?'), 0xE3u, 0xEFu}) may[c] = true;
    return may;
  }();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
#ifdef NUMBER_EXTRACT_SPLIT_AVX2
  static const bool avx2 = best_vector_path() == VectorPath::avx2 || best_vector_path() == VectorPath::avx2_gather;
#endif
  while (pos < size) {
#ifdef NUMBER_EXTRACT_SPLIT_AVX2
    if (avx2) pos = next_terminator_avx2(bytes, pos, size);
#endif
    pos = next_candidate(bytes, pos, size, kMayEnd);
    if (pos == size) break;
    const unsigned char c = bytes[pos];
    std::size_t len = 0;
    if (c == '\n' || c == '!' || c == '?') {
      len = 1;
    } else if (c == 0xE3 && pos + 2 < size && bytes[pos + 1] == 0x80 && bytes[pos + 2] == 0x82) {
      len = 3;  // 。
    } else if (c == 0xEF && pos + 2 < size && bytes[pos + 1] == 0xBC && (bytes[pos + 2] == 0x81 || bytes[pos + 2] == 0x9F)) {
      len = 3;  // ！ ？
    }
    if (len == 0) {
      ++pos;
      continue;
    }
    pos += len;
    {
      // Keep a closing quote or bracket with its sentence.
      while (pos < text.size()) {
        std::size_t p = pos;
        const char32_t n = docpipe::utf8::next(text, p);
        if (n != U'”' && n != U'」' && n != U'）' && n != U')' && n != U'’') break;
        pos = p;
      }
      close(pos);
    }
  }
  close(text.size());
  return out;
}

}  // namespace number_extract
