#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <random>
#include <regex>

#include "inline_marks.hpp"

using docpipe::Span;
using docpipe::html_export::Mark;
using docpipe::html_export::mark_order;
using docpipe::html_export::MarkedText;

namespace {

// A mark whose elements say which mark they belong to: <b data-m="ID"> ... </b>.
Mark tagged(std::size_t begin, std::size_t end, const std::string& id, int rank = 0) {
  Mark m;
  m.span = {begin, end};
  m.rank = rank;
  m.open = "<b data-m=\"" + id + "\" data-first=\"1\">";
  m.open_continued = "<b data-m=\"" + id + "\">";
  m.close = "</b>";
  return m;
}

std::string render(std::string_view text, std::vector<Mark> marks, Span range = {0, std::string::npos}) {
  if (range.end == std::string::npos) range.end = text.size();
  std::string out;
  MarkedText(text, std::move(marks)).render(out, range);
  return out;
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) s.replace(p, std::strlen(from), to);
  return s;
}

// Parses the output back: checks that the tags nest, and records for every mark id the text offsets
// (into the unescaped text) its elements cover and how many elements carry its first-tag marker.
struct Parsed {
  bool well_nested = true;
  std::string text;
  std::map<std::string, std::vector<std::size_t>> covered;
  std::map<std::string, int> firsts;
};

Parsed parse(const std::string& html) {
  Parsed p;
  std::vector<std::string> stack;
  std::size_t i = 0;
  std::string pending;
  auto flush = [&] {
    const std::string t = unescape(pending);
    for (std::size_t k = 0; k < t.size(); ++k)
      for (const std::string& id : stack) p.covered[id].push_back(p.text.size() + k);
    p.text += t;
    pending.clear();
  };
  while (i < html.size()) {
    if (html[i] != '<') {
      pending += html[i++];
      continue;
    }
    flush();
    const std::size_t close = html.find('>', i);
    const std::string tag = html.substr(i, close - i + 1);
    if (tag == "</b>") {
      if (stack.empty()) p.well_nested = false;
      else stack.pop_back();
    } else {
      std::smatch m;
      std::regex_search(tag, m, std::regex("data-m=\"([^\"]*)\""));
      stack.push_back(m[1]);
      if (tag.find("data-first") != std::string::npos) ++p.firsts[m[1]];
      p.covered[m[1]];
    }
    i = close + 1;
  }
  flush();
  if (!stack.empty()) p.well_nested = false;
  return p;
}

std::vector<std::size_t> range_of(Span s) {
  std::vector<std::size_t> v;
  for (std::size_t k = s.begin; k < s.end; ++k) v.push_back(k);
  return v;
}

}  // namespace

TEST_CASE("a number inside a glossary term nests inside it") {
  const std::string t = "推進十四五規劃";
  // 十四五 (bytes 6..15) inside the term 十四五規劃 (6..21).
  CHECK(render(t, {tagged(6, 15, "num", 2), tagged(6, 21, "gl", 0)}) ==
        "推進<b data-m=\"gl\" data-first=\"1\"><b data-m=\"num\" data-first=\"1\">十四五</b>規劃</b>");
}

TEST_CASE("marks with the same span nest by rank") {
  const std::string t = "增長5%";
  const std::string out = render(t, {tagged(6, 8, "rep", 4), tagged(6, 8, "num", 2), tagged(6, 8, "ind", 1)});
  CHECK(out == "增長<b data-m=\"ind\" data-first=\"1\"><b data-m=\"num\" data-first=\"1\"><b data-m=\"rep\" data-first=\"1\">5%</b></b></b>");
}

TEST_CASE("crossing marks are split so the output stays well nested") {
  const std::string t = "abcdefgh";
  // repair [2,6) crosses number [4,8): the repair wraps c-d, then is split around e-f.
  const std::string out = render(t, {tagged(2, 6, "rep"), tagged(4, 8, "num")});
  CHECK(out ==
        "ab<b data-m=\"rep\" data-first=\"1\">cd<b data-m=\"num\" data-first=\"1\">ef</b></b>"
        "<b data-m=\"num\">gh</b>");
  Parsed p = parse(out);
  CHECK(p.well_nested);
  CHECK(p.covered["rep"] == range_of({2, 6}));
  CHECK(p.covered["num"] == range_of({4, 8}));
}

TEST_CASE("an empty mark (a deletion) is an empty element where it stands") {
  const std::string t = "甲乙";
  Mark del = tagged(3, 3, "del", 4);
  CHECK(render(t, {tagged(0, 6, "num"), del}) ==
        "<b data-m=\"num\" data-first=\"1\">甲<b data-m=\"del\" data-first=\"1\"></b>乙</b>");
}

TEST_CASE("marks reaching out of the rendered range are clipped to it") {
  const std::string t = "0123456789";
  // A mark starting before the range and one ending after it, plus one wholly outside.
  const std::string out = render(t, {tagged(1, 5, "a"), tagged(4, 9, "b"), tagged(8, 9, "c")}, {3, 7});
  CHECK(out == "<b data-m=\"a\" data-first=\"1\">3<b data-m=\"b\" data-first=\"1\">4</b></b><b data-m=\"b\">56</b>");
}

TEST_CASE("text inside and between marks is escaped, tags are not") {
  const std::string t = "a<b>&\"c'";
  CHECK(render(t, {tagged(1, 4, "x")}) == "a<b data-m=\"x\" data-first=\"1\">&lt;b&gt;</b>&amp;&quot;c&#39;");
}

TEST_CASE("random overlapping marks always nest, cover exactly their spans, and keep the text") {
  std::mt19937 rng(20240124);
  const std::string alphabet = "ab<&>\"' ";
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const std::size_t n = 1 + rng() % 30;
    for (std::size_t k = 0; k < n; ++k) text += alphabet[rng() % alphabet.size()];
    std::vector<Mark> marks;
    const int count = static_cast<int>(rng() % 8);
    for (int k = 0; k < count; ++k) {
      std::size_t b = rng() % (n + 1), e = rng() % (n + 1);
      if (b > e) std::swap(b, e);
      if (rng() % 5 == 0) e = b;  // some deletions
      marks.push_back(tagged(b, e, "m" + std::to_string(k), static_cast<int>(rng() % 3)));
    }
    const Span range{rng() % (n + 1), n};
    const std::string out = render(text, marks, range);
    Parsed p = parse(out);
    INFO("text=" << text << " out=" << out);
    REQUIRE(p.well_nested);
    REQUIRE(p.text == text.substr(range.begin));
    for (const Mark& m : marks) {
      const std::string id = m.open.substr(m.open.find('"') + 1, m.open.find('"', m.open.find('"') + 1) - m.open.find('"') - 1);
      const bool shown = m.span.empty() ? (m.span.begin >= range.begin && m.span.begin < range.end)
                                        : (m.span.end > range.begin);
      if (!shown) {
        CHECK(p.covered.count(id) == 0);
        continue;
      }
      const Span clipped{std::max(m.span.begin, range.begin) - range.begin, m.span.end - range.begin};
      std::vector<std::size_t> got = p.covered[id];
      std::sort(got.begin(), got.end());
      CHECK(got == range_of(clipped));
      CHECK(p.firsts[id] == 1);
    }
  }
}

TEST_CASE("a mark cut by two ranges opens with its first tag once, and reports its anchor") {
  const std::string t = "甲乙。丙丁";
  Mark m = tagged(3, 12, "ind");  // 乙。丙
  m.anchor = "ind-0";
  Mark unseen = tagged(15, 15, "u");
  unseen.anchor = "u-0";
  MarkedText marked(t, {m, unseen});
  CHECK_FALSE(marked.rendered("ind-0"));
  std::string first, second;
  marked.render(first, {0, 9});
  marked.render(second, {9, 12});
  CHECK(first == "甲<b data-m=\"ind\" data-first=\"1\">乙。</b>");
  CHECK(second == "<b data-m=\"ind\">丙</b>");
  CHECK(marked.rendered("ind-0"));
  CHECK_FALSE(marked.rendered("u-0"));  // outside every rendered range
}
