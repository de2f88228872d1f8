#include "folded_text.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include <docpipe/utf8.hpp>

#include "char_fold.hpp"
#include "three_byte_run.hpp"

namespace number_extract {

FoldedText::FoldedText(std::string_view text) : text_(text) {
  // Written through raw pointers into arrays sized ahead (a Chinese text has about one code point per
  // three bytes; doubled when not enough) and never cleared: the loop runs once per character of
  // every document.
  std::size_t capacity = text.size() / 2 + 16;
  cps_.reset(new char32_t[capacity]);
  offsets_.reset(new std::uint32_t[capacity + 1]);
  char32_t* cps = cps_.get();
  std::uint32_t* offsets = offsets_.get();
  const char16_t* const table = fold_table();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t pos = 0, n = 0;
  while (pos < size) {
    if (n == capacity) {
      const std::size_t grown = capacity * 2;
      std::unique_ptr<char32_t[]> more_cps(new char32_t[grown]);
      std::unique_ptr<std::uint32_t[]> more_offsets(new std::uint32_t[grown + 1]);
      std::copy(cps, cps + n, more_cps.get());
      std::copy(offsets, offsets + n, more_offsets.get());
      cps_ = std::move(more_cps);
      offsets_ = std::move(more_offsets);
      cps = cps_.get();
      offsets = offsets_.get();
      capacity = grown;
    }
    // ASCII first (digits, spaces, line ends): it starts no three-byte run, so the run's set-up
    // below is not paid for it.
    if (bytes[pos] < 0x80) {
      offsets[n] = static_cast<std::uint32_t>(pos);
      cps[n++] = bytes[pos++];
      continue;
    }
    if constexpr (std::endian::native == std::endian::little) {
      // A run of three-byte sequences (lead E1..EC or EE..EF, two continuation bytes), the bulk of a
      // Chinese text, read four bytes at a time and recognised and decoded with a few masks.
      // Each step takes three bytes and one slot: stop where either the text (four bytes readable) or
      // the arrays run out. Bit k of 0xDFFE says whether lead E0+k is handled here (not E0, not ED).
      // The loop works on local copies of the positions, written back once, so that nothing but the
      // step itself stays in it. The low twelve bits of the code point come from the two continuation
      // bytes with one multiplication: w * 0x4001 adds w << 14, which puts the first one's six bits
      // right above the second's (bits 16..27), and the terms' set bits never overlap (no carries).
      std::size_t at = pos, k = n;
      // Several at a time first where the processor allows (three_byte_run.hpp); this loop then takes
      // what is left of the run near the end of the text, or all of it without SSSE3.
      if ((bytes[at] & 0xF0u) == 0xE0u) decode_three_byte_run(bytes, size, at, k, capacity, table, cps, offsets);
      const std::size_t stop = std::min(size >= 4 ? size - 3 : 0, at + 3 * (capacity - k));
      while (at < stop) {
        std::uint32_t w;
        std::memcpy(&w, bytes + at, 4);
        const std::uint32_t lead = w & 0x0Fu;
        if ((w & 0xC0C0F0u) != 0x8080E0u || ((0xDFFEu >> lead) & 1u) == 0) break;
        offsets[k] = static_cast<std::uint32_t>(at);
        cps[k++] = table[(lead << 12) | (((w & 0x3F3F00u) * 0x4001u >> 16) & 0xFFFu)];
        at += 3;
      }
      pos = at;
      n = k;
      if (n == capacity || pos >= size) continue;
    }
    offsets[n] = static_cast<std::uint32_t>(pos);
    const unsigned b = bytes[pos];
    if (b < 0x80) {
      cps[n++] = b;
      ++pos;
      continue;
    }
    // Three-byte sequences with E1..EC or EE..EF leads are valid with any continuation bytes: decoded
    // here without the general validation (most of a Chinese text).
    if (pos + 2 < size && b - 0xE1 <= 0xEF - 0xE1 && b != 0xED) {
      const unsigned b1 = bytes[pos + 1], b2 = bytes[pos + 2];
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        cps[n++] = table[((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)];
        pos += 3;
        continue;
      }
    }
    const char32_t cp = docpipe::utf8::next(text, pos);
    cps[n++] = cp < 0x10000 ? table[cp] : cp;
  }
  offsets[n] = static_cast<std::uint32_t>(size);
  size_ = n;
}

std::size_t FoldedText::index_of_byte(std::size_t b) const noexcept {
  const std::uint32_t* const first = offsets_.get();
  return static_cast<std::size_t>(std::lower_bound(first, first + size_ + 1, b) - first);
}

std::u32string fold_utf8(std::string_view s) {
  // Written in place into room for the longest result (a code point has a byte or more), then cut:
  // section titles are folded for every section of every document.
  std::u32string out(s.size(), U'\0');
  char32_t* o = out.data();
  const char16_t* const table = fold_table();
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = docpipe::utf8::next(s, pos);
    *o++ = cp < 0x80 || cp >= 0x10000 ? cp : table[cp];  // fold(cp)
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

}  // namespace number_extract
