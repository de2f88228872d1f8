#include <catch2/catch.hpp>

#include "outline.hpp"
#include "section_splitter.hpp"

using docpipe::Document;
using docpipe::Section;

namespace {
Document split(const std::string& text) {
  Document doc;
  doc.text = text;
  section_split::split_document(doc);
  return doc;
}
std::vector<const Section*> children(const Document& doc, int parent) {
  std::vector<const Section*> out;
  for (const auto& s : doc.sections)
    if (s.parent == parent) out.push_back(&s);
  return out;
}
int index_of(const Document& doc, const std::string& title) {
  for (std::size_t i = 0; i < doc.sections.size(); ++i)
    if (doc.sections[i].title == title) return int(i);
  return -1;
}
const std::string seed_path = std::string(DOCPIPE_SHARED_DIR) + "/seed/000_dbdc0dc46ac71758.txt";
}  // namespace

TEST_CASE("seed: three level-1 sections, six （一） under the second, five —— items under the third") {
  auto doc = section_split_test::document_from(seed_path);
  section_split::split_document(doc);
  std::vector<std::string> level1;
  for (auto* s : children(doc, -1))
    if (s->kind == "body") level1.push_back(s->title);
  CHECK(level1 == std::vector<std::string>{"2023年工作回顧", "2024年主要目標任務", "全面提升政府自身建設水平"});

  const int second = index_of(doc, "2024年主要目標任務");
  REQUIRE(second >= 0);
  auto sub = children(doc, second);
  REQUIRE(sub.size() == 6);
  for (std::size_t i = 0; i < sub.size(); ++i) {
    CHECK(sub[i]->level == 2);
    CHECK(sub[i]->kind == "body");
    CHECK(sub[i]->label == std::vector<std::string>{"一", "二", "三", "四", "五", "六"}[i]);
  }
  CHECK(sub[0]->title == "聚焦項目引領、產業支撐,打造高質量發展的強大引擎");

  const int third = index_of(doc, "全面提升政府自身建設水平");
  auto items = children(doc, third);
  REQUIRE(items.size() == 5);
  for (auto* s : items) {
    CHECK(s->kind == "item");
    CHECK(s->label == "——");
  }
  CHECK(items.front()->title == "堅守絕對忠誠的政治品格");
  // the dash inside `…子公司——華錄未來…` is no item: the first section has no children
  CHECK(children(doc, index_of(doc, "2023年工作回顧")).empty());
}

TEST_CASE("seed: the appendix holds the glossary entries; circled numbers are lists inside an entry") {
  auto doc = section_split_test::document_from(seed_path);
  section_split::split_document(doc);
  int appendix = -1;
  for (std::size_t i = 0; i < doc.sections.size(); ++i)
    if (doc.sections[i].label == "附件") appendix = int(i);
  REQUIRE(appendix >= 0);
  CHECK(doc.sections[std::size_t(appendix)].kind == "glossary");
  CHECK(doc.sections[std::size_t(appendix)].level == 1);
  auto entries = children(doc, appendix);
  REQUIRE(entries.size() >= 18);  // 1..20 with 14 missing in the source
  CHECK(entries.front()->title == "全省“100+10”優質產業項目庫");
  CHECK(entries.front()->label == "1");
  for (auto* e : entries) CHECK(e->kind == "glossary");
  // no numbered glossary entry leaked into the body as a level-3 item
  for (const auto& s : doc.sections)
    if (s.label == "1" || s.label == "2") CHECK(s.parent == appendix);
  const int five_musts = index_of(doc, "“五個必須”");
  REQUIRE(five_musts >= 0);
  auto list = children(doc, five_musts);
  REQUIRE(list.size() == 5);
  CHECK(list[0]->label == "①");
  CHECK(list[0]->title == "必須把堅持高質量發展作為新時代的硬道理");
}

TEST_CASE("spans: headings inside their section, children inside parents, siblings in order") {
  auto doc = section_split_test::document_from(seed_path);
  section_split::split_document(doc);
  REQUIRE(!doc.sections.empty());
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const auto& s = doc.sections[i];
    CHECK(s.span.contains(s.heading));
    CHECK(s.span.end <= doc.text.size());
    if (s.parent >= 0) {
      CHECK(s.parent < int(i));
      CHECK(doc.sections[std::size_t(s.parent)].span.contains(s.span));
      CHECK(s.level == doc.sections[std::size_t(s.parent)].level + 1);
    }
    if (i > 0) CHECK(doc.sections[i - 1].span.begin < s.span.begin);
  }
  // the heading text is the label and title as written
  const auto& first = doc.sections.front();
  CHECK(first.heading.of(doc.text) == "一、2023年工作回顧");
}

TEST_CASE("a second 一、 run under a short unlabeled line becomes an appendix, not more level-1 sections") {
  const std::string text =
      "各位代表：\n一、过去一年工作回顾\n正文。\n二、今年工作安排\n正文。\n三、加强政府自身建设\n正文。\n"
      "2022年10件惠民实事\n一、美丽乡村惠民工程。打造美丽河湖。\n二、交通物流惠民工程。实现县县通高。\n";
  auto doc = split(text);
  auto top = children(doc, -1);
  REQUIRE(top.size() == 4);
  CHECK(top[3]->kind == "appendix");
  CHECK(top[3]->title == "2022年10件惠民实事");
  const int appendix = index_of(doc, "2022年10件惠民实事");
  auto items = children(doc, appendix);
  REQUIRE(items.size() == 2);
  CHECK(items[0]->title == "美丽乡村惠民工程");
  CHECK(items[0]->kind == "appendix");
}

TEST_CASE("附件1 takes the next line as its title; its 一、 list stays inside it") {
  const std::string text =
      "各位代表：\n**一、2023年工作回顾**\n正文。\n**二、2024年工作安排**\n正文。\n**附件1**\n**2024年省十件民生实事**\n"
      "**一、提升就业服务能力。**开发岗位。\n**二、提高办学质量。**推动。\n**附件2**\n**名词解释**\n"
      "1.百千万工程：百县千镇万村高质量发展工程。\n2.“两新”：大规模设备更新和消费品以旧换新。\n";
  auto doc = split(text);
  auto top = children(doc, -1);
  REQUIRE(top.size() == 4);
  CHECK(top[2]->label == "附件1");
  CHECK(top[2]->title == "2024年省十件民生实事");
  CHECK(top[2]->kind == "appendix");
  CHECK(top[3]->label == "附件2");
  CHECK(top[3]->kind == "glossary");
  CHECK(children(doc, index_of(doc, "2024年省十件民生实事")).size() == 2);
  auto entries = children(doc, index_of(doc, "名词解释"));
  REQUIRE(entries.size() == 2);
  CHECK(entries[0]->title == "百千万工程");
  CHECK(entries[1]->title == "“两新”");
}

TEST_CASE("unlabeled part headings frame the report when there are several and they restart the numbering") {
  const std::string text =
      "各位代表：\n**2023年工作回顾**\n（一）经济运行稳中向好。正文。\n（二）改革开放持续深化。正文。\n"
      "**2024年工作安排**\n一、扩大有效需求。正文。\n二、推动产业升级。正文。\n**全面加强政府自身建设**\n正文。\n";
  auto doc = split(text);
  auto top = children(doc, -1);
  REQUIRE(top.size() == 3);
  CHECK(top[0]->label.empty());
  CHECK(top[0]->title == "2023年工作回顾");
  CHECK(children(doc, 0).size() == 2);
  CHECK(children(doc, index_of(doc, "2024年工作安排")).size() == 2);
}

TEST_CASE("a bold line inside a running 一、二、三 sequence does not cut it") {
  const std::string text =
      "各位代表：\n一、2023年工作回顾\n正文。\n**重点工作安排**\n（一）稳增长。正文。\n**政府自身建设情况**\n"
      "二、2024年工作安排\n正文。\n三、加强政府自身建设\n正文。\n";
  auto doc = split(text);
  auto top = children(doc, -1);
  REQUIRE(top.size() == 3);
  for (auto* s : top) CHECK(!s->label.empty());
}

TEST_CASE("numbering must run on: a stray 五、 inside a section is text") {
  const std::string text = "各位代表：\n一、回顾\n（一）稳增长。正文。\n五、这是正文里的枚举，不是标题。\n（二）促改革。正文。\n";
  auto doc = split(text);
  REQUIRE(children(doc, -1).size() == 1);
  CHECK(children(doc, 0).size() == 2);
}

TEST_CASE("level-3 and deeper labels nest under the open section") {
  const std::string text =
      "各位代表：\n一、工作安排\n（一）扩大内需。正文。\n1.提振消费。正文。\n（1）汽车消费。正文。\n（2）家电消费。正文。\n"
      "2.扩大投资。正文。\n（二）深化改革。正文。\n";
  auto doc = split(text);
  REQUIRE(doc.sections.size() == 7);
  CHECK(doc.sections[2].level == 3);
  CHECK(doc.sections[3].level == 4);
  CHECK(doc.sections[5].title == "扩大投资");
  CHECK(doc.sections[5].level == 3);
  CHECK(doc.sections[6].level == 2);
}

TEST_CASE("an unlabeled 民生实事 heading after the body opens an appendix") {
  const std::string text =
      "各位代表：\n**2024年工作回顾**\n（一）稳增长。正文。\n**2025年工作安排**\n一、扩大内需。正文。\n"
      "**成都市2025年民生实事项目**\n一、畅行成都\n1.提升通行效率。打通断头路。\n二、绿色成都\n";
  auto doc = split(text);
  auto top = children(doc, -1);
  REQUIRE(top.size() == 3);
  CHECK(top[2]->kind == "appendix");
  CHECK(top[2]->title == "成都市2025年民生实事项目");
  auto items = children(doc, index_of(doc, "成都市2025年民生实事项目"));
  REQUIRE(items.size() == 2);
  CHECK(items[0]->kind == "appendix");
  CHECK(items[1]->title == "绿色成都");
}

TEST_CASE("traditional script: unlabeled parts, full-width brackets, a glossary header and its entries") {
  const std::string text =
      "各位代表：\n**2023年工作回顧**\n（一）經濟運行穩中向好。正文。\n（二）改革開放持續深化。正文。\n"
      "**2024年工作安排**\n一、擴大有效需求。正文。\n二、推動產業升級。正文。\n名詞解釋\n"
      "1.“雙減”：指有效減輕義務教育階段學生過重作業負擔和校外培訓負擔。\n2.千萬工程：千村示範、萬村整治。\n";
  auto doc = split(text);
  auto top = children(doc, -1);
  REQUIRE(top.size() == 3);
  CHECK(top[0]->title == "2023年工作回顧");
  CHECK(top[1]->title == "2024年工作安排");
  CHECK(top[2]->kind == "glossary");
  auto entries = children(doc, index_of(doc, "名詞解釋"));
  REQUIRE(entries.size() == 2);
  CHECK(entries[0]->title == "“雙減”");
  CHECK(entries[1]->title == "千萬工程");
}

TEST_CASE("glossary: bold-wrapped bracket labels, terms that start with a digit, page chrome after the list") {
  const std::string text =
      "各位代表：\n一、工作回顾\n正文。\n名词解释\n**[1]** **“三大动力”**：改革、开放、创新。\n"
      "2.5项工作获表彰：国务院督查激励。\n3.“双减”：减轻负担。\n责任编辑：\n张三\n解读省政府工作报告：在服务大局中担当。\n";
  auto doc = split(text);
  auto entries = children(doc, index_of(doc, "名词解释"));
  REQUIRE(entries.size() == 3);
  CHECK(entries[0]->label == "1");
  CHECK(entries[0]->title == "“三大动力”");
  CHECK(entries[1]->label == "2");
  CHECK(entries[1]->title == "5项工作获表彰");
  CHECK(entries[2]->title == "“双减”");
}

TEST_CASE("glossary: terms in 【】 and terms with an enumeration comma") {
  const std::string text =
      "各位代表：\n一、工作回顾\n正文。\n**有关词语解释**\n【1139工作部署】即市委全会对发展作出的部署。\n"
      "【“十个兰州”建设】即全会提出的建设任务。\n";
  auto doc = split(text);
  auto entries = children(doc, index_of(doc, "有关词语解释"));
  REQUIRE(entries.size() == 2);
  CHECK(entries[0]->title == "1139工作部署");
  CHECK(entries[1]->title == "“十个兰州”建设");

  auto numbered = split("各位代表：\n一、工作回顾\n正文。\n名词解释\n1.农村“三块地”：指承包地。\n"
                        "2.4个国铁、10个城际：4个国铁指广湛高铁。\n");
  auto list = children(numbered, index_of(numbered, "名词解释"));
  REQUIRE(list.size() == 2);
  CHECK(list[1]->title == "4个国铁、10个城际");
}
