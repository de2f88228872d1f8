#include <catch2/catch.hpp>

#include "blocks.hpp"

using section_split::Block;
using section_split::BlockOptions;
using section_split::split_blocks;

namespace {
std::vector<std::string> pieces(const std::string& text, std::size_t runon = 1800) {
  BlockOptions o;
  o.runon_min_bytes = runon;
  std::vector<std::string> out;
  for (const Block& b : split_blocks(text, 0, o)) out.push_back(text.substr(b.begin, b.end - b.begin));
  return out;
}
}  // namespace

TEST_CASE("lines are blocks, trimmed of every kind of indentation, blank lines dropped") {
  // U+3000 ideographic space, U+2003 em space, NBSP, CRLF
  const std::string text = "\xE3\x80\x80\xE3\x80\x80一、总体要求\r\n\n\xE2\x80\x83\xE2\x80\x83（一）稳增长。\n\xC2\xA0正文\n";
  auto p = pieces(text);
  REQUIRE(p.size() == 3);
  CHECK(p[0] == "一、总体要求");
  CHECK(p[1] == "（一）稳增长。");
  CHECK(p[2] == "正文");
}

TEST_CASE("markup prefixes are recorded, not treated as text") {
  const std::string text = "## 一、回顾\n**二、安排**\n> 引文\n";
  auto blocks = split_blocks(text, 0);
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].markdown_level == 2);
  CHECK(text.substr(blocks[0].content, 3) == "一");
  CHECK(blocks[1].bold);
  CHECK(text.substr(blocks[1].content, 3) == "二");
  CHECK(text.substr(blocks[2].content, 3) == "引");
}

TEST_CASE("a run-on line is cut at the blanks between CJK text, not inside quotes or between ASCII words") {
  const std::string text =
      "提出意见。 一、2023年工作回顾 2023年是开局之年。开展“中秋国庆 乐购双节”活动,国产C919 投入运营。 "
      "——坚守政治品格。坚持学习。";
  auto p = pieces(text, 10);
  REQUIRE(p.size() == 4);
  CHECK(p[0] == "提出意见。");
  CHECK(p[1] == "一、2023年工作回顾");
  CHECK(p[2] == "2023年是开局之年。开展“中秋国庆 乐购双节”活动,国产C919 投入运营。");
  CHECK(p[3] == "——坚守政治品格。坚持学习。");
}

TEST_CASE("a quotation whose closing mark was lost does not swallow the following paragraphs") {
  // the closing quote was damaged into `?` and an HTML tag follows the sentence end
  const std::string text = "他指出:“要立足于做大做强。?</font> 11.著力打造集群。 12.邯郸道历史文化街区:包含公园。";
  auto p = pieces(text, 10);
  REQUIRE(p.size() == 3);
  CHECK(p[1].rfind("11.", 0) == 0);
  CHECK(p[2].rfind("12.", 0) == 0);
}

TEST_CASE("short lines are never cut at their blanks") {
  auto p = pieces("国务院总理\xE3\x80\x80李强\n");
  REQUIRE(p.size() == 1);
}

TEST_CASE("HTML tags, entities and R escapes left at the start of a line are markup, not text") {
  const std::string text = "<p>&nbsp;&nbsp;一、回顾</p>\n<U+00A0><U+00A0>（一）稳增长。\n<一>不是标签\n";
  auto blocks = split_blocks(text, 0);
  REQUIRE(blocks.size() == 3);
  CHECK(text.substr(blocks[0].content, 3) == "一");
  CHECK(text.substr(blocks[1].content, 3) == "（");
  CHECK(blocks[2].content == blocks[2].begin);  // `<一>` is not a tag
}
