#include "marker_finder.hpp"

#include "text_cursor.hpp"

#include "docpipe/cpu.hpp"
#include "docpipe/utf8.hpp"

#if DOCPIPE_UTF8_AVX2
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace docpipe::glossary_link {
namespace {

bool ends_clause(char32_t c) {
  switch (c) {
    case 0: case '\n': case 0x3002: case 0xFF1A: case ':': case 0xFF0C: case ',': case 0x3001: case 0xFF1B:
    case ';': case 0xFF01: case '!': case 0xFF1F: case '?': case '(': case 0xFF08: case '[': case 0x3010:
    case 0xFF3B: case 0x3014:
    case '-': case '*': case '#': case '>':
      return true;
    default:
      return false;
  }
}

#if DOCPIPE_UTF8_AVX2
// The first position in [@p pos, @p end) where an opening bracket may start, thirty-two bytes per
// step: `(`, `[`, and E3 80 90/94 or EF BC 88/BB by their three bytes, so that `。` `、` `，` and the
// other full-width marks do not stop it. Returns @p end-ish (the first position less than 34 bytes
// before @p end) with @p found false when there is none before it.
__attribute__((target("avx2"))) std::size_t next_opening_avx2(const unsigned char* bytes, std::size_t pos,
                                                              std::size_t end, bool& found) noexcept {
  const __m256i paren = _mm256_set1_epi8('('), bracket = _mm256_set1_epi8('['), e3 = _mm256_set1_epi8(char(0xE3)),
                ef = _mm256_set1_epi8(char(0xEF)), x80 = _mm256_set1_epi8(char(0x80)), bc = _mm256_set1_epi8(char(0xBC)),
                x90 = _mm256_set1_epi8(char(0x90)), x94 = _mm256_set1_epi8(char(0x94)),
                x88 = _mm256_set1_epi8(char(0x88)), xbb = _mm256_set1_epi8(char(0xBB));
  for (; pos + 34 <= end; pos += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos));
    const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos + 1));
    const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + pos + 2));
    const __m256i ascii = _mm256_or_si256(_mm256_cmpeq_epi8(v, paren), _mm256_cmpeq_epi8(v, bracket));
    const __m256i cjk = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, e3), _mm256_cmpeq_epi8(v1, x80)),
                                         _mm256_or_si256(_mm256_cmpeq_epi8(v2, x90), _mm256_cmpeq_epi8(v2, x94)));
    const __m256i wide = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, ef), _mm256_cmpeq_epi8(v1, bc)),
                                          _mm256_or_si256(_mm256_cmpeq_epi8(v2, x88), _mm256_cmpeq_epi8(v2, xbb)));
    if (const unsigned mask = unsigned(_mm256_movemask_epi8(_mm256_or_si256(ascii, _mm256_or_si256(cjk, wide))))) {
      found = true;
      return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    }
  }
  found = false;
  return pos;
}
#endif

// The first position in [@p pos, @p end) holding `(`, `[`, E3 or EF (the first byte of every opening
// bracket), or @p end. Sixteen bytes per step where SSE2 is there: such bytes are a few per cent of a
// Chinese text, so most steps find none.
std::size_t next_opening_candidate(const unsigned char* bytes, std::size_t pos, std::size_t end) noexcept {
#if DOCPIPE_UTF8_AVX2
  if (pos < end && end - pos >= 34 && docpipe::cpu_has_avx2()) {
    bool found = false;
    pos = next_opening_avx2(bytes, pos, end, found);
    if (found) return pos;
  }
#endif
#if defined(__SSE2__)
  const __m128i paren = _mm_set1_epi8('('), bracket = _mm_set1_epi8('['), e3 = _mm_set1_epi8(char(0xE3)),
                ef = _mm_set1_epi8(char(0xEF));
  for (; pos + 16 <= end; pos += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, paren), _mm_cmpeq_epi8(v, bracket)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(v, ef)));
    if (const int mask = _mm_movemask_epi8(hit)) return pos + static_cast<std::size_t>(__builtin_ctz(unsigned(mask)));
  }
#endif
  for (; pos < end; ++pos) {
    const unsigned char b = bytes[pos];
    if (b == '(' || b == '[' || b == 0xE3 || b == 0xEF) return pos;
  }
  return end;
}

}  // namespace

std::vector<Enumerator> find_markers(std::string_view text, Span range, int max_number) {
  std::vector<Enumerator> out;
  if (range.end > text.size()) range.end = text.size();
  // Markers are rare, so the text is scanned for an opening bracket: `(` `[`, or `【` `〔` (E3 80 90,
  // E3 80 94) and `（` `［` (EF BC 88, EF BC BB). Their first bytes are no UTF-8 trail bytes, so they
  // are exactly the code point starts a decoding walk would stop at.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  auto is_opening = [&](std::size_t pos) {
    const unsigned char b = bytes[pos];
    if (b == '(' || b == '[') return true;
    if (pos + 3 > size) return false;
    const unsigned char b1 = bytes[pos + 1], b2 = bytes[pos + 2];
    return b == 0xE3 ? b1 == 0x80 && (b2 == 0x90 || b2 == 0x94) : b1 == 0xBC && (b2 == 0x88 || b2 == 0xBB);
  };
  for (std::size_t pos = next_opening_candidate(bytes, range.begin, range.end); pos < range.end;
       pos = next_opening_candidate(bytes, pos + 1, range.end)) {
    if (!is_opening(pos)) continue;
    auto m = read_marker(text, pos);
    if (!m || m->span.end > range.end || m->number > max_number) continue;
    std::size_t p = pos;
    if (p > range.begin && is_blank(before(text, p))) p = prev_pos(text, p);
    if (p <= range.begin || ends_clause(before(text, p)) || is_space(before(text, p))) continue;
    out.push_back(*m);
    pos = m->span.end - 1;  // it ends with a well-formed closing bracket: go on right after it
  }
  return out;
}

}  // namespace docpipe::glossary_link
