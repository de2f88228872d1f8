// Tests of the offset-contract checker.
#include <catch2/catch.hpp>

#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/span_checks.hpp"
#include "docpipe/text_rewriter.hpp"

using namespace docpipe;
using testkit::span_problems;

TEST_CASE("a document straight from the engine keeps the contract") {
  CHECK(span_problems(testkit::document_from_bytes("政府工作报告")).empty());
  CHECK(span_problems(testkit::document_from_bytes("")).empty());
}

TEST_CASE("each kind of broken span is named with its layer and index") {
  Document doc = testkit::document_from_bytes("报告ab");  // 报 and 告 are 3 bytes each: 8 bytes
  doc.sentences = {{0, 3}, {6, 4}};
  doc.numbers.push_back({});
  doc.numbers[0].span = {7, 9};
  doc.annotations.push_back({{1, 3}, "x", {}, "p"});
  const auto problems = span_problems(doc);
  REQUIRE(problems.size() == 3);
  CHECK_THAT(problems[0], Catch::StartsWith("sentences[1] [6, 4) ends before it begins"));
  CHECK_THAT(problems[1], Catch::StartsWith("numbers[0].span [7, 9) runs past the text's 8 bytes"));
  CHECK_THAT(problems[2], Catch::StartsWith("annotations[0].span [1, 3) cuts a UTF-8 sequence"));
}

TEST_CASE("a text changed behind the source map's back is caught; TextRewriter keeps it whole") {
  Document doc = testkit::document_from_bytes("<b>报告</b>");
  Document sloppy = doc;
  sloppy.text = "报告";
  REQUIRE(span_problems(sloppy).size() == 1);
  CHECK_THAT(span_problems(sloppy)[0], Catch::Contains("TextRewriter"));
  TextRewriter rw(doc, "test");
  rw.replace(0, 3, "", "html");
  rw.replace(9, 13, "", "html");
  rw.commit(doc);
  REQUIRE(doc.text == "报告");
  CHECK(span_problems(doc).empty());
}

TEST_CASE("the problem list is capped") {
  Document doc = testkit::document_from_bytes("ab");
  doc.paragraphs.assign(50, Span{5, 1});
  CHECK(span_problems(doc, 7).size() == 7);
}

TEST_CASE("code point boundaries") {
  const std::string t = "a报";
  CHECK(testkit::on_boundary(t, 0));
  CHECK(testkit::on_boundary(t, 1));
  CHECK_FALSE(testkit::on_boundary(t, 2));
  CHECK_FALSE(testkit::on_boundary(t, 3));
  CHECK(testkit::on_boundary(t, 4));
  CHECK_FALSE(testkit::on_boundary(t, 5));
}

TEST_CASE("layers out of the order document.hpp promises are named") {
  Document doc = testkit::document_from_bytes("一二三四五六七八九十");
  CHECK(testkit::order_problems(doc).empty());
  doc.sentences = {{0, 6}, {6, 12}};
  doc.paragraphs = {{0, 12}, {12, 30}};
  doc.numbers.resize(2);
  doc.numbers[0].span = {3, 6};
  doc.numbers[1].span = {9, 12};
  CHECK(testkit::order_problems(doc).empty());
  doc.sentences = {{0, 9}, {6, 12}};  // overlapping
  doc.numbers[1].span = {0, 3};       // out of order
  const auto problems = testkit::order_problems(doc);
  REQUIRE(problems.size() == 2);
  CHECK_THAT(problems[0], Catch::StartsWith("sentences[1] starts at 6, before [0] ends at 9"));
  CHECK_THAT(problems[1], Catch::StartsWith("numbers not in text order: [1] starts at 0"));
}
