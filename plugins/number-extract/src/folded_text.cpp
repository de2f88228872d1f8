#include "folded_text.hpp"

#include <algorithm>

#include <docpipe/utf8.hpp>

#include "char_fold.hpp"

namespace number_extract {

FoldedText::FoldedText(std::string_view text) : text_(text) {
  // Written through raw pointers into buffers sized ahead (a Chinese text has about one code point
  // per three bytes) instead of push_back: the loop runs once per character of every document.
  std::size_t capacity = text.size() / 2 + 16;
  cps_.resize(capacity);
  offsets_.resize(capacity + 1);
  char32_t* cps = cps_.data();
  std::uint32_t* offsets = offsets_.data();
  const char16_t* const table = fold_table();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t pos = 0, n = 0;
  while (pos < size) {
    if (n == capacity) {
      capacity *= 2;
      cps_.resize(capacity);
      offsets_.resize(capacity + 1);
      cps = cps_.data();
      offsets = offsets_.data();
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
    if (pos + 2 < size && b >= 0xE1 && b <= 0xEF && b != 0xED) {
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
  cps_.resize(n);
  offsets_.resize(n + 1);
}

std::size_t FoldedText::index_of_byte(std::size_t b) const noexcept {
  return static_cast<std::size_t>(std::lower_bound(offsets_.begin(), offsets_.end(), b) - offsets_.begin());
}

bool FoldedText::matches(std::size_t i, std::u32string_view word) const noexcept {
  if (i + word.size() > cps_.size()) return false;
  return std::u32string_view(cps_).substr(i, word.size()) == word;
}

bool FoldedText::matches_before(std::size_t i, std::u32string_view word) const noexcept {
  if (word.size() > i) return false;
  return std::u32string_view(cps_).substr(i - word.size(), word.size()) == word;
}

std::u32string fold_utf8(std::string_view s) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < s.size()) out.push_back(fold(docpipe::utf8::next(s, pos)));
  return out;
}

}  // namespace number_extract
