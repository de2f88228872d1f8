#include <catch2/catch.hpp>

#include "footnotes.hpp"

using namespace docpipe;
using namespace docpipe::markdown_export;

namespace {

Span find(const std::string& text, const std::string& what, std::size_t from = 0) {
  const std::size_t p = text.find(what, from);
  REQUIRE(p != std::string::npos);
  return {p, p + what.size()};
}

GlossaryEntry entry(int number, const std::string& term) {
  GlossaryEntry e;
  e.number = number;
  e.term = term;
  return e;
}

}  // namespace

TEST_CASE("labels are entry numbers, or positions where numbers are missing or repeated") {
  Glossary g;
  g.entries = {entry(6, "甲"), entry(0, "乙"), entry(7, "丙"), entry(7, "丁")};
  CHECK(footnote_labels(g) == std::vector<std::string>{"6", "g2", "g3", "g4"});
}

TEST_CASE("markers are replaced, first term mentions referenced, a term followed by its marker is not") {
  Document doc;
  doc.text = "新質生產力（6）是關鍵；發展新質生產力，培育新質生產力。數字經濟很重要，數字經濟。";
  doc.glossary.entries = {entry(6, "新質生產力"), entry(7, "數字經濟")};
  const Span t1 = find(doc.text, "新質生產力");
  const Span m = find(doc.text, "（6）");
  const Span t2 = find(doc.text, "新質生產力", t1.end);
  const Span t3 = find(doc.text, "新質生產力", t2.end);
  const Span d1 = find(doc.text, "數字經濟");
  const Span d2 = find(doc.text, "數字經濟", d1.end);
  doc.glossary.links = {{t1, 0, "term"}, {m, 0, "marker"}, {t2, 0, "term"}, {t3, 0, "term"},
                        {d1, 1, "term"}, {d2, 1, "term"}, {find(doc.text, "關鍵"), 9, "term"}};
  const auto labels = footnote_labels(doc.glossary);

  const auto first = footnote_edits(doc, labels, TermReferences::first);
  REQUIRE(first.size() == 2);
  CHECK(first[0].span == m);
  CHECK(first[0].label == "6");
  CHECK(first[1].span == Span{d1.end, d1.end});
  CHECK(first[1].label == "7");

  const auto all = footnote_edits(doc, labels, TermReferences::all);
  REQUIRE(all.size() == 5);  // marker, t2, t3, d1, d2 (t1 is followed by its marker)
  CHECK(all[1].span == Span{t2.end, t2.end});
  CHECK(all[4].span == Span{d2.end, d2.end});

  const auto none = footnote_edits(doc, labels, TermReferences::none);
  REQUIRE(none.size() == 1);
  CHECK(none[0].span == m);
}

TEST_CASE("links with broken spans or overlapping an earlier marker are skipped") {
  Document doc;
  doc.text = "甲（1）乙";
  doc.glossary.entries = {entry(1, "甲")};
  const Span m = find(doc.text, "（1）");
  doc.glossary.links = {{m, 0, "marker"}, {{m.begin + 3, m.end}, 0, "marker"}, {{1, 3}, 0, "term"}, {{0, 999}, 0, "term"}};
  const auto edits = footnote_edits(doc, footnote_labels(doc.glossary), TermReferences::all);
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].span == m);
}

TEST_CASE("a term in quotes followed by its marker gets no second reference") {
  Document doc;
  doc.text = "建設“一江一湖六河”（4）生態";
  doc.glossary.entries = {entry(4, "一江一湖六河")};
  const Span term = find(doc.text, "一江一湖六河");
  const Span marker = find(doc.text, "（4）");
  doc.glossary.links = {{term, 0, "term"}, {marker, 0, "marker"}};
  const auto edits = footnote_edits(doc, footnote_labels(doc.glossary), TermReferences::all);
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].span == marker);
}
