#include <catch2/catch.hpp>

#include "document_marks.hpp"

using namespace docpipe;
using namespace docpipe::html_export;

namespace {

Span find(const std::string& text, const std::string& what) {
  const std::size_t p = text.find(what);
  REQUIRE(p != std::string::npos);
  return {p, p + what.size()};
}

bool has_mark(const std::vector<Mark>& marks, Span span, const std::string& needle) {
  for (const Mark& m : marks)
    if (m.span == span && m.open.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("number popups give the normalized value, the Chinese scale and the kind") {
  NumberMention n;
  n.text = "341.7億元";
  n.value = 34170000000.0;
  n.unit = "CNY";
  n.kind = "money";
  n.qualifier = "about";
  CHECK(number_tip(n) == "≈ 34,170,000,000 CNY（341.7 亿 CNY） · money");
  NumberMention p;
  p.value = 5.5;
  p.unit = "%";
  p.kind = "percent";
  CHECK(number_tip(p) == "5.5% · percent");
}

TEST_CASE("repair popups quote before and after, shortened") {
  Repair r;
  r.before = "&lt;p&gt;";
  r.after = "";
  r.kind = "html";
  r.confidence = 1;
  r.stage = "encoding-repair";
  CHECK(repair_tip(r, 160) == "「&lt;p&gt;」→「」 · html · 1.00 · encoding-repair");
  r.before = std::string(300, 'x');
  CHECK(repair_tip(r, 10).find(std::string(10, 'x') + "…」") != std::string::npos);
}

TEST_CASE("every layer becomes marks, with escaped popup text, in nesting order") {
  Document doc;
  doc.text = "加快建設“十四五”規劃<重點>項目（6）增長5%（14）";
  NumberMention n;
  n.span = find(doc.text, "5%");
  n.value = 5;
  n.unit = "%";
  n.kind = "percent";
  NumberMention name;
  name.span = find(doc.text, "十四五");
  name.kind = "name";
  doc.numbers = {n, name};
  GlossaryEntry e;
  e.number = 6;
  e.term = "十四五";
  doc.glossary.entries = {e};
  doc.glossary.links = {{find(doc.text, "十四五"), 0, "term"}, {find(doc.text, "（6）"), 0, "marker"},
                        {find(doc.text, "項目"), 7, "term"}};  // the last points at no entry
  doc.glossary.unresolved = {{"（14）", 14, find(doc.text, "（14）")}};
  Indicator ind;
  ind.span = n.span;
  doc.indicators = {ind};
  Repair r;
  r.span = find(doc.text, "<重點>");
  r.before = "&lt;重點&gt;";
  r.after = "<重點>";
  r.kind = "HTML entity";
  doc.repairs = {r};

  const auto marks = document_marks(doc);
  CHECK(marks.size() == 7);
  CHECK(has_mark(marks, find(doc.text, "十四五"), "class=\"gl\" data-g=\"0\""));
  CHECK(has_mark(marks, find(doc.text, "十四五"), "class=\"num num-name\""));
  CHECK(has_mark(marks, find(doc.text, "（6）"), "class=\"gl gl-marker\""));
  CHECK(has_mark(marks, n.span, "data-tip=\"5% · percent\""));
  CHECK(has_mark(marks, n.span, "id=\"ind-0\""));
  CHECK(has_mark(marks, find(doc.text, "（14）"), "class=\"unres\""));
  CHECK(has_mark(marks, r.span, "class=\"rep rep-html-entity\" data-tip=\"「&amp;lt;重點&amp;gt;」→「&lt;重點&gt;」"));
  CHECK_FALSE(has_mark(marks, find(doc.text, "項目"), "data-g"));
  // The glossary term wraps the number with the same span.
  std::string html;
  MarkedText(doc.text, marks).render(html, find(doc.text, "“十四五”"));
  CHECK(html.rfind("“<span class=\"gl\"", 0) == 0);
  CHECK(html.find("role=\"button\"><span class=\"num num-name\"") != std::string::npos);
}

TEST_CASE("spans that do not fit the text are left out, and repairs can be switched off") {
  Document doc;
  doc.text = "增長";
  NumberMention past, inside;
  past.span = {3, 99};
  inside.span = {1, 3};  // cuts 增
  doc.numbers = {past, inside};
  Repair deletion;
  deletion.span = {3, 3};
  deletion.before = "<br>";
  deletion.kind = "html";
  doc.repairs = {deletion};
  auto marks = document_marks(doc);
  REQUIRE(marks.size() == 1);
  CHECK(marks[0].open.find("rep rep-html del") != std::string::npos);
  CHECK(document_marks(doc, {RepairMarks::none}).empty());
  // Whitespace repairs are marked only when all are asked for.
  doc.repairs[0].kind = "whitespace";
  CHECK(document_marks(doc).empty());
  CHECK(document_marks(doc, {RepairMarks::all}).size() == 1);
}

TEST_CASE("annotations of the open layer are marked innermost, with type and attributes") {
  Document doc;
  doc.text = "新質生產力";
  Annotation a;
  a.span = {0, doc.text.size()};
  a.type = "keyword";
  a.attributes = {{"weight", "0.9"}, {"note", "<b>"}};
  a.producer = "keyword-tag";
  doc.annotations = {a};
  NumberMention n;
  n.span = a.span;
  doc.numbers = {n};
  const auto marks = document_marks(doc);
  REQUIRE(marks.size() == 2);
  CHECK(annotation_tip(a, 160) == "keyword · note=<b> · weight=0.9 · keyword-tag");
  std::string html;
  MarkedText(doc.text, marks).render(html, {0, doc.text.size()});
  CHECK(html.find("<span class=\"num num-other\"") == 0);
  CHECK(html.find("><span class=\"ann ann-keyword\" data-tip=\"keyword · note=&lt;b&gt; · weight=0.9 · keyword-tag\">新質生產力</span></span>") !=
        std::string::npos);
}
