// split_sentences() steps over text it cannot split at without decoding it. This checks it against
// the plainest reading of its contract, one decoded code point at a time, over every paragraph of the
// corpus and over damage the corpus does not show: quotations left open, punctuation folded to
// ASCII, line breaks lost.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "char_class.hpp"
#include "sentences.hpp"

namespace {

using docpipe::Span;
using namespace section_split;

void trimmed(std::string_view text, std::size_t b, std::size_t e, std::vector<Span>& out) {
  while (b < e) {
    std::size_t q = b;
    if (!is_blank(docpipe::utf8::next(text, q))) break;
    b = q;
  }
  while (e > b && is_blank(peek(text, prev_boundary(text, e)))) e = prev_boundary(text, e);
  if (b < e) out.push_back({b, e});
}

// The rules of sentences.hpp, one code point at a time. Only code points that may be marks (ASCII
// `!?;"()[]`, or a first byte E2, E3, EF) are looked at; the others are counted while a quotation
// or bracket is open, and the 300 code point limit is checked at the next one looked at.
std::vector<Span> reference(std::string_view text, Span paragraph) {
  std::vector<Span> out;
  const std::size_t end = paragraph.end;
  std::size_t start = paragraph.begin, p = paragraph.begin, opened = 0;
  int depth = 0;
  bool quote = false;
  while (p < end) {
    const auto b = static_cast<unsigned char>(text[p]);
    std::size_t q = p;
    const char32_t c = docpipe::utf8::next(text, q);
    const bool looked_at = b == '!' || b == '?' || b == ';' || b == '"' || b == '(' || b == ')' || b == '[' ||
                           b == ']' || b == 0xE2 || b == 0xE3 || b == 0xEF;
    if (depth > 0 || quote) ++opened;
    if (!looked_at) {
      p = q;
      continue;
    }
    if ((depth > 0 || quote) && opened > 300) depth = 0, quote = false;
    if (c == 0x201C || is_open_bracket(c)) {
      if (depth == 0 && !quote) opened = 0;
      ++depth;
    } else if ((c == 0x201D || is_close_bracket(c)) && depth > 0) {
      --depth;
    } else if (c == U'"') {
      quote = !quote;
      if (quote && depth == 0) opened = 0;
    } else if (is_sentence_end(c)) {
      bool ends = c >= 0x80;
      if (!ends && p > paragraph.begin) {
        const char32_t before = peek(text, prev_boundary(text, p));
        ends = before >= 0x80 || (before >= U'0' && before <= U'9') || before == U'%' || before == U')' ||
               before == U'"';
      }
      if (ends) {
        std::size_t r = q;
        int d = depth;
        bool aq = quote;
        while (r < end) {
          std::size_t s = r;
          const char32_t n = docpipe::utf8::next(text, s);
          if (is_sentence_end(n)) r = s;
          else if ((n == 0x201D || is_close_bracket(n)) && d > 0) --d, r = s;
          else if (n == U'"' && aq) aq = false, r = s;
          else if (n == U'*' && s < end && text[s] == '*') r = s + 1;
          else break;
        }
        if (d == 0 && !aq) {
          trimmed(text, start, r, out);
          start = r;
          depth = 0;
          quote = false;
        } else {
          depth = d;
          quote = aq;
        }
        p = r;
        continue;
      }
    }
    p = q;
  }
  trimmed(text, start, end, out);
  return out;
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size()))
    text.replace(p, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("sentences equal a code point by code point reading: corpus paragraphs and damaged copies") {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 20);
  std::size_t paragraphs = 0, sentences = 0, differing = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::ifstream in(files[i], std::ios::binary);
    const std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!docpipe::utf8::is_valid(report)) continue;
    std::vector<std::string> texts = {report};
    if (i % 4 == 0) texts.push_back(replaced(report, "”", ""));  // quotations never closed
    if (i % 4 == 1) texts.push_back(replaced(replaced(replaced(replaced(report, "“", "\""), "”", "\""), "；", ";"), "（", "("));
    if (i % 4 == 2) texts.push_back(replaced(report, "\n", ""));  // one paragraph
    if (i % 4 == 3) texts.push_back(replaced(replaced(report, "。", "。　"), "）", ")"));
    for (const std::string& text : texts) {
      for (std::size_t b = 0; b < text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        std::vector<Span> got;
        split_sentences(text, {b, e}, got);
        const std::vector<Span> expected = reference(text, {b, e});
        differing += got != expected;
        ++paragraphs;
        sentences += expected.size();
        b = e + 1;
      }
    }
  }
  CHECK(differing == 0);
  CHECK(paragraphs > 10000);
  CHECK(sentences > 50000);
}
