#include "sentences.hpp"

#include <array>
#include <cstdint>

#include "char_class.hpp"

namespace section_split {
namespace {

// Bytes per step over a code point that cannot be a mark, by its first byte; 0 for the first bytes of
// marks (`!?;"()[]` and E2, E3, EF, which start the full-width ones). A lead byte gives the length of
// its sequence; a stray trail byte is stepped over alone.
constexpr std::array<std::uint8_t, 256> kSkipStep = [] {
  std::array<std::uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  for (unsigned char b : {'!', '?', ';', '"', '(', ')', '[', ']'}) t[b] = 0;
  t[0xE2] = t[0xE3] = t[0xEF] = 0;
  return t;
}();

// What a code point is to the splitter. The classes are disjoint, so one switch decides.
enum class Mark { other, open, close, ascii_quote, end };

Mark classify(char32_t c) noexcept {
  switch (c) {
    case 0x201C: case 0xFF08: case U'(': case 0x300A: case 0x3010: case U'[': case 0xFF3B: case 0x3008:
    case 0x300C: case 0x300E:
      return Mark::open;  // `“` and is_open_bracket
    case 0x201D: case 0xFF09: case U')': case 0x300B: case 0x3011: case U']': case 0xFF3D: case 0x3009:
    case 0x300D: case 0x300F:
      return Mark::close;  // `”` and is_close_bracket
    case U'"':
      return Mark::ascii_quote;
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case U'!': case U'?': case U';':
      return Mark::end;  // is_sentence_end
    default:
      return Mark::other;
  }
}

// First bytes of the code points is_blank() accepts: ASCII space, tab, CR; C2 (NBSP); E2 (U+2000
// block, U+202F, U+205F); E3 (U+3000); EF (U+FEFF).
constexpr std::array<bool, 256> kMayBeBlank = [] {
  std::array<bool, 256> t{};
  for (unsigned char b : {' ', '\t', '\r', '\xC2', '\xE2', '\xE3', '\xEF'}) t[b] = true;
  return t;
}();

void push_trimmed(std::string_view text, std::size_t b, std::size_t e, std::vector<docpipe::Span>& out) {
  while (b < e && kMayBeBlank[static_cast<unsigned char>(text[b])]) {
    std::size_t q = b;
    if (!is_blank(docpipe::utf8::next(text, q))) break;
    b = q;
  }
  while (e > b) {
    const std::size_t q = prev_boundary(text, e);
    if (!kMayBeBlank[static_cast<unsigned char>(text[q])] || !is_blank(peek(text, q))) break;
    e = q;
  }
  if (b < e) out.push_back({b, e});
}

// An ASCII `!?;` ends a sentence only as the fold of `！？；` after text (`增长7.8%!`), not in
// markup or entities (`<!--`, `&nbsp;`).
bool ends_ascii_sentence(std::string_view text, std::size_t begin, std::size_t at) {
  if (at <= begin) return false;
  const char32_t before = peek(text, prev_boundary(text, at));
  return before >= 0x80 || (before >= U'0' && before <= U'9') || before == U'%' || before == U')' ||
         before == U'"';
}

}  // namespace

void split_sentences(std::string_view text, docpipe::Span paragraph, std::vector<docpipe::Span>& out) {
  const std::size_t end = paragraph.end;
  std::size_t start = paragraph.begin;
  std::size_t p = paragraph.begin;
  int depth = 0;              // open quotes and brackets
  bool ascii_quote = false;   // inside a `"…"` pair
  std::size_t opened_cp = 0;  // code points read since the outermost opening
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (p < end) {
    // Every mark we look for is ASCII or starts with E2, E3 or EF; other code points (Han characters
    // are E4..E9) are stepped over whole by their lead byte, without decoding, and only counted.
    std::size_t skipped = 0;
    // Runs of Han characters two at a time: a lead byte that steps by three at p and at p + 3.
    while (p + 3 < end && kSkipStep[bytes[p]] == 3 && kSkipStep[bytes[p + 3]] == 3) {
      p += 6;
      skipped += 2;
    }
    std::uint8_t step;
    while (p < end && (step = kSkipStep[bytes[p]]) != 0) {
      p += step;
      ++skipped;
    }
    if (depth > 0 || ascii_quote) opened_cp += skipped;
    if (p >= end) break;
    std::size_t q = p;
    const char32_t c = docpipe::utf8::next(text, q);
    if (depth > 0 || ascii_quote) {
      if (++opened_cp > 300) depth = 0, ascii_quote = false;
    }
    const Mark mark = classify(c);
    if (mark == Mark::open) {
      if (depth == 0 && !ascii_quote) opened_cp = 0;
      ++depth;
    } else if (mark == Mark::close && depth > 0) {
      --depth;
    } else if (mark == Mark::ascii_quote) {
      ascii_quote = !ascii_quote;
      if (ascii_quote && depth == 0) opened_cp = 0;
    } else if (mark == Mark::end && (c >= 0x80 || ends_ascii_sentence(text, paragraph.begin, p))) {
      // take further marks and the closers that follow (`！”`, `。）`, `?!`)
      std::size_t r = q;
      int d = depth;
      bool aq = ascii_quote;
      while (r < end) {
        std::size_t s = r;
        const char32_t n = docpipe::utf8::next(text, s);
        if (is_sentence_end(n)) {
          r = s;
        } else if ((n == 0x201D || is_close_bracket(n)) && d > 0) {
          --d;
          r = s;
        } else if (n == U'"' && aq) {
          aq = false;
          r = s;
        } else if (n == U'*' && s < end && text[s] == '*') {
          r = s + 1;  // markdown bold closing after the mark
        } else {
          break;
        }
      }
      if (d == 0 && !aq) {
        push_trimmed(text, start, r, out);
        start = r;
        depth = 0;
        ascii_quote = false;
      } else {
        depth = d;
        ascii_quote = aq;
      }
      p = r;
      continue;
    }
    p = q;
  }
  push_trimmed(text, start, end, out);
}

}  // namespace section_split
