#include "cleaner.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include "docpipe/cpu.hpp"
#include "docpipe/utf8.hpp"
#include "escaped_markup.hpp"
#include "windows_1252.hpp"

namespace encoding_repair {

namespace {

namespace utf8 = docpipe::utf8;

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// The value of the digit @p c in base 10 or, with @p hex, 16 (either case), or -1.
int digit_value(char c, bool hex) {
  const char d = lower(c);
  if (d >= '0' && d <= '9') return d - '0';
  if (hex && d >= 'a' && d <= 'f') return d - 'a' + 10;
  return -1;
}

// Tag names of HTML (and of the Word HTML export's namespaced tags, e.g. o:p) that scraped pages
// leave behind.
constexpr std::array<std::string_view, 58> kTags = {
    "a", "abbr", "article", "aside", "b", "big", "blockquote", "body", "br", "center", "code", "col",
    "colgroup", "dd", "div", "dl", "dt", "em", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "li", "link", "meta", "nav",
    "nobr", "ol", "p", "pre", "s", "section", "small", "span", "strike", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u"};
constexpr std::array<std::string_view, 8> kMoreTags = {"ul", "title", "tt", "label", "option", "select", "script", "style"};

bool known_tag(std::string_view name) {
  if (name.find(':') != std::string_view::npos) return true;  // o:p, st1:chsdate ...
  return std::find(kTags.begin(), kTags.end(), name) != kTags.end() ||
         std::find(kMoreTags.begin(), kMoreTags.end(), name) != kMoreTags.end();
}

bool block_tag(std::string_view name) {
  for (std::string_view b : {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"})
    if (name == b) return true;
  return false;
}

struct Named {
  std::string_view name;
  char32_t cp;
};
constexpr Named kNamed[] = {
    {"nbsp", 0xA0},    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"middot", 0xB7}, {"times", 0xD7},
    {"yen", 0xA5},     {"copy", 0xA9},    {"reg", 0xAE},     {"ensp", 0x2002},  {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"deg", 0xB0},    {"plusmn", 0xB1},  {"divide", 0xF7},  {"permil", 0x2030}};

/// The names HTML also reads without their `;` (its legacy references, as browsers do), among those
/// kNamed knows: sloppy pages write `经济&nbsp发展`.
constexpr std::string_view kWithoutSemicolon[] = {"nbsp", "amp", "lt", "gt", "quot", "copy", "reg",
                                                  "yen", "middot", "times", "deg", "plusmn", "divide"};

/// A legacy reference without its `;` at @p pos (the `&`): the name must not go on as a word, a
/// number or an attribute value (`&copyright`, `&lt3`, `&gt=`). Its character, 0 when none.
char32_t reference_without_semicolon(std::string_view text, std::size_t pos, std::size_t& len) noexcept {
  for (const std::string_view name : kWithoutSemicolon) {
    if (text.compare(pos + 1, name.size(), name) != 0) continue;
    const std::size_t after = pos + 1 + name.size();
    if (after < text.size() && (std::isalnum(static_cast<unsigned char>(text[after])) || text[after] == '=' || text[after] == ';'))
      continue;
    for (const Named& n : kNamed)
      if (n.name == name) {
        len = after - pos;
        return n.cp;
      }
  }
  return 0;
}

/// Zero-width and invisible format characters, and C0/C1 controls other than TAB and LF.
bool control(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;
  return c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202C) || (c >= 0x2060 && c <= 0x2064) ||
         c == 0xFEFF;
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks in all but name (text taken from
/// JSON and JavaScript strings keeps them), which line-based stages would not see.
bool line_separator(char32_t c) { return c == 0x2028 || c == 0x2029; }

bool wide_space(char32_t c) { return c == 0xA0 || c == 0x3000; }

/// Bytes that may start an edit: markup, CR, C0 controls and DEL, and the UTF-8 lead bytes of the
/// few characters cleaned (C2: C1 controls, U+00A0, U+00AD; E2: zero-width, line separators, bidi
/// embeddings; E3: U+3000; EF: BOM).
const std::array<bool, 256> kInteresting = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = c != '\t' && c != '\n';
  for (int c : {0x3C, 0x26, 0x5C, 0x7F, 0xC2, 0xE2, 0xE3, 0xEF}) t[c] = true;  // < & \\ DEL ...
  return t;
}();

/// 0 when the interesting byte at @p at may start an edit; otherwise the bytes the scan steps over
/// there: the lead byte of a character that is not cleaned, with its continuation bytes.
std::size_t step_over(const unsigned char* s, std::size_t n, std::size_t at) noexcept {
  const unsigned b = s[at];
  if (b < 0x80) return 0;
  const unsigned b1 = at + 1 < n ? s[at + 1] : 0u, b2 = at + 2 < n ? s[at + 2] : 0u;
  const bool cleaned = (b == 0xC2 && (b1 <= 0xA0 || b1 == 0xAD)) ||
                       (b == 0xE2 && ((b1 == 0x80 && ((b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xA8 && b2 <= 0xAC))) ||
                                      (b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xA4))) ||
                       (b == 0xE3 && b1 == 0x80 && b2 == 0x80) || (b == 0xEF && b1 == 0xBB && b2 == 0xBF);
  return cleaned ? 0 : b >= 0xE0 ? 3 : 2;
}

/// Sorts out the candidates @p mask flags in the block of @p width bytes at @p pos (bit i: byte
/// pos + i): returns true with @p pos at the first that starts an edit; else false with @p pos past the
/// block, or past a character stepped over that ends beyond it.
inline bool sort_out_block(const unsigned char* s, std::size_t n, unsigned mask, std::size_t width,
                           std::size_t& pos) noexcept {
  std::size_t resume = pos + width;
  std::size_t floor = pos;
  for (; mask != 0; mask &= mask - 1) {
    const std::size_t at = pos + static_cast<std::size_t>(__builtin_ctz(mask));
    if (at < floor || !kInteresting[s[at]]) continue;
    const std::size_t step = step_over(s, n, at);
    if (step == 0) {
      pos = at;
      return true;
    }
    floor = at + step;
    resume = std::max(resume, floor);
  }
  pos = resume;
  return false;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ENCODING_REPAIR_AVX2 1

/// The candidates of the 32-byte block at @p pos sorted out as sort_out_block() does (C0 controls, LF
/// and TAB among them, markup, DEL and the leads C2, E2, E3, EF). Out of line: the scan below
/// comes here only for blocks that may hold an edit or end inside a character.
[[gnu::noinline]] __attribute__((target("avx2"))) bool sort_out_block_avx2(const unsigned char* s, std::size_t n,
                                                                            std::size_t& pos) noexcept {
  const __m256i c1f = _mm256_set1_epi8(0x1F), lt = _mm256_set1_epi8('<'), amp = _mm256_set1_epi8('&');
  const __m256i del = _mm256_set1_epi8(0x7F), c2 = _mm256_set1_epi8(static_cast<char>(0xC2)), bs = _mm256_set1_epi8('\\');
  const __m256i fe = _mm256_set1_epi8(static_cast<char>(0xFE)), e2 = _mm256_set1_epi8(static_cast<char>(0xE2));
  const __m256i ef = _mm256_set1_epi8(static_cast<char>(0xEF));
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + pos));
  __m256i hit = _mm256_cmpeq_epi8(_mm256_min_epu8(v, c1f), v);  // v <= 0x1F
  hit = _mm256_or_si256(hit, _mm256_or_si256(_mm256_cmpeq_epi8(v, lt), _mm256_cmpeq_epi8(v, amp)));
  hit = _mm256_or_si256(hit, _mm256_or_si256(_mm256_cmpeq_epi8(v, del), _mm256_cmpeq_epi8(v, c2)));
  hit = _mm256_or_si256(hit, _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_and_si256(v, fe), e2), _mm256_cmpeq_epi8(v, ef)));
  hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(v, bs));
  return sort_out_block(s, n, static_cast<unsigned>(_mm256_movemask_epi8(hit)), 32, pos);
}

/// The bytes next_edit_start_avx2() compares with, each 32 times.
struct ScanBytes {
  alignas(32) unsigned char bytes[17][32];
};
constexpr ScanBytes scan_bytes() {
  ScanBytes t{};
  const unsigned char values[17] = {0x1F, '\t', '\n', '<', '&', 0x7F, 0xC2, 0xE2, 0xE3, 0x80, 0xEF, 0xBB, 0xA0, 0xAD, 0x8B, 4, '\\'};
  for (int i = 0; i < 17; ++i)
    for (unsigned char& b : t.bytes[i]) b = values[i];
  return t;
}
constexpr ScanBytes kScanBytes = scan_bytes();

/// True for the lead bytes sort_out_block() steps over whole when they start no edit.
inline bool candidate_lead(unsigned char b) noexcept { return b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF; }

/// next_edit_start()'s block loop with 32-byte blocks: the same candidates, sorted out the same way.
/// Returns the start found, or where the blocks ended (@p done false) for the loops after it.
/// Chinese prose has candidates in nearly every block (line feeds, and the E3 and EF leads of its
/// full-width punctuation), few of which start an edit: a block is first tested for bytes that may
/// (interesting ASCII other than TAB and LF, C2 before A0 and below or AD, E2 before 8B..8F, A8..AC or
/// A0..A4, E3 80 80, EF BB: every byte that starts an edit is one), and one with none is stepped over whole, unless a lead byte among its last two bytes may
/// start a character that ends past it: sort_out_block_avx2() then says where the next block begins.
__attribute__((target("avx2"))) std::size_t next_edit_start_avx2(const unsigned char* s, std::size_t n,
                                                                   std::size_t pos, bool& done) noexcept {
  // The constants read from memory: GCC rebuilds _mm256_set1_epi8 constants inside the loop (two
  // instructions each) rather than keep them, and cannot here, the table's address being opaque to it.
  const unsigned char* k = kScanBytes.bytes[0];
  asm("" : "+r"(k));
  const auto* splat = reinterpret_cast<const __m256i*>(k);
  const __m256i c1f = _mm256_load_si256(splat), tab = _mm256_load_si256(splat + 1), lf = _mm256_load_si256(splat + 2);
  const __m256i lt = _mm256_load_si256(splat + 3), amp = _mm256_load_si256(splat + 4), del = _mm256_load_si256(splat + 5);
  const __m256i c2 = _mm256_load_si256(splat + 6), e2 = _mm256_load_si256(splat + 7), e3 = _mm256_load_si256(splat + 8);
  const __m256i x80 = _mm256_load_si256(splat + 9), ef = _mm256_load_si256(splat + 10), xbb = _mm256_load_si256(splat + 11);
  const __m256i xa0 = _mm256_load_si256(splat + 12), xad = _mm256_load_si256(splat + 13), x8b = _mm256_load_si256(splat + 14);
  const __m256i four = _mm256_load_si256(splat + 15), backslash = _mm256_load_si256(splat + 16);
  done = false;
  // The test reads the two bytes after each: a block needs two more. The blocks are walked in an
  // inner loop without calls, which would clobber the constants' registers.
  for (;;) {
  while (pos + 34 <= n) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + pos));
    const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + pos + 1));
    const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + pos + 2));
    const __m256i layout = _mm256_or_si256(_mm256_cmpeq_epi8(v, tab), _mm256_cmpeq_epi8(v, lf));
    __m256i may = _mm256_andnot_si256(layout, _mm256_cmpeq_epi8(_mm256_min_epu8(v, c1f), v));  // C0 but TAB, LF
    may = _mm256_or_si256(may, _mm256_or_si256(_mm256_cmpeq_epi8(v, lt), _mm256_cmpeq_epi8(v, amp)));
    may = _mm256_or_si256(may, _mm256_or_si256(_mm256_cmpeq_epi8(v, del), _mm256_cmpeq_epi8(v, backslash)));
    // C2 before A0 and below or AD; E2 before 8B..8F, A0..A4 or A8..AC (`·`, `“`, `—` and `…` start
    // no edit). A8..AC is A0 + 8..12: A0's distance with bit 3 flipped is 0..4.
    const __m256i c1_or_nbsp = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(v1, xa0), v1), _mm256_cmpeq_epi8(v1, xad));
    may = _mm256_or_si256(may, _mm256_and_si256(_mm256_cmpeq_epi8(v, c2), c1_or_nbsp));
    const __m256i low = _mm256_sub_epi8(v2, x8b), high = _mm256_sub_epi8(v2, xa0);
    const __m256i higher = _mm256_xor_si256(high, _mm256_add_epi8(four, four));
    const __m256i zero_width = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(low, four), low), _mm256_cmpeq_epi8(_mm256_min_epu8(high, four), high)),
        _mm256_cmpeq_epi8(_mm256_min_epu8(higher, four), higher));
    may = _mm256_or_si256(may, _mm256_and_si256(_mm256_cmpeq_epi8(v, e2), zero_width));
    const __m256i ideographic_space =
        _mm256_and_si256(_mm256_cmpeq_epi8(v, e3), _mm256_and_si256(_mm256_cmpeq_epi8(v1, x80), _mm256_cmpeq_epi8(v2, x80)));
    const __m256i bom = _mm256_and_si256(_mm256_cmpeq_epi8(v, ef), _mm256_cmpeq_epi8(v1, xbb));
    may = _mm256_or_si256(may, _mm256_or_si256(ideographic_space, bom));
    if (!_mm256_testz_si256(may, may) || candidate_lead(s[pos + 30]) || candidate_lead(s[pos + 31])) break;
    pos += 32;
  }
  if (pos + 34 > n) return pos;
  if (sort_out_block_avx2(s, n, pos)) {
    done = true;
    return pos;
  }
  }
}
#else
#define ENCODING_REPAIR_AVX2 0
#endif

/// The first byte at or after @p pos where an edit may start, or the text's size. Sixteen bytes
/// (32 with AVX2) are tested at a time, so clean prose is skipped at memory speed; the candidates
/// it finds (TAB and LF are below 0x20 but never edited; E3 and EF lead the common full-width
/// punctuation) are sorted out in place, stepping over each character that is not cleaned as a whole.
std::size_t next_edit_start(std::string_view text, std::size_t pos) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
#if ENCODING_REPAIR_AVX2
  if (docpipe::cpu_has_avx2()) {
    bool done = false;
    pos = next_edit_start_avx2(s, n, pos, done);
    if (done) return pos;
  }
#endif
#ifdef __SSE2__
  const __m128i c1f = _mm_set1_epi8(0x1F), lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'), del = _mm_set1_epi8(0x7F);
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2)), fe = _mm_set1_epi8(static_cast<char>(0xFE));
  const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2)), ef = _mm_set1_epi8(static_cast<char>(0xEF));
  const __m128i bs = _mm_set1_epi8('\\');
  while (pos + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + pos));
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v), _mm_cmpeq_epi8(v, bs));  // v <= 0x1F, backslash
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, c2)));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(v, fe), e2), _mm_cmpeq_epi8(v, ef)));  // E2 E3 EF
    if (sort_out_block(s, n, static_cast<unsigned>(_mm_movemask_epi8(hit)), 16, pos)) return pos;
  }
#endif
  while (pos < n) {
    if (!kInteresting[s[pos]]) {
      ++pos;
      continue;
    }
    const std::size_t step = step_over(s, n, pos);
    if (step == 0) return pos;
    pos += step;
  }
  return n;
}
}  // namespace

char32_t parse_character_reference(std::string_view text, std::size_t pos, std::size_t& len) noexcept {
  if (pos >= text.size() || text[pos] != '&') return 0;
  if (pos + 2 < text.size() && text[pos + 1] == '#') {
    // Numeric: as browsers read it, the `;` may be missing (`&#20013国`); the digits end the reference.
    const bool hex = text[pos + 2] == 'x' || text[pos + 2] == 'X';
    std::size_t i = pos + 2 + hex, digits = 0;
    char32_t cp = 0;
    for (int v; i < text.size() && digits <= 7 && (v = digit_value(text[i], hex)) >= 0; ++i, ++digits)
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    if (digits == 0 || digits > 7) return 0;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    len = i + (i < text.size() && text[i] == ';') - pos;
    // HTML reads references to 128..159 as Windows-1252 (`&#150;` is a dash), as pages meant them.
    if (const char32_t w = windows_1252::high_char(cp)) return w;
    return cp;
  }
  const std::size_t limit = std::min(text.size(), pos + 12);
  std::size_t semi = pos + 1;
  while (semi < limit && text[semi] != ';') ++semi;
  if (semi >= limit) return reference_without_semicolon(text, pos, len);
  const std::string_view body = text.substr(pos + 1, semi - pos - 1);
  len = semi + 1 - pos;
  for (const Named& n : kNamed)
    if (body == n.name) return n.cp;
  return reference_without_semicolon(text, pos, len);  // `&nbsp发展；`: the `;` is further on
}

namespace {

/// The value of the four hex digits at @p pos, or -1.
long hex4(std::string_view text, std::size_t pos) noexcept {
  if (pos + 4 > text.size()) return -1;
  long v = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    const int d = digit_value(text[i], true);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/// True when @p text holds at least two `\uXXXX` escapes of characters outside ASCII: text taken
/// from a JSON or JavaScript string without unescaping it, whose `\n` and `\"` are escapes too.
bool holds_string_escapes(std::string_view text) noexcept {
  int found = 0;
  for (std::size_t at = text.find("\\u"); at != std::string_view::npos && found < 2; at = text.find("\\u", at + 2)) {
    std::size_t len = 0;
    found += parse_backslash_escape(text, at, len) >= 0x80;
  }
  return found >= 2;
}

/// The text a JSON string escape other than `\uXXXX` at @p pos stands for (`\n`, `\r\n` and `\r` a
/// line break, `\t`, `\"`, `\/`, `\\`), its length in @p len; empty with @p len 0 when none.
std::string string_escape(std::string_view text, std::size_t pos, std::size_t& len) {
  len = 0;
  if (pos + 1 >= text.size()) return {};
  switch (text[pos + 1]) {
    case 'n': len = 2; return "\n";
    case 'r': len = text.compare(pos + 2, 2, "\\n") == 0 ? 4 : 2; return "\n";
    case 't': len = 2; return "\t";
    case '"': len = 2; return "\"";
    case '/': len = 2; return "/";
    case '\\': len = 2; return "\\";
    default: return {};
  }
}

}  // namespace

char32_t parse_backslash_escape(std::string_view text, std::size_t pos, std::size_t& len) noexcept {
  if (text.compare(pos, 2, "\\u") != 0 && text.compare(pos, 2, "\\U") != 0) return 0;
  const long unit = hex4(text, pos + 2);
  if (unit <= 0) return 0;
  if (unit >= 0xD800 && unit <= 0xDBFF) {  // a surrogate pair, as JSON writes a character beyond the BMP
    if (text.compare(pos + 6, 2, "\\u") != 0) return 0;
    const long low = hex4(text, pos + 8);
    if (low < 0xDC00 || low > 0xDFFF) return 0;
    len = 12;
    return static_cast<char32_t>(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
  }
  if (unit >= 0xDC00 && unit <= 0xDFFF) return 0;
  len = 6;
  return static_cast<char32_t>(unit);
}

char32_t parse_unicode_escape(std::string_view text, std::size_t pos, std::size_t& len) noexcept {
  if (text.compare(pos, 3, "<U+") != 0) return 0;
  char32_t cp = 0;
  std::size_t i = pos + 3;
  for (int v; i < text.size() && i - pos - 3 < 7 && (v = digit_value(text[i], true)) >= 0; ++i)
    cp = cp * 16 + static_cast<char32_t>(v);
  const std::size_t digits = i - pos - 3;
  if (digits < 4 || digits > 6 || i >= text.size() || text[i] != '>') return 0;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  len = i + 1 - pos;
  return cp;
}

std::size_t html_markup_length(std::string_view text, std::size_t pos) noexcept {
  if (text.compare(pos, 4, "<!--") == 0) {
    const std::size_t end = text.find("-->", pos + 4);
    return end == std::string_view::npos ? 0 : end + 3 - pos;
  }
  std::size_t i = pos + 1;
  const bool closing = i < text.size() && text[i] == '/';
  if (closing) ++i;
  const std::size_t name_begin = i;
  while (i < text.size() && i - name_begin <= 16 && (ascii_alpha(text[i]) || (i > name_begin && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ':'))))
    ++i;
  if (i == name_begin) return 0;
  std::string name(text.substr(name_begin, i - name_begin));
  std::transform(name.begin(), name.end(), name.begin(), lower);
  if (!known_tag(name)) return 0;
  // Attributes: anything but angle brackets and line breaks, within a sane length.
  std::size_t j = i;
  if (j < text.size() && text[j] != '>' && text[j] != '/' && text[j] != ' ' && text[j] != '\t') return 0;
  while (j < text.size() && j - pos < 1024 && text[j] != '>' && text[j] != '<' && text[j] != '\n') ++j;
  if (j >= text.size() || text[j] != '>') return 0;
  std::size_t len = j + 1 - pos;
  if (!closing && (name == "script" || name == "style")) {
    // The element's content is code, not text.
    const std::string close = "</" + name;
    std::size_t k = pos + len;
    while (k < text.size()) {
      k = text.find("</", k);
      if (k == std::string_view::npos) return len;
      std::string candidate(text.substr(k, close.size()));
      std::transform(candidate.begin(), candidate.end(), candidate.begin(), lower);
      if (candidate == close) {
        const std::size_t gt = text.find('>', k);
        return gt == std::string_view::npos ? len : gt + 1 - pos;
      }
      k += 2;
    }
  }
  return len;
}

namespace {

/// parse_character_reference(), and through a reference escaped twice (`&amp;nbsp;`, `&amp;#8220;`:
/// text escaped once more by a CMS or a scraper) to its character. The second reference must
/// follow the first's `&` itself: `&amp;&amp;` is two ampersands.
char32_t reference_at(std::string_view text, std::size_t pos, std::size_t& len) {
  const char32_t cp = parse_character_reference(text, pos, len);
  if (cp != '&') return cp;
  const std::size_t from = pos + len, semi = text.find(';', from);
  if (semi == std::string_view::npos || semi - from >= 11) return cp;
  const std::string inner = "&" + std::string(text.substr(from, semi + 1 - from));
  std::size_t inner_len = 0;
  const char32_t twice = parse_character_reference(inner, 0, inner_len);
  if (twice == 0 || inner_len != inner.size()) return cp;
  len = semi + 1 - pos;
  return twice;
}

}  // namespace

std::vector<CleanEdit> find_cleaning_edits(std::string_view text, const CleanOptions& options) {
  std::vector<CleanEdit> edits;
  const std::size_t n = text.size();
  std::size_t pos = 0;
  auto at_line_start = [&](std::size_t p) {
    if (edits.empty() || edits.back().end != p) return p == 0 || text[p - 1] == '\n';
    // An earlier edit ending here may itself have produced a line break.
    const CleanEdit& e = edits.back();
    return e.after == "\n" || (e.after.empty() && (e.begin == 0 || text[e.begin - 1] == '\n'));
  };
  // A tag or comment of @p len bytes at @p at, its name at @p name_at (after `/` if closing), goes;
  // a block element's becomes a line break unless one is next to it.
  auto remove_markup = [&](std::size_t at, std::size_t len, std::size_t name_at) {
    std::size_t i = name_at + (text[name_at] == '/');
    std::string name;
    while (i < n && (ascii_alpha(text[i]) || std::isdigit(static_cast<unsigned char>(text[i])))) name += lower(text[i++]);
    const bool newline_near = (at > 0 && text[at - 1] == '\n') || (at + len < n && text[at + len] == '\n') || at == 0;
    edits.push_back({at, at + len, block_tag(name) && !newline_near ? "\n" : "", "html"});
  };
  // An escape of @p len bytes at @p at naming @p cp is read as the character it names; a no-break
  // or ideographic space as a plain space, as `&nbsp;` is, and an escaped control character as nothing.
  auto read_escape = [&](std::size_t at, std::size_t len, char32_t cp) {
    std::string after = wide_space(cp) ? std::string(" ") : control(cp) ? std::string() : utf8::encode(cp);
    edits.push_back({at, at + len, std::move(after), "escape"});
  };
  std::optional<bool> string_escapes;  // whether `\n` and `\"` are escapes: asked at the first backslash
  while ((pos = next_edit_start(text, pos)) < n) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b == '\\') {
      // A JSON or JavaScript string taken as it was written: `\u4e2d` is 中, and where the text holds
      // such escapes its `\n` and `\"` are escapes too (a lone `\n` in prose is left alone).
      std::size_t len = 0;
      if (const char32_t cp = parse_backslash_escape(text, pos, len)) {
        read_escape(pos, len, cp);
        pos += len;
        continue;
      }
      if (!string_escapes) string_escapes = holds_string_escapes(text);
      std::string after = *string_escapes ? string_escape(text, pos, len) : std::string();
      if (len == 0) {
        ++pos;
        continue;
      }
      edits.push_back({pos, pos + len, std::move(after), "escape"});
      pos += len;
      continue;
    }
    if (b == '<') {
      std::size_t escape_len = 0;
      if (const char32_t cp = parse_unicode_escape(text, pos, escape_len)) {
        read_escape(pos, escape_len, cp);
        pos += escape_len;
        continue;
      }
      const std::size_t len = options.strip_html ? html_markup_length(text, pos) : 0;
      if (len == 0) {
        ++pos;
        continue;
      }
      remove_markup(pos, len, pos + 1);
      pos += len;
      continue;
    }
    if (b == '&') {
      if (const std::size_t escaped = options.strip_html ? escaped_markup_length(text, pos) : 0) {
        remove_markup(pos, escaped, pos + 4);  // the name after `&lt;`
        pos += escaped;
        continue;
      }
      std::size_t len = 0;
      const char32_t cp = options.strip_html ? reference_at(text, pos, len) : 0;
      if (cp == 0) {
        ++pos;
        continue;
      }
      if (wide_space(cp)) {
        // Spaces written as references (`&nbsp;&nbsp;`, `&#12288;`), with literal wide and plain
        // spaces after them, are cleaned as a literal run is: gone at a line's start or end, one
        // space inside a line.
        std::size_t end = pos + len;
        for (;;) {
          std::size_t more = 0, p = end;
          if (end < n && text[end] == '&' && wide_space(reference_at(text, end, more))) end += more;
          else if (end < n && text[end] == ' ') ++end;
          else if (end < n && wide_space(utf8::next(text, p))) end = p;
          else break;
        }
        const bool line_end = end >= n || text[end] == '\n' || text[end] == '\r';
        edits.push_back({pos, end, at_line_start(pos) || line_end ? "" : " ", "html"});
        pos = end;
        continue;
      }
      edits.push_back({pos, pos + len, control(cp) ? std::string() : utf8::encode(cp), "html"});
      pos += len;
      continue;
    }
    if (b == '\r') {
      // CRLF, a lone CR, and CR CR LF: a CRLF file written again through a text-mode stream that
      // turned its LF into CRLF; one line end, not two.
      const std::size_t len = text.compare(pos, 3, "\r\r\n") == 0 ? 3 : pos + 1 < n && text[pos + 1] == '\n' ? 2 : 1;
      edits.push_back({pos, pos + len, "\n", "whitespace"});
      pos += len;
      continue;
    }
    std::size_t next = pos;
    const char32_t c = utf8::next(text, next);
    if (line_separator(c)) {
      edits.push_back({pos, next, "\n", "whitespace"});
      pos = next;
      continue;
    }
    if (c == 0) {
      // U+0000 comes in runs (zero code units padding UTF-16 text; NUL bytes in other text never
      // get here, the decoder leaves them out): one repair a run, not one a character.
      while (next < n && text[next] == '\0') ++next;
      edits.push_back({pos, next, std::string(), "control"});
      pos = next;
      continue;
    }
    if (control(c)) {
      // A C1 control is a Windows-1252 byte some decoder read as Latin-1: `parlé\x85` meant `parlé…`.
      const char32_t w = windows_1252::high_char(c);
      edits.push_back({pos, next, w ? utf8::encode(w) : std::string(), "control"});
      pos = next;
      continue;
    }
    if (wide_space(c)) {
      std::size_t end = next;
      while (end < n) {
        std::size_t p = end;
        const char32_t d = utf8::next(text, p);
        if (!wide_space(d) && d != ' ') break;
        end = p;
      }
      const bool line_start = at_line_start(pos);
      const bool line_end = end >= n || text[end] == '\n' || text[end] == '\r';
      // Indentation and trailing runs go; a run inside a line becomes one space.
      std::string after = line_start || line_end ? "" : " ";
      if (text.substr(pos, end - pos) != after) edits.push_back({pos, end, std::move(after), "whitespace"});
      pos = end;
      continue;
    }
    pos = next;
  }
  return edits;
}

}  // namespace encoding_repair
