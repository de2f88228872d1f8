#include <catch2/catch.hpp>

#include <string>

#include "entry_parser.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

namespace {
ParsedGlossary parse(const std::string& text) { return parse_entries(text, {0, text.size()}); }
}  // namespace

TEST_CASE("one-line numbered glossary with quoted, long and sub-listed terms and a tag leftover") {
  const std::string text =
      "1.全省“100+10”優質產業項目庫:發布了100個項目。 2.“二品一標”:指綠色食品。 "
      "3.“五個必須”:包括:①必須堅持。②必須把推進。 4.“中部板塊”功能定位:打造高地。”</font> "
      "5.震旦鴉雀:體型長約18.5cm。 2019年,列入名錄。";
  const ParsedGlossary g = parse(text);
  REQUIRE(g.entries.size() == 5);
  CHECK(g.numbered);
  CHECK(g.entries[0].term == "全省“100+10”優質產業項目庫");
  CHECK(g.entries[1].term == "二品一標");
  CHECK(g.entries[1].term_span.of(text) == "二品一標");
  CHECK(g.entries[1].title_span.of(text) == "“二品一標”");
  CHECK(g.entries[2].definition == "包括:①必須堅持。②必須把推進。");
  CHECK(g.entries[3].term == "“中部板塊”功能定位");
  CHECK(g.entries[3].definition == "打造高地。”");  // the tag is gone from the definition
  CHECK(g.entries[4].number == 5);
  CHECK(g.entries[4].definition == "體型長約18.5cm。 2019年,列入名錄。");
  for (std::size_t i = 0; i + 1 < g.entries.size(); ++i) CHECK(g.entries[i].span.end <= g.entries[i + 1].span.begin);
}

TEST_CASE("markdown glossary: bold numbered titles, definitions on the next line, page furniture after") {
  const std::string text =
      "\n**1.“四上”企业：**\n现阶段对达到一定规模的法人单位的称谓。\n"
      "**2．“双高计划”：**\n是“中国特色高水平高职学校和专业建设计划”的简称，\n由教育部实施。\n"
      "责任编辑：\n李莎莎\n扫一扫在手机打开当前页\n";
  const ParsedGlossary g = parse(text);
  REQUIRE(g.entries.size() == 2);
  CHECK(g.entries[0].term == "“四上”企业");
  CHECK(g.entries[0].definition == "现阶段对达到一定规模的法人单位的称谓。");
  CHECK(g.entries[1].definition == "是“中国特色高水平高职学校和专业建设计划”的简称，由教育部实施。");
  CHECK(text.substr(g.end).find("责任编辑") != std::string::npos);
  CHECK(text.substr(0, g.end).find("责任编辑") == std::string::npos);
}

TEST_CASE("unnumbered glossary: one term per paragraph, ends at the first non-entry") {
  const std::string text =
      "\n六个赤峰：建设绿色赤峰、创新赤峰。\n\n**九九攻坚突破：**聚力高能级产业形态。\n\n"
      "国考断面：国家地表水考核断面，\n我市共计24个。\n\n附件2\n";
  const ParsedGlossary g = parse(text);
  REQUIRE(g.entries.size() == 3);
  CHECK_FALSE(g.numbered);
  CHECK(g.entries[0].number == 0);
  CHECK(g.entries[1].term == "九九攻坚突破");
  CHECK(g.entries[1].definition == "聚力高能级产业形态。");
  CHECK(g.entries[2].definition == "国家地表水考核断面，我市共计24个。");
  CHECK(text.substr(0, g.end).find("附件2") == std::string::npos);
}

TEST_CASE("parenthesized and bracketed numbering; sub-items in another style stay in the definition") {
  const std::string text = "（1）“六稳”：稳就业、稳金融。\n（2）“六保”：包括1.保居民就业：保基本民生。\n";
  const ParsedGlossary g = parse(text);
  REQUIRE(g.entries.size() == 2);
  CHECK(g.entries[1].definition == "包括1.保居民就业：保基本民生。");
  const std::string bracketed = "[1]海关AEO：是统称。\n\n[2]三张“零关税”清单：原辅料清单。\n";
  const ParsedGlossary b = parse(bracketed);
  REQUIRE(b.entries.size() == 2);
  CHECK(b.entries[0].term == "海关AEO");
  CHECK(b.entries[1].number == 2);
}

TEST_CASE("clean_definition joins lines and drops tags and tag remnants") {
  CHECK(clean_definition("企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称") == "企业找技术、成果找市场“双向揭榜挂帅”的简称");
  CHECK(clean_definition("A<br/>B</font>C") == "ABC");
  CHECK(clean_definition("高地?!?/font>") == "高地?!?");
  CHECK(clean_definition("PM2.5 and\nPM10") == "PM2.5 and PM10");
  CHECK(clean_definition("1/2") == "1/2");
}

TEST_CASE("an entry whose term starts with a digit, told from a decimal by the numbering") {
  const std::string text =
      "5.三大中心：胸痛中心。\n6.5项工作获国务院督查激励表彰：市政府。\n7.走在前：加快。\n8.7510：主攻现代家居，长18.5米。\n";
  const ParsedGlossary g = parse_entries(text, {0, text.size()});
  REQUIRE(g.entries.size() == 4);
  CHECK(g.entries[1].number == 6);
  CHECK(g.entries[1].term == "5项工作获国务院督查激励表彰");
  CHECK(g.entries[3].term == "7510");
  CHECK(g.entries[3].definition == "主攻现代家居，长18.5米。");
}

TEST_CASE("full-width brackets, and unnumbered titles with the definition on the next line") {
  const std::string bracketed = "［1］一降三减：\n全年火灾起数总体下降。\n［2］ESI：\nEssential Science Indicators。\n";
  const ParsedGlossary b = parse_entries(bracketed, {0, bracketed.size()});
  REQUIRE(b.entries.size() == 2);
  CHECK(b.entries[1].number == 2);
  CHECK(b.entries[1].definition == "Essential Science Indicators。");
  const std::string plain = "\n一降三减：\n全年火灾起数总体下降。\n四大主导产业：\n旅游业、现代服务业。\n";
  const ParsedGlossary p = parse_entries(plain, {0, plain.size()});
  REQUIRE(p.entries.size() == 2);
  CHECK(p.entries[0].definition == "全年火灾起数总体下降。");
  CHECK(p.entries[1].term == "四大主导产业");
}

TEST_CASE("glossaries that lost their line breaks") {
  // Numbered, an entry straight after `）`.
  const std::string numbered = "4.五网：路网、水网（含气网）5. 四好农村路：“建好、管好”农村公路。";
  const ParsedGlossary n = parse_entries(numbered, {0, numbered.size()});
  REQUIRE(n.entries.size() == 2);
  CHECK(n.entries[1].term == "四好农村路");
  // Unnumbered: a `term：` after a sentence end starts an entry only if the report mentions it.
  const std::string text =
      "建设六个赤峰，推进国考断面达标。正文完。"
      "六个赤峰：建设绿色赤峰。其中：创新赤峰。国考断面：国家地表水考核断面。";
  const std::size_t glossary = text.find("六个赤峰：");
  const ParsedGlossary u = parse_entries(text, {glossary, text.size()}, {0, glossary});
  REQUIRE(u.entries.size() == 2);
  CHECK(u.entries[0].definition == "建设绿色赤峰。其中：创新赤峰。");
  CHECK(u.entries[1].term == "国考断面");
  CHECK(parse_entries(text, {glossary, text.size()}).entries.size() <= 1);  // no report to check against
}
