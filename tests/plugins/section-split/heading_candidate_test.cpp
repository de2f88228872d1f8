#include <catch2/catch.hpp>

#include "blocks.hpp"
#include "heading_candidate.hpp"

using section_split::Candidate;
using section_split::read_candidate;
using section_split::Style;

namespace {
// Reads the first block of @p line as a candidate.
std::optional<Candidate> read(const std::string& line) {
  auto blocks = section_split::split_blocks(line, 0);
  REQUIRE(!blocks.empty());
  return read_candidate(line, blocks.front());
}
std::string title(const std::string& line) {
  auto c = read(line);
  REQUIRE(c);
  return line.substr(c->title_begin, c->title_end - c->title_begin);
}
}  // namespace

TEST_CASE("level-1 labels in both scripts, with and without markup") {
  for (std::string line : {"一、2023年工作回顾", "## 一、2023年工作回顾", "**一、2023年工作回顾**", "\xE3\x80\x80一、2023年工作回顾"}) {
    auto c = read(line);
    REQUIRE(c);
    CHECK(c->style == Style::chinese);
    CHECK(c->number == 1);
    CHECK(c->label == "一");
    CHECK(title(line) == "2023年工作回顾");
  }
  auto trad = read("十二、全面提升政府自身建設水平");
  REQUIRE(trad);
  CHECK(trad->number == 12);
  CHECK(trad->label == "十二");
}

TEST_CASE("（一） and (一), written inline: the title runs to the first 。") {
  for (std::string line : {"（一）聚焦项目引领、产业支撑，打造强大引擎。围绕全市产业生态圈……",
                           "(一)聚焦项目引领、产业支撑,打造强大引擎。围绕全市产业生态圈……"}) {
    auto c = read(line);
    REQUIRE(c);
    CHECK(c->style == Style::paren_chinese);
    CHECK(c->label == "一");
    CHECK_FALSE(c->standalone);
  }
  CHECK(title("(一)聚焦项目引领、产业支撐,打造强大引擎。围绕") == "聚焦项目引领、产业支撐,打造强大引擎");
  CHECK(title("**（二）深化改革。**推动") == "深化改革");
}

TEST_CASE("numbers that are not labels: 二十大, 十四五, 一年来, 2.5万, 2022年") {
  CHECK_FALSE(read("二十大精神全面贯彻。"));
  CHECK_FALSE(read("十四五规划顺利实施。"));
  CHECK_FALSE(read("一年來,我們招大引強、增創優勢。"));
  CHECK_FALSE(read("2.5万亿元的投资计划已经下达，各项工作有序推进。"));
  auto year = read("2022年工作回顾");  // a plain heading, not `20` as a label
  REQUIRE(year);
  CHECK(year->style == Style::plain);
}

TEST_CASE("level-3 labels: 1. 1． 1、 (1) （1） ①") {
  CHECK(read("1.提升通行效率。打通断头路")->style == Style::arabic);
  CHECK(read("1．提升通行效率。")->style == Style::arabic);
  CHECK(read("3、创新招引方式。")->style == Style::arabic);
  CHECK(read("（1）“六稳”：稳就业。")->style == Style::paren_arabic);
  CHECK(read("(2)六保。")->style == Style::paren_arabic);
  auto circled = read("①必须把坚持高质量发展作为新时代的硬道理。");
  REQUIRE(circled);
  CHECK(circled->style == Style::circled);
  CHECK(circled->number == 1);
}

TEST_CASE("a glossary entry's term ends at its colon, in both widths") {
  auto c = read("1.全省“100+10”优质产业项目库:2023年中国·廊坊国际经济贸易洽谈会开幕式上。");
  REQUIRE(c);
  std::string line = "1.全省“100+10”优质产业项目库:2023年中国·廊坊国际经济贸易洽谈会开幕式上。";
  REQUIRE(c->term_end > 0);
  CHECK(line.substr(c->title_begin, c->term_end - c->title_begin) == "全省“100+10”优质产业项目库");
}

TEST_CASE("—— items: a short clause closed by 。 at paragraph start, in U+2014 and U+2015") {
  auto c = read("——堅守絕對忠誠的政治品格。堅持以習近平新時代中國特色社會主義思想武裝頭腦。");
  REQUIRE(c);
  CHECK(c->style == Style::dash);
  CHECK(c->label == "——");
  CHECK(title("――国民经济继续快速增长。全省国内生产总值完成359.7亿元。") == "国民经济继续快速增长");
  CHECK(title("——经济回升向好、发展竞进焕新") == "经济回升向好、发展竞进焕新");
}

TEST_CASE("a dash list of long sentences: each entry is headed by its first clause") {
  CHECK(title("——经济总量持续攀升，实现生产总值1081.27亿元，比上年增长10.1%，增幅为近十余年来最高水平。") ==
        "经济总量持续攀升");
  // the enumeration comma does not end a clause
  CHECK_FALSE(read("——封建思想、小生产习惯势力和一些落后于形势发展的陈旧观念受到冲击，适应现代科学技术发展的新思想新观念正在形成。"));
}

TEST_CASE("dashes that are not items") {
  // the subtitle with the meeting
  CHECK_FALSE(read("——2024年3月5日在第十四届全国人民代表大会第二次会议上"));
  CHECK_FALSE(read("――一九九三年六月十九日在广州市第十届人民代表大会第一次会议上"));
  // a long first sentence with no short leading clause is no item
  CHECK_FALSE(read("——坚持以人民为中心的发展思想把增进民生福祉作为一切工作的出发点和落脚点并持续加大民生投入"
                   "推动一批群众急难愁盼问题得到有效解决。"));
  // a dash inside a sentence never starts a block, so it is never read
  CHECK_FALSE(read("成功疏解遷入在京央企三級子公司——華錄未來文化科技(北京)有限公司,開創全市先河。"));
}

TEST_CASE("a footnote marker is no label unless it opens the paragraph") {
  CHECK_FALSE(read("落實“雙減”(6)政策,推進“舒適午休”(5)。"));
}

TEST_CASE("appendix and glossary headers") {
  auto a = read("附件1");
  REQUIRE(a);
  CHECK(a->style == Style::appendix);
  CHECK(a->label == "附件1");
  auto g = read("附件 《政府工作報告》名詞解釋");
  REQUIRE(g);
  CHECK(g->names_glossary);
  CHECK(title("附件 《政府工作報告》名詞解釋") == "《政府工作報告》名詞解釋");
  auto n = read("**名词解释**");
  REQUIRE(n);
  CHECK(n->style == Style::appendix);
  CHECK(n->label.empty());
  CHECK(read("注释：")->style == Style::appendix);
  // a sentence that mentions an attachment is not one
  CHECK_FALSE(read("附件中列出的十件民生实事，我们将逐项抓好落实，确保年底前全部完成并向社会公布。"));
}

TEST_CASE("unlabeled part headings: short, no sentence mark, no trailing colon") {
  auto c = read("**2023年工作回顾**");
  REQUIRE(c);
  CHECK(c->style == Style::plain);
  CHECK(c->part_keyword);
  CHECK(read("## 国际形势和我国对外工作")->style == Style::plain_markdown);
  CHECK_FALSE(read("一年来，我们主要做了以下工作："));
  CHECK_FALSE(read("重点做好以下十个方面工作："));
  CHECK_FALSE(read("2024年邯鄲市叢臺區政府工作報告"));  // the title is not a section
}

TEST_CASE("unlabeled headings: long paragraphs are turned down, trailing blanks and marks do not count") {
  std::string han;
  for (int i = 0; i < 40; ++i) han += "全面推进";  // 160 code points, 480 bytes
  CHECK_FALSE(read(han + "。"));
  CHECK_FALSE(read("**" + han + "**：　　"));
  // a short heading followed by more blanks and `*` than the title limit is still one
  std::string blanks;
  for (int i = 0; i < 200; ++i) blanks += "\xE3\x80\x80*";
  auto c = read("2023年工作回顾总结" + blanks);
  REQUIRE(c);
  CHECK(c->standalone);
  CHECK(title("2023年工作回顾总结" + blanks) == "2023年工作回顾总结");
  // two sentence ends in the tail: the first ends the title, the second is text after it
  CHECK_FALSE(read("工作回顾总结" + blanks + "。。"));
}

TEST_CASE("unlabeled headings: the length limit follows max-plain-heading-chars") {
  std::string line;
  for (int i = 0; i < 10; ++i) line += "推进高质量";  // 50 code points, no mark
  auto blocks = section_split::split_blocks(line, 0);
  REQUIRE(blocks.size() == 1);
  CHECK_FALSE(read_candidate(line, blocks.front()));  // longer than the default 30
  section_split::CandidateOptions wide;
  wide.max_plain_chars = 60;
  auto c = read_candidate(line, blocks.front(), wide);
  REQUIRE(c);
  CHECK(c->style == Style::plain);
  CHECK(c->title_end == line.size());
}
