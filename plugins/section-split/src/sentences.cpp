#include "sentences.hpp"

#include <array>
#include <cstdint>

#include "char_class.hpp"
#include "mark_scan.hpp"

namespace section_split {
namespace {

// What a code point is to the splitter. The classes are disjoint, so one switch decides.
enum class Mark { other, open, close, ascii_quote, end };

constexpr Mark classify(char32_t c) noexcept {
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

// The class of every ASCII byte, and of every code point U+2000..U+2FFF, U+3000..U+3FFF and
// U+F000..U+FFFF by its two trail bytes (lead bytes E2, E3, EF): a table lookup instead of a decode
// and a switch for the marks and the commas between them.
constexpr std::array<Mark, 128> kAsciiClass = [] {
  std::array<Mark, 128> t{};
  for (char32_t c = 0; c < 128; ++c) t[c] = classify(c);
  return t;
}();

constexpr std::array<Mark, 3 * 4096> make_three_byte_classes() {
  std::array<Mark, 3 * 4096> t{};
  const char32_t blocks[3] = {0x2000, 0x3000, 0xF000};
  for (std::size_t k = 0; k < 3; ++k)
    for (char32_t low = 0; low < 4096; ++low) t[k * 4096 + low] = classify(blocks[k] + low);
  return t;
}

constexpr std::array<Mark, 3 * 4096> kThreeByteClass = make_three_byte_classes();

// The class of the code point at @p p (< @p end) and where it ends (@p q), as utf8::next and
// classify() would give them.
inline Mark read_mark(std::string_view text, const unsigned char* bytes, std::size_t p, std::size_t end,
                    std::size_t& q) noexcept {
  const unsigned char b0 = bytes[p];
  if (b0 < 0x80) {
    q = p + 1;
    return kAsciiClass[b0];
  }
  const int block = b0 == 0xE2 ? 0 : b0 == 0xE3 ? 1 : b0 == 0xEF ? 2 : -1;
  if (block >= 0 && p + 3 <= end && (bytes[p + 1] & 0xC0) == 0x80 && (bytes[p + 2] & 0xC0) == 0x80) {
    q = p + 3;
    const std::size_t low = (std::size_t(bytes[p + 1] & 0x3F) << 6) | (bytes[p + 2] & 0x3F);
    return kThreeByteClass[std::size_t(block) * 4096 + low];
  }
  q = p;
  return classify(docpipe::utf8::next(text, q));
}

// First bytes of the code points is_blank() accepts: ASCII space, tab, CR; C2 (NBSP); E2 (U+2000
// block, U+202F, U+205F); E3 (U+3000); EF (U+FEFF).
constexpr std::array<bool, 256> kMayBeBlank = [] {
  std::array<bool, 256> t{};
  for (unsigned char b : {' ', '\t', '\r', '\xC2', '\xE2', '\xE3', '\xEF'}) t[b] = true;
  return t;
}();

// Bytes of the blank code point (is_blank) that ends at @p e, not before @p b; 0 when none. Read
// from the bytes: a sentence nearly always ends in `。` or `”`, which a decode would only turn down.
std::size_t blank_before(const unsigned char* bytes, std::size_t b, std::size_t e) noexcept {
  const unsigned char last = bytes[e - 1];
  if (last < 0x80) return last == ' ' || last == '\t' || last == '\r' ? 1 : 0;
  if (e - b >= 2 && bytes[e - 2] == 0xC2 && last == 0xA0) return 2;  // NBSP
  if (e - b < 3) return 0;
  const unsigned char lead = bytes[e - 3], mid = bytes[e - 2];
  const bool blank = (lead == 0xE3 && mid == 0x80 && last == 0x80) ||                           // U+3000
                     (lead == 0xE2 && mid == 0x80 && (last <= 0x8B || last == 0xAF)) ||         // U+2000..200B, 202F
                     (lead == 0xE2 && mid == 0x81 && last == 0x9F) ||                           // U+205F
                     (lead == 0xEF && mid == 0xBB && last == 0xBF);                             // U+FEFF
  return blank ? 3 : 0;
}

// Inline: called once per sentence, where a call and its saved registers were a quarter of its cost.
[[gnu::always_inline]] inline void push_trimmed(std::string_view text, std::size_t b, std::size_t e, std::vector<docpipe::Span>& out) {
  while (b < e && kMayBeBlank[static_cast<unsigned char>(text[b])]) {
    std::size_t q = b;
    if (!is_blank(docpipe::utf8::next(text, q))) break;
    b = q;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (e > b) {
    const std::size_t n = blank_before(bytes, b, e);
    if (n == 0) break;
    e -= n;
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
  MarkBlock last_block;  // the mark scan's last block, reused while the next search starts in it
  while (p < end) {
    // Document::text is valid UTF-8, so the bytes next_mark_candidate() stops at are code point
    // starts and the code points stepped over are counted by their lead bytes; the count matters only
    // inside a quotation or brackets. A comma it passes over would only have counted itself and
    // checked the 300 code point limit, which the next mark checks with the same count.
    const std::size_t mark_at = next_mark_candidate(bytes, p, end, last_block);
    if (depth > 0 || ascii_quote) opened_cp += count_code_points(bytes, p, mark_at);
    p = mark_at;
    if (p >= end) break;
    std::size_t q;
    const Mark mark = read_mark(text, bytes, p, end, q);
    if (depth > 0 || ascii_quote) {
      if (++opened_cp > 300) depth = 0, ascii_quote = false;
    }
    if (mark == Mark::open) {
      if (depth == 0 && !ascii_quote) opened_cp = 0;
      ++depth;
    } else if (mark == Mark::close && depth > 0) {
      --depth;
    } else if (mark == Mark::ascii_quote) {
      ascii_quote = !ascii_quote;
      if (ascii_quote && depth == 0) opened_cp = 0;
    } else if (mark == Mark::end && (bytes[p] >= 0x80 || ends_ascii_sentence(text, paragraph.begin, p))) {
      // take further marks and the closers that follow (`！”`, `。）`, `?!`)
      std::size_t r = q;
      int d = depth;
      bool aq = ascii_quote;
      // The classes of read_mark() are those of is_sentence_end(), `”` with is_close_bracket() and
      // `"`: the table lookup the scan uses, not a decode and a chain of compares per code point.
      while (r < end) {
        std::size_t s;
        const Mark next = read_mark(text, bytes, r, end, s);
        if (next == Mark::end) {
          r = s;
        } else if (next == Mark::close && d > 0) {
          --d;
          r = s;
        } else if (next == Mark::ascii_quote && aq) {
          aq = false;
          r = s;
        } else if (bytes[r] == '*' && s < end && text[s] == '*') {
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
