#pragma once
/// @file utf8.hpp
/// Small, allocation-free UTF-8 helpers shared by the engine and the plugins, and the conversion from
/// byte offsets (the SDK's spans) to code point offsets (what exports promise their users).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/utf8_avx2.hpp"

namespace docpipe::utf8 {

/// The code point returned for a malformed sequence.
inline constexpr char32_t replacement_character = 0xFFFD;

/// Length in bytes of the well-formed UTF-8 sequence starting at @p pos, or 0 when the bytes there
/// are not a well-formed sequence (overlong, surrogate, beyond U+10FFFF, truncated, stray trail byte).
inline std::size_t sequence_length(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return 1;
  auto trail = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
    if (pos + i >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[pos + i]);
    return b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return trail(1) ? 2 : 0;
  if (b0 == 0xE0) return trail(1, 0xA0) && trail(2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return trail(1) && trail(2) ? 3 : 0;
  if (b0 == 0xED) return trail(1, 0x80, 0x9F) && trail(2) ? 3 : 0;
  if (b0 == 0xF0) return trail(1, 0x90) && trail(2) && trail(3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return trail(1) && trail(2) && trail(3) ? 4 : 0;
  if (b0 == 0xF4) return trail(1, 0x80, 0x8F) && trail(2) && trail(3) ? 4 : 0;
  return 0;
}

/// utf8::next() for every case: the general path behind its inlined fast cases. Kept out of line so
/// that next() stays small enough to inline into every decoding loop.
#if defined(__GNUC__)
[[gnu::noinline]]
#endif
inline char32_t next_general(std::string_view s, std::size_t& pos) noexcept {
  const std::size_t n = sequence_length(s, pos);
  if (n == 0) {
    ++pos;
    return replacement_character;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data() + pos);
  pos += n;
  switch (n) {
    case 1: return p[0];
    case 2: return (char32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
      return (char32_t(p[0] & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) |
             (p[3] & 0x3F);
  }
}

/// Decodes the code point at @p pos and advances @p pos past it. A malformed sequence yields
/// U+FFFD and advances by one byte, so the loop `while (pos < s.size()) next(s, pos)` always ends.
/// ASCII and the three-byte sequences of E1..EC, EE, EF (the CJK blocks and full-width forms, which
/// need no range check beyond their trail bytes) take a short path meant to be inlined.
#if defined(__GNUC__)
[[gnu::always_inline]]
#endif
inline char32_t next(std::string_view s, std::size_t& pos) noexcept {
  if (pos < s.size()) {
    const auto* q = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    const unsigned b0 = q[0];
    if (b0 < 0x80) {
      ++pos;
      return b0;
    }
    if ((b0 & 0xF0) == 0xE0 && b0 != 0xE0 && b0 != 0xED && s.size() - pos >= 3 && (q[1] & 0xC0) == 0x80 &&
        (q[2] & 0xC0) == 0x80) {
      pos += 3;
      return (char32_t(b0 & 0x0F) << 12) | (char32_t(q[1] & 0x3F) << 6) | (q[2] & 0x3F);
    }
  }
  return next_general(s, pos);
}

/// Appends the UTF-8 encoding of @p cp to @p out (U+FFFD for surrogates and values past U+10FFFF).
inline void append(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = replacement_character;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// The UTF-8 encoding of @p cp as a string.
inline std::string encode(char32_t cp) {
  std::string s;
  append(s, cp);
  return s;
}

/// Byte offset of the first malformed sequence in @p s, or std::string_view::npos when @p s is valid
/// UTF-8. ASCII is skipped eight bytes at a time and runs of three-byte sequences (the CJK blocks, most
/// of a Chinese report) are checked with one mask test each, so clean text costs about one instruction
/// per byte; anything else goes through sequence_length(). With AVX2 (utf8_avx2.hpp) clean text costs
/// well under one instruction per byte.
inline std::size_t find_invalid(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
#if DOCPIPE_UTF8_AVX2
  // Where the CPU has AVX2, clean text is passed 32 bytes at a time; the walk below goes on from the
  // last code point it could not vouch for, so it alone decides where an error is.
  if (n >= 64 && detail::has_avx2()) i = detail::valid_prefix_avx2(p, n);
#endif
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word;
      __builtin_memcpy(&word, p + i, 8);
      const std::uint64_t high = word & 0x8080808080808080ULL;
      if (high == 0) {
        i += 8;
        continue;
      }
      // Bytes are loaded in memory order only on little-endian machines; elsewhere step one byte.
      if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) i += static_cast<std::size_t>(__builtin_ctzll(high)) >> 3;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // A lead byte 1110xxxx and two trail bytes 10xxxxxx. Of those, E0 (trail below A0: overlong) and
    // ED (trail from A0: a surrogate) are malformed; bit 5 of the first trail byte tells the halves.
    // Two characters per step while neither is E0 or ED (low nibble 0 or D), one otherwise.
    if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
      while (i + 8 <= n) {
        std::uint64_t w;
        __builtin_memcpy(&w, p + i, 8);
        if ((w & 0xC0C0F0C0C0F0ull) != 0x8080E08080E0ull) break;
        const std::uint64_t a = w & 0x0Fu, b = (w >> 24) & 0x0Fu;
        if (a == 0 || a == 0xD || b == 0 || b == 0xD) break;
        i += 6;
      }
    }
    while (i + 3 <= n) {
      const std::uint32_t v = std::uint32_t(p[i]) | (std::uint32_t(p[i + 1]) << 8) | (std::uint32_t(p[i + 2]) << 16);
      if ((v & 0xC0C0F0u) != 0x8080E0u) break;
      const std::uint32_t low = v & 0x0Fu;
      if ((low == 0 || low == 0xD) && ((v >> 13) & 1u) == (low == 0xD ? 1u : 0u)) return i;
      i += 3;
    }
    if (i >= n || p[i] < 0x80) continue;
    const std::size_t len = sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

/// True when @p s is well-formed UTF-8.
inline bool is_valid(std::string_view s) noexcept { return find_invalid(s) == std::string_view::npos; }

/// Number of code points in @p s (each malformed byte counts as one).
inline std::size_t length(std::string_view s) noexcept {
  std::size_t count = 0;
  for (unsigned char c : s) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace docpipe::utf8

namespace docpipe {

/// Converts byte offsets of one UTF-8 text into code point offsets, which is what the exports promise
/// (`text[begin:end]` in Python). Build it once per document: it keeps a count every 64 bytes and
/// counts the rest of a lookup eight bytes at a time, so exporters can convert every span of every
/// layer. Each byte that is not a UTF-8 trail byte starts a code point.
class CodepointIndex {
 public:
  /// Indexes @p text, which must outlive this object.
  explicit CodepointIndex(std::string_view text) : text_(text) {
    checkpoints_.resize(text.size() / block + 1);
    std::size_t count = 0;
    for (std::size_t b = 0, i = 0; b < checkpoints_.size(); ++b, i += block) {
      checkpoints_[b] = count;
      count += starts_in(i, std::min(text.size(), i + block));
    }
    total_ = count;
  }

  /// Code point offset of byte offset @p byte (clamped to the text's end). A byte offset inside a
  /// multi-byte sequence maps to the code point that contains it.
  std::size_t to_codepoint(std::size_t byte) const noexcept {
    if (byte >= text_.size()) return total_;
    std::size_t count = checkpoints_[byte / block] + starts_in(byte / block * block, byte);
    if (is_trail(text_[byte]) && count > 0) --count;
    return count;
  }

  /// Number of code points in the whole text.
  std::size_t size() const noexcept { return total_; }

 private:
  static constexpr std::size_t block = 64;

  static bool is_trail(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  // Number of bytes in [from, to) that start a code point.
  std::size_t starts_in(std::size_t from, std::size_t to) const noexcept {
    std::size_t count = 0;
    std::size_t i = from;
    for (; i + 8 <= to; i += 8) {
      std::uint64_t w;
      __builtin_memcpy(&w, text_.data() + i, 8);
      // A trail byte has bit 7 set and bit 6 clear; the eight flags are summed with one multiply
      // (std::popcount without -mpopcnt is a library call).
      const std::uint64_t trail = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
      count += 8 - static_cast<std::size_t>((trail * 0x0101010101010101ULL) >> 56);
    }
    for (; i < to; ++i) count += !is_trail(text_[i]);
    return count;
  }

  std::string_view text_;
  std::vector<std::size_t> checkpoints_;
  std::size_t total_ = 0;
};

}  // namespace docpipe
