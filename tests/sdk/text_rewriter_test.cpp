#include <catch2/catch.hpp>

#include "docpipe/text_rewriter.hpp"

using namespace docpipe;

namespace {
Document make(const std::string& text) {
  Document d;
  d.raw = text;
  d.text = text;
  d.source_map = SourceMap::identity(text.size());
  return d;
}
}  // namespace

TEST_CASE("replacements are recorded with exact text and source offsets") {
  Document d = make("活力?;剀囅 and <b>x</b>");
  d.annotations.push_back({{d.text.find("x"), d.text.find("x") + 1}, "t", {}, "test"});
  TextRewriter rw(d, "test");
  const std::size_t q = d.text.find("?");
  rw.replace(q, q + 2, "。", "mojibake-lost-byte", 0.9);
  const std::size_t b = d.text.find("<b>");
  rw.replace(b, b + 3, "", "html");
  const std::size_t e = d.text.find("</b>");
  rw.replace(e, e + 4, "", "html");
  rw.commit(d);

  CHECK(d.text == "活力。剀囅 and x");
  REQUIRE(d.repairs.size() == 3);
  CHECK(d.repairs[0].before == "?;");
  CHECK(d.repairs[0].after == "。");
  CHECK(d.repairs[0].span.of(d.text) == "。");
  CHECK(d.repairs[0].source_begin == q);
  CHECK(d.repairs[0].source_end == q + 2);
  CHECK(d.repairs[1].before == "<b>");
  CHECK(d.repairs[1].span.empty());
  CHECK(d.repairs[1].source_end - d.repairs[1].source_begin == 3);
  // The annotation moved with its text.
  CHECK(d.annotations[0].span.of(d.text) == "x");
  // The source map leads back to the original bytes.
  const std::size_t x = d.text.find("x");
  CHECK(d.raw.substr(d.source_map.to_source(x), 1) == "x");
  CHECK(d.source_map.to_source(d.text.find("剀")) == d.raw.find("剀"));
}

TEST_CASE("two rewrites compose their source maps and keep earlier repairs") {
  Document d = make("aa<i>bb</i>cc");
  {
    TextRewriter rw(d, "one");
    rw.replace(2, 5, "", "html");
    rw.replace(7, 11, "", "html");
    rw.commit(d);
  }
  REQUIRE(d.text == "aabbcc");
  {
    TextRewriter rw(d, "two");
    rw.replace(2, 4, "BB", "script");
    rw.commit(d);
  }
  CHECK(d.text == "aaBBcc");
  REQUIRE(d.repairs.size() == 3);
  CHECK(d.repairs[1].after == "BB");
  CHECK(d.repairs[1].source_begin == 5);
  CHECK(d.repairs[1].source_end == 7);
  CHECK(d.source_map.to_source(4) == 11);
}

TEST_CASE("rewriter refuses edits out of order or inside a character") {
  Document d = make("中文abc");
  TextRewriter rw(d, "t");
  CHECK_THROWS_AS(rw.replace(1, 3, "x", "k"), std::logic_error);
  rw.replace(6, 7, "A", "k");
  CHECK_THROWS_AS(rw.replace(0, 1, "x", "k"), std::logic_error);
}

TEST_CASE("an edit inside an earlier repair keeps the source map's total and later offsets exact") {
  Document d = make("ab?;cd|ef");
  {
    TextRewriter rw(d, "one");
    rw.replace(2, 4, "XYZ", "mojibake-lost-byte");  // "?;" -> "XYZ": one unit of 3 text bytes from 2
    rw.commit(d);
  }
  REQUIRE(d.text == "abXYZcd|ef");
  {
    TextRewriter rw(d, "two");
    rw.replace(3, 4, "y", "script");  // inside the first repair's text
    rw.commit(d);
  }
  CHECK(d.text == "abXyZcd|ef");
  CHECK(d.source_map.source_size() == d.raw.size());
  CHECK(d.source_map.text_size() == d.text.size());
  // Everything after the repairs still maps to its own bytes.
  CHECK(d.source_map.to_source(d.text.find('|')) == d.raw.find('|'));
  CHECK(d.source_map.to_source(d.text.find('c')) == d.raw.find('c'));
  const Repair& inner = d.repairs[1].kind == "script" ? d.repairs[1] : d.repairs[0];
  CHECK(inner.source_begin == 2);
  CHECK(inner.source_end == 4);
}

TEST_CASE("a rewrite of GBK-decoded text keeps every kept character's source offsets") {
  // Twenty characters of three text bytes from two source bytes each, with one edit in the middle.
  Document d;
  d.raw = std::string(40, 'x');
  for (int i = 0; i < 20; ++i) {
    d.text += "\xE4\xB8\x80";  // 一
    d.source_map.append(3, 2);
  }
  TextRewriter rw(d, "test");
  rw.replace(30, 33, "", "control");  // the eleventh character goes
  rw.commit(d);
  REQUIRE(d.text.size() == 57);
  CHECK(d.source_map.text_size() == 57);
  CHECK(d.source_map.source_size() == 40);
  for (std::size_t c = 0; c < 19; ++c) {
    const std::size_t source = c < 10 ? 2 * c : 2 * (c + 1);
    CHECK(d.source_map.to_source(3 * c) == source);
    CHECK(d.source_map.to_source_end(3 * c + 3) == source + 2);
  }
  CHECK(d.repairs.at(0).source_begin == 20);
  CHECK(d.repairs.at(0).source_end == 22);
}
