#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "corpus_fixture.hpp"
#include "document_page.hpp"

using namespace docpipe;
using namespace docpipe::html_export;

namespace {

Span find(const std::string& text, const std::string& what) {
  const std::size_t p = text.find(what);
  REQUIRE(p != std::string::npos);
  return {p, p + what.size()};
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

std::set<std::string> matches(const std::string& html, const std::string& pattern) {
  std::set<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
  return out;
}

// A small traditional-script document whose text, title and glossary are full of markup.
Document hostile_document() {
  Document doc;
  doc.id = "taiwan<x>";
  doc.text = "2024年<b>叢臺區</b>政府工作報告\n一、過去一年 & 今後\n地區生產總值增長6%，推進“十四五”（6）規劃</p><script>alert(1)</script>。\n名詞解釋\n6.十四五：指“第十四個五年規劃”<i>期間</i>。";
  doc.metadata.title = "2024年<b>叢臺區</b>政府工作報告";
  doc.metadata.title_span = find(doc.text, doc.metadata.title);
  doc.metadata.region = "邯鄲市叢臺區";
  doc.metadata.year = 2024;
  Section s1;
  s1.level = 1;
  s1.heading = find(doc.text, "一、過去一年 & 今後");
  Section g;
  g.level = 1;
  g.kind = "glossary";
  g.heading = find(doc.text, "名詞解釋");
  doc.sections = {s1, g};
  NumberMention n;
  n.span = find(doc.text, "6%");
  n.value = 6;
  n.unit = "%";
  n.kind = "percent";
  doc.numbers = {n};
  Indicator ind;
  ind.name = "地區生產總值<GDP>";
  ind.canonical = "gdp";
  ind.period = 2024;
  ind.status = "target";
  ind.measure = "growth";
  ind.value = 6;
  ind.unit = "%";
  ind.span = n.span;
  doc.indicators = {ind};
  GlossaryEntry e;
  e.number = 6;
  e.term = "十四五";
  e.definition = "指“第十四個五年規劃”<i>期間</i>。";
  doc.glossary.entries = {e};
  doc.glossary.links = {{find(doc.text, "十四五"), 0, "term"}, {find(doc.text, "（6）"), 0, "marker"}};
  return doc;
}

}  // namespace

TEST_CASE("no markup from the document reaches the page unescaped") {
  const std::string page = render_document_page(hostile_document());
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("<b>叢臺區") == std::string::npos);
  CHECK(page.find("<i>期間") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("<title>2024年&lt;b&gt;叢臺區&lt;/b&gt;政府工作報告</title>") != std::string::npos);
  CHECK(page.find("data-term=\"十四五\"") != std::string::npos);
  CHECK(page.find("地區生產總值&lt;GDP&gt;") != std::string::npos);
  CHECK(page.find("過去一年 &amp; 今後") != std::string::npos);
  // The only scripts are the page's own: one element, at the end.
  CHECK(count(page, "<script>") == 1);
}

TEST_CASE("the page is self-contained: no external resource of any kind") {
  const std::string page = render_document_page(fixture::changsha_document());
  CHECK(std::regex_search(page, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")) == false);
  CHECK(page.find("@import") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
}

TEST_CASE("traditional-script headings, figures and glossary links appear where the layers say") {
  const Document doc = hostile_document();
  const std::string page = render_document_page(doc, {3, RepairMarks::all, "zh-Hant", "test"});
  CHECK(page.find("<html lang=\"zh-Hant\">") != std::string::npos);
  CHECK(page.find("<h2 id=\"s-0\" class=\"sec-body\">一、過去一年 &amp; 今後</h2>") != std::string::npos);
  CHECK(page.find("<a href=\"#s-1\">名詞解釋</a>") != std::string::npos);
  CHECK(page.find("<span class=\"ind\" data-ind=\"0\" id=\"ind-0\"><span class=\"num num-percent\" data-tip=\"6% · percent\">6%</span></span>") !=
        std::string::npos);
  CHECK(page.find("<span class=\"gl\" data-g=\"0\" tabindex=\"0\" role=\"button\">十四五</span>") != std::string::npos);
  CHECK(page.find("<dt id=\"g-0\" data-term=\"十四五\">6. 十四五</dt>") != std::string::npos);
  CHECK(page.find("<h1 class=\"doc-title\">2024年&lt;b&gt;叢臺區&lt;/b&gt;政府工作報告</h1>") != std::string::npos);
}

TEST_CASE("a real report: every TOC link and every indicator row points at an element of the page") {
  const Document doc = fixture::changsha_document();
  REQUIRE(doc.indicators.size() >= 3);
  REQUIRE(doc.sections.size() >= 8);
  const std::string page = render_document_page(doc);
  const std::set<std::string> ids = matches(page, R"re(\sid="([^"]+)")re");
  const std::set<std::string> toc = matches(page, R"re(<li class="l[0-9]"><a href="#([^"]+)")re");
  const std::set<std::string> rows = matches(page, R"re(<tr data-target="([^"]+)")re");
  CHECK(toc.size() == doc.sections.size());  // all levels of this report are within the default depth
  for (const std::string& t : toc) CHECK(ids.count(t) == 1);
  CHECK(rows.size() == doc.indicators.size());
  for (const std::string& r : rows) CHECK(ids.count(r) == 1);
  // Each id is used once.
  CHECK(count(page, " id=\"ind-0\"") == 1);
  // The glossary marker, the unresolved marker and the repair are all marked.
  CHECK(page.find("class=\"gl gl-marker\"") != std::string::npos);
  CHECK(page.find("<span class=\"unres\" data-tip=\"未解析的名词解释标记 （99）") != std::string::npos);
  CHECK(page.find("id=\"u-0\">（99）</span>") != std::string::npos);
  CHECK(page.find("<span class=\"rep rep-punctuation\" data-tip=\"「(」→「（」 · punctuation · 0.93") != std::string::npos);
  CHECK(count(page, "<dt id=\"g-") == doc.glossary.entries.size());
}

TEST_CASE("stripping the tags of the article gives back the text of the blocks") {
  const Document doc = fixture::changsha_document();
  const std::string page = render_document_page(doc);
  const std::size_t a = page.find("<article>"), b = page.find("</article>");
  REQUIRE(a != std::string::npos);
  std::string inner = std::regex_replace(page.substr(a, b - a), std::regex("<[^>]*>"), "");
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
    for (std::size_t p = inner.find(from); p != std::string::npos; p = inner.find(from, p + 1)) inner.replace(p, from.size(), to);
  // The text without white space is the text of the report without white space (nothing lost,
  // nothing duplicated), apart from the title span which is not set in this fixture.
  auto squeeze = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }), s.end());
    return s;
  };
  CHECK(squeeze(inner) == squeeze(doc.text));
}

TEST_CASE("the TOC depth limits the listed sections; repairs can be left unmarked") {
  const Document doc = fixture::changsha_document();
  PageOptions o;
  o.toc_depth = 1;
  o.repairs = RepairMarks::none;
  const std::string page = render_document_page(doc, o);
  CHECK(page.find("<li class=\"l2\">") == std::string::npos);
  CHECK(page.find("<li class=\"l1\">") != std::string::npos);
  CHECK(page.find("class=\"rep rep-punctuation\" data-tip") == std::string::npos);
}

TEST_CASE("the displayed title falls back to the title span, then to the id") {
  Document doc = hostile_document();
  doc.metadata.title.clear();
  CHECK(display_title(doc) == "2024年<b>叢臺區</b>政府工作報告");
  doc.metadata.title_span = {5, 7};  // starts inside 年: not used
  CHECK(display_title(doc) == "taiwan<x>");
}
