#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "glossary_locator.hpp"
#include "term_matcher.hpp"

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

namespace {

// What find_glossary_keywords() must equal: one Aho–Corasick pass over the whole text.
std::vector<TermMatch> keyword_hits_by_automaton(std::string_view text) {
  static const TermMatcher keywords = [] {
    TermMatcher m;
    for (std::string_view word : glossary_keywords()) m.add(word);
    m.build();
    return m;
  }();
  return keywords.find(text, {0, text.size()}, true);
}

bool same_hits(const std::vector<TermMatch>& a, const std::vector<TermMatch>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].span != b[i].span || a[i].key != b[i].key || a[i].length != b[i].length) return false;
  return true;
}

// @p text with every keyword written in mixed script, with a blank, a line break or a quote inside.
std::string damaged_keywords(std::string text) {
  const std::pair<std::string_view, std::string_view> swaps[] = {
      {"名词解释", "名 詞\n解“釋"}, {"注释", "註　释"}, {"名词", "名\"词"}, {"说明", "說明"}};
  for (const auto& [from, to] : swaps)
    for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size()))
      text.replace(p, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("keyword hits equal the Aho-Corasick pass: corpus reports, damaged keywords, overlaps") {
  std::vector<std::string> texts = {
      "", "名", "名词", "名词注释和名詞註解、词语解释；名词解释和说明 名詞解釋和說明\n注解注释注", "名词名词解释释义名词释义",
      "**名 词 解 释**\n注\n\n释：“名”词说明"};
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 20);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    texts.push_back(damaged_keywords(text));
    texts.push_back(std::move(text));
  }
  std::size_t hits = 0;
  for (const std::string& text : texts) {
    const auto expected = keyword_hits_by_automaton(text);
    hits += expected.size();
    CHECK(same_hits(find_glossary_keywords(text), expected));
  }
  CHECK(hits >= 50);  // the comparison saw keywords (88 in the corpus and its damaged copies), not only their absence
}
