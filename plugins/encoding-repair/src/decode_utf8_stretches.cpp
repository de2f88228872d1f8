#include "decode_utf8_stretches.hpp"

#include <cstdint>
#include <cstring>

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

}  // namespace

std::vector<Utf8Stretch> find_utf8_stretches(std::string_view raw, std::size_t min_long) {
  std::vector<Utf8Stretch> out;
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = raw.size();
  Utf8Stretch cur;
  bool open = false;  // cur holds at least one multi-byte sequence
  auto close = [&] {
    if (open && cur.long_sequences >= min_long) out.push_back(cur);
    open = false;
  };
  std::size_t i = 0;
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
      ++i;
      continue;
    }
    if (!open) cur = {i, i, 0}, open = true;
    cur.long_sequences += k > 2;
    i += k;
    cur.end = i;
  }
  close();
  return out;
}

}  // namespace encoding_repair
