#include "blocks.hpp"

#include <cctype>

#include "char_class.hpp"

namespace section_split {
namespace {

bool is_ascii_alnum(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// A blank run between two pieces of CJK text stands for a lost line break; a blank between ASCII
// words, numbers and units (`1994 年`, `C919 投入`) does not.
bool cuts_before(char32_t before, char32_t after) {
  const bool before_ok = before >= 0x80 || (before < 0x80 && !is_ascii_alnum(before));
  const bool after_ok = after >= 0x80 || (after >= U'0' && after <= U'9') || after == U'(' || after == U'[' ||
                        after == U'*' || after == U'#';
  return before_ok && after_ok && before != 0xFFFD && after != 0xFFFD;
}

Block make_block(std::string_view text, std::size_t begin, std::size_t end, bool whole_line) {
  Block b;
  // trim blanks of every width
  std::size_t p = begin;
  while (p < end) {
    std::size_t q = p;
    if (!is_blank(docpipe::utf8::next(text, q))) break;
    p = q;
  }
  std::size_t e = end;
  while (e > p) {
    const std::size_t q = prev_boundary(text, e);
    if (!is_blank(peek(text, q))) break;
    e = q;
  }
  b.begin = p;
  b.end = e;
  b.whole_line = whole_line;
  // markup prefix
  std::size_t c = p;
  for (int round = 0; round < 12 && c < e; ++round) {
    std::size_t start = c;
    if (text[c] == '#') {
      int n = 0;
      while (c < e && text[c] == '#') ++c, ++n;
      if (c < e && (text[c] == ' ' || text[c] == '\t')) b.markdown_level = n;
      else { c = start; break; }
    } else if (text[c] == '>' || ((text[c] == '-' || text[c] == '*') && c + 1 < e && text[c + 1] == ' ')) {
      ++c;
    } else if (text[c] == '<' && c + 1 < e &&
               (std::isalpha(static_cast<unsigned char>(text[c + 1])) || text[c + 1] == '/')) {
      // an HTML tag left over from the web (`<p>`, `<span class=…>`), or R's escape for a
      // character it could not print (`<U+00A0>`)
      const std::size_t close = text.find('>', c);
      if (close == std::string_view::npos || close >= e || close - c > 80) break;
      bool ascii = true;
      for (std::size_t q = c; q < close; ++q) ascii = ascii && static_cast<unsigned char>(text[q]) < 0x80;
      if (!ascii) break;
      c = close + 1;
    } else if (text[c] == '&') {
      // an entity standing for indentation: `&nbsp;`, `&emsp;`, `&#12288;`
      const std::size_t semi = text.find(';', c);
      if (semi == std::string_view::npos || semi >= e || semi - c > 8) break;
      bool word = semi > c + 1;
      for (std::size_t q = c + 1; q < semi; ++q) word = word && (std::isalnum(static_cast<unsigned char>(text[q])) || text[q] == '#');
      if (!word) break;
      c = semi + 1;
    } else if (c + 1 < e && ((text[c] == '*' && text[c + 1] == '*') || (text[c] == '_' && text[c + 1] == '_'))) {
      b.bold = true;
      c += 2;
    } else {
      break;
    }
    while (c < e) {
      std::size_t q = c;
      if (!is_blank(docpipe::utf8::next(text, q))) break;
      c = q;
    }
    if (c == start) break;
  }
  b.content = c;
  for (std::size_t q = c; q < e;) {
    const char32_t ch = docpipe::utf8::next(text, q);
    if (is_han(ch) || is_ascii_alnum(ch) || (ch >= 0xFF10 && ch <= 0xFF5A)) {
      b.has_text = true;
      break;
    }
  }
  return b;
}

}  // namespace

std::vector<std::size_t> runon_cuts(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> cuts;
  int quote_depth = 0;
  bool ascii_quote_open = false;
  std::size_t quote_open_at = 0;
  std::size_t sentence_end_at = 0;  // one past the last sentence mark
  char32_t before = 0;
  std::size_t pos = begin;
  while (pos < end) {
    const std::size_t here = pos;
    const char32_t c = docpipe::utf8::next(text, pos);
    if (is_blank(c)) {
      std::size_t after_pos = pos;
      while (after_pos < end) {
        std::size_t q = after_pos;
        if (!is_blank(docpipe::utf8::next(text, q))) break;
        after_pos = q;
      }
      if (after_pos >= end) break;
      const char32_t after = peek(text, after_pos);
      // A quotation left open for long is unbalanced damage, not a quotation.
      if ((quote_depth > 0 || ascii_quote_open) && here - quote_open_at > 600) quote_depth = 0, ascii_quote_open = false;
      // A quotation does not run past a sentence end followed by a line break.
      // (Markup left over from the web, `。</font> `, may stand between the two.)
      if (sentence_end_at != 0 && here - sentence_end_at <= 12) quote_depth = 0, ascii_quote_open = false;
      if (quote_depth == 0 && !ascii_quote_open && before != 0 && cuts_before(before, after)) cuts.push_back(after_pos);
      pos = after_pos;
      continue;
    }
    if (c == 0x201C || c == 0x300C) {
      if (quote_depth++ == 0) quote_open_at = here;
    } else if ((c == 0x201D || c == 0x300D) && quote_depth > 0) {
      --quote_depth;
    } else if (c == U'"') {
      ascii_quote_open = !ascii_quote_open;
      if (ascii_quote_open) quote_open_at = here;
    }
    if (is_sentence_end(c)) sentence_end_at = pos;
    before = c;
  }
  return cuts;
}

std::vector<Block> split_blocks(std::string_view text, std::size_t from, const BlockOptions& options) {
  std::vector<Block> blocks;
  std::size_t line = from;
  while (line < text.size()) {
    std::size_t nl = text.find('\n', line);
    if (nl == std::string_view::npos) nl = text.size();
    // Only a line that holds a good part of the document stands for lost line breaks: a long
    // paragraph of an otherwise well-broken text keeps its stray blanks (`坚 持统筹兼顾`).
    if (nl - line >= options.runon_min_bytes && (nl - line) * 5 >= text.size() - from) {
      std::vector<std::size_t> cuts = runon_cuts(text, line, nl);
      std::size_t start = line;
      const bool whole = cuts.empty();
      for (std::size_t cut : cuts) {
        Block b = make_block(text, start, cut, false);
        if (b.begin < b.end) blocks.push_back(b);
        start = cut;
      }
      Block b = make_block(text, start, nl, whole);
      if (b.begin < b.end) blocks.push_back(b);
    } else {
      Block b = make_block(text, line, nl, true);
      if (b.begin < b.end) blocks.push_back(b);
    }
    line = nl + 1;
  }
  return blocks;
}

}  // namespace section_split
