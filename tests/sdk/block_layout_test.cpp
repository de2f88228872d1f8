#include <catch2/catch.hpp>

#include "docpipe/export/block_layout.hpp"

using docpipe::Document;
using docpipe::Span;
using docpipe::exporting::Block;
using docpipe::exporting::layout_blocks;
using docpipe::exporting::trim_span;

namespace {

Span find(const std::string& text, const std::string& what) {
  const std::size_t p = text.find(what);
  REQUIRE(p != std::string::npos);
  return {p, p + what.size()};
}

std::vector<std::string> texts(const Document& doc, const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const Block& b : blocks) out.push_back((b.kind == Block::Kind::heading ? "H:" : "P:") + std::string(b.span.of(doc.text)));
  return out;
}

}  // namespace

TEST_CASE("an inline heading cuts its paragraph in two blocks") {
  Document doc;
  doc.text = "總體要求\n（一）堅持穩中求進。全年地區生產總值增長6%。\n";
  docpipe::Section s;
  s.level = 2;
  s.heading = find(doc.text, "（一）堅持穩中求進。");
  doc.sections.push_back(s);
  doc.paragraphs = {find(doc.text, "總體要求"), find(doc.text, "（一）堅持穩中求進。全年地區生產總值增長6%。")};
  const auto blocks = layout_blocks(doc);
  CHECK(texts(doc, blocks) == std::vector<std::string>{"P:總體要求", "H:（一）堅持穩中求進。", "P:全年地區生產總值增長6%。"});
  CHECK(blocks[1].section == 0);
}

TEST_CASE("without a paragraph layer the lines become paragraphs, trimmed, blank ones dropped") {
  Document doc;
  doc.text = "\u3000\u3000第一段。 \n\n  \n第二段。";
  CHECK(texts(doc, layout_blocks(doc)) == std::vector<std::string>{"P:第一段。", "P:第二段。"});
}

TEST_CASE("text the paragraphs leave uncovered still appears, and the title span does not") {
  Document doc;
  doc.text = "政府工作報告\n前言\n正文一。\n尾注";
  doc.metadata.title_span = find(doc.text, "政府工作報告");
  doc.paragraphs = {find(doc.text, "正文一。")};
  CHECK(texts(doc, layout_blocks(doc)) == std::vector<std::string>{"P:前言", "P:正文一。", "P:尾注"});
}

TEST_CASE("a one-line damaged text is cut at every heading") {
  Document doc;
  doc.text = "一、回顧過去工作很好。二、展望明年更好。";
  docpipe::Section a, b;
  a.heading = find(doc.text, "一、回顧過去");
  b.heading = find(doc.text, "二、展望明年");
  doc.sections = {a, b};
  CHECK(texts(doc, layout_blocks(doc)) ==
        std::vector<std::string>{"H:一、回顧過去", "P:工作很好。", "H:二、展望明年", "P:更好。"});
}

TEST_CASE("overlapping headings and spans outside the text or inside a character are ignored") {
  Document doc;
  doc.text = "一、甲乙丙";
  docpipe::Section a, b, c, d;
  a.heading = {0, 9};             // 一、甲
  b.heading = {3, 12};            // overlaps a
  c.heading = {0, 100};           // past the end
  d.heading = {1, 4};             // inside a character
  doc.sections = {a, b, c, d};
  doc.paragraphs = {{2, 5}, {0, 1000}};
  const auto blocks = layout_blocks(doc);
  CHECK(texts(doc, blocks) == std::vector<std::string>{"H:一、甲", "P:乙丙"});
}

TEST_CASE("trimming removes ASCII, ideographic and no-break spaces only at the ends") {
  const std::string t = " \u3000甲 乙\u00A0\n";
  const Span s = trim_span(t, {0, t.size()});
  CHECK(s.of(t) == "甲 乙");
  CHECK(trim_span(t, {0, 1}).empty());
}
