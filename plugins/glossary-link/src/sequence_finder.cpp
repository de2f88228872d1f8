#include "sequence_finder.hpp"

#include "docpipe/cpu.hpp"

#include <algorithm>
#include <stdexcept>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define GLOSSARY_LINK_AVX2 1
#else
#define GLOSSARY_LINK_AVX2 0
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#endif

namespace docpipe::glossary_link {

namespace {

// The nibble tables of the byte set @p set (at most eight distinct high nibbles; see Class).
void nibble_tables(const std::vector<unsigned char>& set, unsigned char (&low)[16], unsigned char (&high)[16]) {
  std::fill(std::begin(low), std::end(low), 0);
  std::fill(std::begin(high), std::end(high), 0);
  unsigned next_bit = 0;
  for (unsigned char b : set) {
    const unsigned h = b >> 4;
    if (high[h] == 0) high[h] = static_cast<unsigned char>(1u << next_bit++);
    low[b & 0x0F] |= high[h];
  }
}

// Adds @p b to the distinct bytes @p set; false when it is new and @p set is full.
bool fit(std::vector<unsigned char>& set, unsigned char b, std::size_t capacity) {
  if (std::find(set.begin(), set.end(), b) != set.end()) return true;
  if (set.size() == capacity) return false;
  set.push_back(b);
  return true;
}

}  // namespace

SequenceFinder::SequenceFinder(std::vector<std::string> sequences) : sequences_(std::move(sequences)) {
  struct Draft {
    std::vector<unsigned char> a, b;
    std::size_t length;
  };
  std::vector<Draft> drafts;
  for (const std::string& s : sequences_) {
    if (s.empty() || s.size() > 4) throw std::invalid_argument("SequenceFinder: a sequence must have 1 to 4 bytes");
    max_length_ = std::max(max_length_, s.size());
    const auto a = static_cast<unsigned char>(s[s.size() < 2 ? 0 : s.size() - 2]);
    const auto b = static_cast<unsigned char>(s.back());
    auto it = std::find_if(drafts.begin(), drafts.end(), [&](Draft& d) {
      if (d.length != s.size()) return false;
      std::vector<unsigned char> da = d.a, db = d.b;
      if (!fit(da, a, kWidth) || !fit(db, b, kWidth)) return false;
      d.a = std::move(da);
      d.b = std::move(db);
      return true;
    });
    if (it == drafts.end()) drafts.push_back({{a}, {b}, s.size()});
    std::uint32_t word = 0, mask = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
      word |= std::uint32_t(static_cast<unsigned char>(s[k])) << (8 * k);
      mask |= std::uint32_t(0xFF) << (8 * k);
    }
    words_.push_back(word);
    masks_.push_back(mask);
  }
  for (const Draft& d : drafts) {
    Class c;
    c.offset_b = d.length - 1;
    c.offset_a = d.length < 2 ? 0 : d.length - 2;
    for (std::size_t k = 0; k < kWidth; ++k) {
      std::fill(std::begin(c.a[k].bytes), std::end(c.a[k].bytes), d.a[k % d.a.size()]);
      std::fill(std::begin(c.b[k].bytes), std::end(c.b[k].bytes), d.b[k % d.b.size()]);
    }
    static_assert(kWidth <= 8, "a nibble table has eight bits for the high nibbles");
    nibble_tables(d.a, c.low_a.bytes, c.high_a.bytes);
    nibble_tables(d.b, c.low_b.bytes, c.high_b.bytes);
    classes_.push_back(c);
  }
}

bool SequenceFinder::starts_at(const unsigned char* bytes, std::size_t pos, std::size_t end) const noexcept {
  if (end - pos >= 4) {
    const std::uint32_t word = std::uint32_t(bytes[pos]) | std::uint32_t(bytes[pos + 1]) << 8 |
                               std::uint32_t(bytes[pos + 2]) << 16 | std::uint32_t(bytes[pos + 3]) << 24;
    for (std::size_t k = 0; k < words_.size(); ++k)
      if ((word & masks_[k]) == words_[k]) return true;
    return false;
  }
  for (const std::string& s : sequences_)
    if (s.size() <= end - pos && std::equal(s.begin(), s.end(), bytes + pos,
                                            [](char a, unsigned char b) { return static_cast<unsigned char>(a) == b; }))
      return true;
  return false;
}

#if GLOSSARY_LINK_AVX2
namespace {

// Where the bytes of @p v are not in the byte set of the nibble tables @p low and @p high (all ones
// there; see SequenceFinder::Class).
__attribute__((target("avx2"))) inline __m256i outside_set(__m256i v, const unsigned char* low, const unsigned char* high) {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i l = _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(low))),
                                        _mm256_and_si256(v, nibble));
  const __m256i h = _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(high))),
                                        _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
  return _mm256_cmpeq_epi8(_mm256_and_si256(l, h), _mm256_setzero_si256());
}

}  // namespace

__attribute__((target("avx2"))) std::size_t SequenceFinder::next_avx2(const unsigned char* bytes, std::size_t pos,
                                                                       std::size_t end, bool& found) const noexcept {
  found = false;
  const __m256i zero = _mm256_setzero_si256();
  for (; pos + 32 + max_length_ - 1 <= end; pos += 32) {
    const unsigned char* block = bytes + pos;
    __m256i hit = zero;
    for (const Class& c : classes_) {
      const __m256i at_a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + c.offset_a));
      const __m256i at_b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + c.offset_b));
      const __m256i miss = _mm256_or_si256(outside_set(at_a, c.low_a.bytes, c.high_a.bytes),
                                           outside_set(at_b, c.low_b.bytes, c.high_b.bytes));
      hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(miss, zero));
    }
    for (unsigned mask = unsigned(_mm256_movemask_epi8(hit)); mask != 0; mask &= mask - 1) {
      const std::size_t at_pos = pos + static_cast<std::size_t>(__builtin_ctz(mask));
      if (starts_at(bytes, at_pos, end)) {
        found = true;
        return at_pos;
      }
    }
  }
  return pos;
}
#else
std::size_t SequenceFinder::next_avx2(const unsigned char*, std::size_t pos, std::size_t, bool& found) const noexcept {
  found = false;
  return pos;
}
#endif

std::size_t SequenceFinder::next(std::string_view text, std::size_t pos, std::size_t end) const noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (end > text.size()) end = text.size();
  if (sequences_.empty()) return end;
#if GLOSSARY_LINK_AVX2
  if (docpipe::cpu_has_avx2()) {
    bool found = false;
    pos = next_avx2(bytes, pos, end, found);
    if (found) return pos;
  }
#endif
#if defined(__SSE2__)
  // Only the few positions the filter lets through get the full comparison.
  for (; pos + 16 + max_length_ - 1 <= end; pos += 16) {
    const unsigned char* block = bytes + pos;
    __m128i hit = _mm_setzero_si128();
    for (const Class& c : classes_) {
      const __m128i at_a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + c.offset_a));
      const __m128i at_b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + c.offset_b));
      __m128i in_a = _mm_setzero_si128(), in_b = _mm_setzero_si128();
      for (std::size_t k = 0; k < kWidth; ++k) {
        in_a = _mm_or_si128(in_a, _mm_cmpeq_epi8(at_a, _mm_load_si128(reinterpret_cast<const __m128i*>(c.a[k].bytes))));
        in_b = _mm_or_si128(in_b, _mm_cmpeq_epi8(at_b, _mm_load_si128(reinterpret_cast<const __m128i*>(c.b[k].bytes))));
      }
      hit = _mm_or_si128(hit, _mm_and_si128(in_a, in_b));
    }
    for (unsigned mask = unsigned(_mm_movemask_epi8(hit)); mask != 0; mask &= mask - 1) {
      const std::size_t at_pos = pos + static_cast<std::size_t>(__builtin_ctz(mask));
      if (starts_at(bytes, at_pos, end)) return at_pos;
    }
  }
#endif
  for (; pos < end; ++pos)
    if (starts_at(bytes, pos, end)) return pos;
  return end;
}

}  // namespace docpipe::glossary_link
