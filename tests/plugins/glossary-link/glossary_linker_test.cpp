#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "glossary_linker.hpp"
#include "golden_support.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;
using namespace glossary_test;

namespace {

const std::string kSeed = "seed/000_dbdc0dc46ac71758.txt";

Document linked(std::string text, const GlossaryLinker& linker = GlossaryLinker()) {
  Document doc;
  doc.text = std::move(text);
  linker.process(doc);
  return doc;
}

std::vector<std::string> link_texts(const Document& doc, const std::string& kind, const std::string& term) {
  std::vector<std::string> out;
  for (const auto& l : doc.glossary.links)
    if (l.kind == kind && doc.glossary.entries[std::size_t(l.entry)].term == term) out.emplace_back(l.span.of(doc.text));
  return out;
}

std::size_t count_code(const Document& doc, const std::string& code) {
  return std::count_if(doc.diagnostics.begin(), doc.diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; });
}

void check_seed(const Document& doc) {
  const auto& g = doc.glossary;
  REQUIRE(g.entries.size() == 19);
  std::vector<int> numbers;
  for (const auto& e : g.entries) numbers.push_back(e.number);
  CHECK(numbers == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20});
  std::size_t markers = 0;
  for (const auto& l : g.links) markers += l.kind == "marker";
  CHECK(markers == 19);
  REQUIRE(g.unresolved.size() == 1);
  CHECK(g.unresolved[0].number == 14);
  CHECK(g.unresolved[0].marker == "(14)");
  CHECK(doc.text.substr(g.unresolved[0].span.begin - 15, 15) == "瞪羚”企業");
  CHECK(count_code(doc, "glossary-unresolved-marker") == 1);
  CHECK(count_code(doc, "glossary-number-gap") == 1);
  CHECK(count_code(doc, "glossary-duplicate-number") == 0);
  CHECK(count_code(doc, "glossary-out-of-order") == 0);
  // 雙減: quoted before its marker (6) and once more in the body; the glossary's own uses are not linked.
  CHECK(link_texts(doc, "term", "雙減") == std::vector<std::string>{"雙減", "雙減"});
  CHECK(link_texts(doc, "term", "千萬工程").size() == 1);
  CHECK(link_texts(doc, "term", "楓橋經驗").size() == 1);
  CHECK(link_texts(doc, "term", "兩拖欠").size() == 1);
  CHECK(link_texts(doc, "term", "“獨角獸”企業") == std::vector<std::string>{"獨角獸"});
  CHECK(link_texts(doc, "term", "全省“100+10”優質產業項目庫") == std::vector<std::string>{"全省“100+10”", "優質產業項目庫"});
  const std::size_t glossary_begin = g.entries.front().span.begin;
  for (const auto& l : g.links) CHECK(l.span.end <= glossary_begin);
  for (std::size_t i = 1; i < g.links.size(); ++i) CHECK(g.links[i - 1].span.end <= g.links[i].span.begin);
}

}  // namespace

TEST_CASE("seed: 19 entries, 20 markers of which 19 resolve, term links") {
  const Document doc = linked(read_file(shared(kSeed)));
  check_seed(doc);
  CHECK(count_code(doc, "glossary-unreferenced-entry") == 0);
}

TEST_CASE("seed: the same with the tag leftover removed or whole, and with a splitter's glossary section") {
  const std::string raw = read_file(shared(kSeed));
  const std::size_t tag = raw.find("?/font>");
  REQUIRE(tag != std::string::npos);
  std::string removed = raw;
  removed.erase(tag + 1, 6);
  check_seed(linked(removed));
  std::string whole = raw;
  whole.replace(tag + 1, 6, "</font>");
  check_seed(linked(whole));

  Document doc;
  doc.text = raw;
  Section s;
  s.kind = "appendix";
  s.title = "《政府工作報告》名詞解釋";
  s.heading.begin = raw.find("附件 《政府工作報告》");
  s.heading.end = raw.find("名詞解釋") + std::string("名詞解釋").size();
  s.span = {s.heading.begin, raw.size()};
  doc.sections.push_back(s);
  GlossaryLinker().process(doc);
  check_seed(doc);
}

TEST_CASE("a splitter's glossary heading that stops before the heading's colon") {
  Document doc;
  doc.text = "试点[1]，推进服务企业“三走”行动[2]。\n\n**注释：**\n\n[1]试点：一。\n[2]服务企业“三走”行动：二。\n";
  Section s;
  s.kind = "glossary";
  s.title = "注释";
  s.heading.begin = doc.text.find("注释");
  s.heading.end = s.heading.begin + std::string("注释").size();
  s.span = {s.heading.begin - 2, doc.text.size()};
  doc.sections.push_back(s);
  GlossaryLinker().process(doc);
  REQUIRE(doc.glossary.entries.size() == 2);
  CHECK(doc.glossary.entries[1].number == 2);
  CHECK(link_texts(doc, "marker", "服务企业“三走”行动") == std::vector<std::string>{"[2]"});
  CHECK(link_texts(doc, "term", "服务企业“三走”行动") == std::vector<std::string>{"服务企业“三走”行动"});
}

TEST_CASE("a simplified glossary links traditional mentions and vice versa") {
  const Document doc = linked(
      "推進“雙減”工作,學習“千萬工程”经验。\n名词解释\n1.“双减”：减轻负担。\n2.千萬工程：千村示范。\n");
  CHECK(link_texts(doc, "term", "双减") == std::vector<std::string>{"雙減"});
  CHECK(link_texts(doc, "term", "千萬工程") == std::vector<std::string>{"千萬工程"});
  CHECK(doc.glossary.unresolved.empty());
}

TEST_CASE("longest match first, never inside a longer term") {
  const Document doc = linked("发展数字经济和数字经济核心产业。\n名词解释\n1.数字经济：甲。\n2.数字经济核心产业：乙。\n");
  CHECK(link_texts(doc, "term", "数字经济") == std::vector<std::string>{"数字经济"});
  CHECK(link_texts(doc, "term", "数字经济核心产业") == std::vector<std::string>{"数字经济核心产业"});
}

TEST_CASE("numbering problems are reported") {
  const Document doc = linked(
      "甲乙(1)和丙丁(2)以及戊己(3)。\n名词解释\n1.甲乙：一。\n3.戊己：三。\n2.丙丁：二。\n3.庚辛：四。\n");
  CHECK(doc.glossary.entries.size() == 4);
  CHECK(count_code(doc, "glossary-out-of-order") == 1);
  CHECK(count_code(doc, "glossary-duplicate-number") == 1);
  CHECK(count_code(doc, "glossary-number-gap") == 1);
  CHECK(count_code(doc, "glossary-unreferenced-entry") == 1);  // 庚辛
  // Marker (3) goes to the first entry numbered 3.
  CHECK(link_texts(doc, "marker", "戊己") == std::vector<std::string>{"(3)"});
}

TEST_CASE("a marker whose text does not spell its entry is reported, and still linked") {
  const Document doc = linked("完全无关(1)。\n名词解释\n1.甲乙：一。\n");
  CHECK(link_texts(doc, "marker", "甲乙").size() == 1);
  CHECK(count_code(doc, "glossary-marker-mismatch") == 1);
}

TEST_CASE("external glossary entries are linked and added only when used") {
  std::vector<GlossaryEntry> ext(2);
  ext[0].term = "新质生产力";
  ext[0].definition = "创新起主导作用的先进生产力";
  ext[0].origin = "policy.tsv";
  ext[1].term = "未使用";
  ext[1].origin = "policy.tsv";
  ext[1].aliases = {"未用"};
  const GlossaryLinker linker(ext);
  const Document doc = linked("加快形成新質生產力。", linker);
  REQUIRE(doc.glossary.entries.size() == 1);
  CHECK(doc.glossary.entries[0].origin == "policy.tsv");
  CHECK(link_texts(doc, "term", "新质生产力") == std::vector<std::string>{"新質生產力"});
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("a quoted core links only where the text quotes it") {
  const Document doc = linked("坚定不移推进。落实“坚定不移”要求。\n名词解释\n1.七个“坚定不移”要求：甲。\n");
  const auto& e = doc.glossary.entries.at(0);
  CHECK(e.aliases == std::vector<std::string>{"坚定不移"});
  const auto links = link_texts(doc, "term", e.term);
  REQUIRE(links.size() == 1);
  CHECK(doc.glossary.links[0].span.begin > doc.text.find("。"));
}

TEST_CASE("markers after quoted terms without a glossary are noted once") {
  const Document doc = linked("建成“绿电村”〔5〕，落实“四张清单”〔8〕，紧扣“两区两地”〔13〕功能定位。");
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].code == "glossary-not-found");
  CHECK(doc.diagnostics[0].span->of(doc.text) == "〔5〕");
  CHECK(doc.glossary.links.empty());
}

TEST_CASE("a document without a glossary gets no markers and no diagnostics") {
  const Document doc = linked("一、工作回顾(1)。（2）项目建设。");
  CHECK(doc.glossary.entries.empty());
  CHECK(doc.glossary.links.empty());
  CHECK(doc.diagnostics.empty());
}

// Renders the glossary layer of every file named in $GLOSSARY_DUMP (colon-separated) to stdout;
// a tool for writing and checking golden files, skipped in normal runs.
TEST_CASE("dump glossary layers", "[.dump]") {
  const char* list = std::getenv("GLOSSARY_DUMP");
  if (!list) return;
  std::string paths(list);
  GlossaryLinker linker;
  for (std::size_t b = 0; b <= paths.size();) {
    std::size_t e = paths.find(':', b);
    if (e == std::string::npos) e = paths.size();
    Document doc;
    doc.text = read_file(paths.substr(b, e - b));
    linker.process(doc);
    std::cout << render(doc, std::filesystem::path(paths.substr(b, e - b)).filename().string());
    b = e + 1;
  }
}
