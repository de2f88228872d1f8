#include <catch2/catch.hpp>

#include <string>

#include <unicode/ucnv.h>

#include "double_byte_table.hpp"

using namespace encoding_repair;

TEST_CASE("GBK pairs decode and encode both ways") {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  CHECK(gbk.decode(0xD6, 0xD0) == U'中');
  CHECK(gbk.encode(U'中') == 0xD6D0);
  CHECK(gbk.encode(U'國') == 0x87F8);  // traditional characters have GBK codes too
  CHECK(gbk.encode(U'？') == 0xA3BF);
  CHECK(gbk.single(0x80) == U'€');
}

TEST_CASE("user-defined-area pairs vanish, invalid pairs do not count as vanishing") {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  // The seed's dropped pairs.
  for (unsigned code : {0xA784u, 0xFDA1u, 0xACA2u, 0xF8D5u, 0xFEB7u}) CHECK(gbk.vanishes(code >> 8, code & 0xFF));
  CHECK_FALSE(gbk.vanishes(0xD6, 0xD0));
  CHECK_FALSE(gbk.vanishes(0xD6, 0x3C));  // '<' is no trail byte
}

TEST_CASE("Big5 pairs") {
  const auto& big5 = DoubleByteTable::get(Legacy::big5);
  CHECK(big5.decode(0xA4, 0xA4) == U'中');
  CHECK(big5.encode(U'經') != 0);
  CHECK(big5.decode(0xA4, 0x80) == 0);
}

// Python's big5 codec reads the ETEN extension (kana, parenthesized numbers) that windows-950 leaves
// to the user-defined area, and A145 as U+2022: those are turned back into their bytes to read a
// mix-up, never decoded (the codes below are what Python's codec writes them as).
TEST_CASE("Big5: the pairs only Python's big5 codec or a browser reads are encoded back, never decoded") {
  const auto& big5 = DoubleByteTable::get(Legacy::big5);
  CHECK(big5.encode_any(U'ぶ') == 0xC6DA);
  CHECK(big5.encode_any(U'イ') == 0xC6FB);
  CHECK(big5.encode_any(U'⑴') == 0xC7F3);
  CHECK(big5.encode_any(U'\u2022') == 0xA145);
  for (const unsigned code : {0xC6DAu, 0xC6FBu, 0xC7F3u}) CHECK(big5.decode(code >> 8, code & 0xFF) == 0);
  CHECK(big5.decode(0xA1, 0x45) == U'\u2027');  // windows-950's own reading stands
  CHECK(big5.encode(U'ぶ') == 0);
  // A browser's Big5 decoder reads those pairs by HKSCS (ICU's big5-hkscs): 期 (GBK C6 DA) as ヽ,
  // 三 (C8 FD) as ʊ; where Python's codec names the same character, its code is kept.
  CHECK(big5.encode_any(U'ヽ') == 0xC6DA);
  CHECK(big5.encode_any(U'\u028A') == 0xC8FD);
  CHECK(big5.decode(0xC8, 0xFD) == 0);
  // GBK has no such extras: its kana are its own codes.
  CHECK(DoubleByteTable::get(Legacy::gbk).encode_any(U'ぶ') == DoubleByteTable::get(Legacy::gbk).encode(U'ぶ'));
}

// GB2312 (ICU's, as Python's gb2312 reads it) is only read as the wrong codec of a mix-up. ICU's
// converter reads 0x80..0xA0 as single bytes: a lead among them followed by a trail is no pair.
TEST_CASE("GB2312: GBK's subset, with its own two marks and no pair led by a single byte") {
  const auto& gb2312 = DoubleByteTable::get(Legacy::gb2312);
  CHECK(gb2312.decode(0xD6, 0xD0) == U'中');
  CHECK(gb2312.decode(0xA1, 0xAA) == U'\u2015');  // GBK reads it as U+2014
  CHECK(gb2312.decode(0x84, 0xDB) == 0);        // 勠 in GBK
  CHECK(gb2312.decode(0xA9, 0x96) == 0);        // 〇 in GBK
  CHECK(gb2312.decode(0xE9, 0x46) == 0);        // 镕 in GBK
  CHECK(gb2312.encode(U'镕') == 0);
  for (unsigned lead = 0x80; lead <= 0xA0; ++lead)
    for (unsigned trail = 0xA1; trail <= 0xFE; ++trail) CHECK(gb2312.decode(lead, trail) == 0);
}

TEST_CASE("the packed UTF-8 of a pair is its character's three-byte sequence, for every pair") {
  for (const Legacy which : {Legacy::gbk, Legacy::big5}) {
    const auto& table = DoubleByteTable::get(which);
    std::size_t packed_pairs = 0;
    for (unsigned lead = 0; lead < 256; ++lead)
      for (unsigned trail = 0; trail < 256; ++trail) {
        const char32_t cp = table.decode(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail));
        const std::uint32_t packed = table.utf8_three(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail));
        if (cp < 0x800 || cp > 0xFFFF) {
          CHECK(packed == 0);
          continue;
        }
        ++packed_pairs;
        const std::uint32_t expected = (0xE0 | (cp >> 12)) | (0x80 | ((cp >> 6) & 0x3F)) << 8 | (0x80 | (cp & 0x3F)) << 16;
        if (packed != expected) FAIL_CHECK("pair " << lead << "," << trail);
      }
    CHECK(packed_pairs > 13000);  // Big5 has about 13 000 characters, GBK about 21 000
  }
}

TEST_CASE("the table built in one conversion is what ICU gives pair by pair, for both encodings") {
  // The reference is the slow way: one conversion a pair, stopping at the first error.
  for (const auto which : {Legacy::gbk, Legacy::big5}) {
    const auto& table = DoubleByteTable::get(which);
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(which == Legacy::gbk ? "windows-936-2000" : "windows-950-2000", &status);
    REQUIRE(U_SUCCESS(status));
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::size_t characters = 0, mismatches = 0, private_use = 0;
    for (unsigned lead = 0x81; lead <= 0xFE; ++lead)
      for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
        if (!table.is_trail(static_cast<unsigned char>(trail))) continue;
        const char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
        UChar out[4];
        status = U_ZERO_ERROR;
        ucnv_reset(conv);
        const int32_t n = ucnv_toUChars(conv, out, 4, in, 2, &status);
        char32_t expected = 0;
        if (U_SUCCESS(status) && n == 1) {
          const char32_t cp = out[0];
          if (cp >= 0xE000 && cp <= 0xF8FF) {
            ++private_use;
            if (table.encode_any(cp) == 0) ++mismatches;  // every user-defined code can be undone
          }
          const bool ordinary = cp >= 0x80 && !(cp >= 0xD800 && cp <= 0xDFFF) && !(cp >= 0xE000 && cp <= 0xF8FF) && cp != 0xFFFD;
          if (ordinary) expected = cp;
        }
        const auto l = static_cast<unsigned char>(lead), t = static_cast<unsigned char>(trail);
        if (table.decode(l, t) != expected) ++mismatches;
        if (expected != 0) {
          ++characters;
          if (table.decode(static_cast<unsigned char>(table.encode(expected) >> 8),
                           static_cast<unsigned char>(table.encode(expected) & 0xFF)) != expected)
            ++mismatches;
        }
      }
    ucnv_close(conv);
    CHECK(mismatches == 0);
    // Sizes of the code pages, so a table left empty cannot pass: GBK has over 21 000 ideographs,
    // Big5 over 13 000, and both a user-defined area.
    CHECK(characters > (which == Legacy::gbk ? 21000u : 13000u));
    CHECK(private_use > 1000);
  }
}

TEST_CASE("Big5 as a browser reads it: HKSCS codes where Windows-950 leaves the pair empty") {
  const DoubleByteTable& big5 = DoubleByteTable::get(Legacy::big5);
  // Cyrillic Е: C7B2 in Windows-950, C7F8 in HKSCS (GBK's 区 as a browser reads it).
  CHECK(big5.encode_any(U'\u0415') == 0xC7B2);
  CHECK(big5.encode_as_browser(U'\u0415') == 0xC7F8);
  // ʊ has an HKSCS code alone (GBK's 三, C8FD); 中 is Windows-950's own.
  CHECK(big5.encode_as_browser(U'\u028A') == 0xC8FD);
  CHECK(big5.browser_only(U'\u028A'));
  CHECK_FALSE(big5.browser_only(U'\u0415'));
  CHECK_FALSE(big5.browser_only(U'中'));
  CHECK(big5.encode_as_browser(U'中') == big5.encode(U'中'));
}
