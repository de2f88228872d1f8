#include <catch2/catch.hpp>

#include "glossary_locator.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

TEST_CASE("heading after a sentence end in one-line text") {
  const std::string text = "作出新的更大貢獻!\n附件 《政府工作報告》名詞解釋 1.“雙減”:指減輕負擔。";
  auto r = find_glossary_heading(text);
  REQUIRE(r);
  CHECK(r->heading.of(text) == "附件 《政府工作報告》名詞解釋");
  CHECK(text.substr(r->body.begin).find("1.“雙減”") < 3);
}

TEST_CASE("markdown heading with a colon, unnumbered entries") {
  const std::string text = "正文。\n\n**名词解释：**\n\n**“五八”强首府战略：**“五”即五个之城。\n";
  auto r = find_glossary_heading(text);
  REQUIRE(r);
  CHECK(r->heading.of(text) == "名词解释：");
  CHECK(text.substr(r->body.begin).find("**“五八”") < 6);
}

TEST_CASE("other heading words: 名词注解, 注释 in a title") {
  const std::string a = "正文。\n\n名词注解：\n\n“8+8+4”现代化产业体系：指食品饮料。\n\nBNCT：指硼中子俘获治疗。\n";
  auto r = find_glossary_heading(a);
  REQUIRE(r);
  CHECK(r->heading.of(a) == "名词注解：");
  const std::string b = "正文。\n**《政府工作报告》注释**\n1.六稳：稳就业。\n";
  REQUIRE(find_glossary_heading(b));
}

TEST_CASE("a heading in text without line breaks, followed by an unnumbered entry the report mentions") {
  const std::string text = "推进三高四新战略。**名词解释**三高四新：着力打造高地。发展六仗：经济增长主动仗。";
  auto r = find_glossary_heading(text);
  REQUIRE(r);
  CHECK(r->heading.of(text) == "名词解释");
  CHECK_FALSE(find_glossary_heading("推进工作。**名词解释**发展六仗：经济增长主动仗。"));
}

TEST_CASE("keywords that are no heading") {
  // A list of attachments, a keyword inside a sentence, a heading with nothing parseable after it.
  CHECK_FALSE(find_glossary_heading("附件：\n- 2026年政府工作报告名词解释.docx\n- 2026年政府工作报告名词解释.pdf\n"));
  CHECK_FALSE(find_glossary_heading("我们将认真研究，名词解释见附件，不再赘述。"));
  CHECK_FALSE(find_glossary_heading("名词解释\n\n以上内容仅供参考。"));
}

TEST_CASE("the last qualifying heading wins; a glossary section from the splitter is used") {
  const std::string text = "名词解释\n1.甲乙：丙。\n正文\n名词解释\n1.丁戊：己。\n";
  auto r = find_glossary_heading(text);
  REQUIRE(r);
  CHECK(r->heading.begin == text.rfind("名词解释"));

  Document doc;
  doc.text = "正文。附录\n1.甲乙：丙。\n";
  Section s;
  s.kind = "glossary";
  s.heading = {doc.text.find("附录"), doc.text.find("附录") + 6};
  s.span = {s.heading.begin, doc.text.size()};
  doc.sections.push_back(s);
  auto fromSections = locate_glossary(doc);
  REQUIRE(fromSections);
  CHECK(fromSections->body.begin == s.heading.end);
}
