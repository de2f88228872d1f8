#pragma once
// The upper half of Windows-1252, which scraped pages mix up with Latin-1 and with UTF-8 and GBK:
// bytes 0x80..0x9F are punctuation and a few letters there, C1 controls in Latin-1.

namespace encoding_repair::windows_1252 {

/// Characters of bytes 0x80..0x9F (0 for the five bytes Windows-1252 leaves undefined).
inline constexpr char16_t kHigh[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                       0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// The five bytes Windows-1252 leaves undefined: a decoder that replaces them (Python's cp1252)
/// writes U+FFFD for each, so such a U+FFFD stands for exactly one of them.
inline constexpr unsigned char kUndefined[5] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

/// The byte a Windows-1252 or Latin-1 decoder turned into @p c (both read 0xA0..0xFF as
/// U+00A0..U+00FF, and Latin-1 reads 0x80..0x9F as C1 controls), or -1.
constexpr int byte_of(char32_t c) noexcept {
  if (c >= 0x80 && c <= 0xFF) return static_cast<int>(c);
  if (c < 0x152 || c > 0x2122) return -1;  // outside the table's range: most characters, at once
  for (int i = 0; i < 32; ++i)
    if (kHigh[i] == c) return 0x80 + i;
  return -1;
}

/// What Windows-1252 reads @p b as when it is one of the bytes 0x80..0x9F (or the C1 control
/// Latin-1 made of it), else 0, also for the five bytes Windows-1252 leaves undefined.
constexpr char32_t high_char(char32_t b) noexcept { return b >= 0x80 && b <= 0x9F ? kHigh[b - 0x80] : 0; }

}  // namespace encoding_repair::windows_1252
