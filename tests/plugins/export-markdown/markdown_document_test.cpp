#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "../export-html/corpus_fixture.hpp"
#include "markdown_document.hpp"

#include "docpipe/export/file_names.hpp"

using namespace docpipe;
using namespace docpipe::markdown_export;

namespace {

Span find(const std::string& text, const std::string& what) {
  const std::size_t p = text.find(what);
  REQUIRE(p != std::string::npos);
  return {p, p + what.size()};
}

// A traditional-script report in one line (no line breaks, as scraped), with an inline heading, a
// glossary marker, a term mention, a repair and Markdown-active characters.
Document one_line_report() {
  Document doc;
  doc.id = "000_congtai";
  doc.text = "2024年叢臺區政府工作報告 一、2023年工作回顧 地區生產總值增長6%*左右*。（一）堅持穩中求進。推進“十四五”（6）規劃，十四五任務[重點]完成。名詞解釋 6.十四五：第十四個五年規劃。";
  doc.metadata.title = "2024年叢臺區政府工作報告";
  doc.metadata.title_span = find(doc.text, doc.metadata.title);
  doc.metadata.region = "邯鄲市叢臺區";
  doc.metadata.date = "2024-01-24";
  Section s1, s2, g;
  s1.level = 1;
  s1.heading = find(doc.text, "一、2023年工作回顧");
  s2.level = 2;
  s2.parent = 0;
  s2.heading = find(doc.text, "（一）堅持穩中求進。");
  g.level = 1;
  g.kind = "glossary";
  g.heading = find(doc.text, "名詞解釋");
  doc.sections = {s1, s2, g};
  GlossaryEntry e;
  e.number = 6;
  e.term = "十四五";
  e.definition = "第十四個五年規劃。";
  e.span = find(doc.text, "6.十四五：第十四個五年規劃。");
  doc.glossary.entries = {e};
  const Span second = {doc.text.find("十四五任務"), doc.text.find("十四五任務") + std::string("十四五").size()};
  doc.glossary.links = {{find(doc.text, "十四五"), 0, "term"}, {find(doc.text, "（6）"), 0, "marker"}, {second, 0, "term"}};
  doc.glossary.unresolved = {{"（14）", 14, {}}};
  Repair r;
  r.span = find(doc.text, "叢臺區");
  r.before = "丛台区";
  r.after = "叢臺區";
  r.kind = "script";
  doc.repairs = {r};
  return doc;
}

}  // namespace

TEST_CASE("a one-line report becomes title, headings by level, paragraphs and footnotes") {
  // Checked by hand against the input above: the title span is not repeated, `一、` is level 1 (##),
  // the inline `（一）` heading is level 2 (###) and cuts its paragraph, the marker （6） becomes
  // [^6], the later mention of 十四五 is not referenced again, the repaired 叢臺區 stays as it is,
  // and * [ ] are escaped.
  const std::string expected =
      "# 2024年叢臺區政府工作報告\n\n"
      "*邯鄲市叢臺區 · 2024-01-24*\n\n"
      "## 一、2023年工作回顧\n\n"
      "地區生產總值增長6%\\*左右\\*。\n\n"
      "### （一）堅持穩中求進。\n\n"
      "推進“十四五”[^6]規劃，十四五任務\\[重點\\]完成。\n\n"
      "## 名詞解釋\n\n"
      "6\\.十四五：第十四個五年規劃。\n\n"
      "[^6]: **十四五**：第十四個五年規劃。\n\n"
      "> **未解析的名词解释标记 (unresolved glossary markers):** （14）\n";
  CHECK(render_markdown(one_line_report()) == expected);
}

TEST_CASE("options: every term mention referenced, no metadata line, title from the id") {
  Document doc = one_line_report();
  doc.metadata = {};
  MarkdownOptions o;
  o.term_references = TermReferences::all;
  o.metadata_line = false;
  const std::string md = render_markdown(doc, o);
  CHECK(md.rfind("# 000\\_congtai\n\n2024年叢臺區政府工作報告\n\n## 一、", 0) == 0);
  CHECK(md.find("十四五[^6]任務") != std::string::npos);
  CHECK(md.find("*邯鄲市") == std::string::npos);
}

TEST_CASE("a real report: headings for every section, a definition for every reference, no text lost") {
  const Document doc = fixture::changsha_document();
  const std::string md = render_markdown(doc);

  std::size_t headings = 0;
  for (std::size_t p = md.find("\n#"); p != std::string::npos; p = md.find("\n#", p + 1)) ++headings;
  CHECK(headings == doc.sections.size());
  CHECK(md.find("\n## 一、2023年工作回顾\n") != std::string::npos);
  CHECK(md.find("\n### （一）坚持兴产业、固根基，国家重要先进制造业高地建设成效显著。\n\n产业园区蓬勃发展。") != std::string::npos);

  std::set<std::string> refs, defs;
  const std::regex ref(R"(\[\^([0-9g]+)\](?!:))"), def(R"(\n\[\^([0-9g]+)\]: )");
  for (auto it = std::sregex_iterator(md.begin(), md.end(), ref); it != std::sregex_iterator(); ++it) refs.insert((*it)[1]);
  for (auto it = std::sregex_iterator(md.begin(), md.end(), def); it != std::sregex_iterator(); ++it) defs.insert((*it)[1]);
  CHECK(defs.size() == doc.glossary.entries.size());
  CHECK(refs.count("4") == 1);  // the inserted marker
  for (const std::string& r : refs) CHECK(defs.count(r) == 1);
  CHECK(md.find("“一江一湖六河”[^4]") != std::string::npos);
  CHECK(md.find("一江一湖六河[^4]") == std::string::npos);
  CHECK(md.find("（4）") == std::string::npos);
  CHECK(md.find("（99）") != std::string::npos);  // the unresolved marker stays in the text

  // Removing headings' hashes, escapes, references and footnote definitions leaves the report's
  // text (white space aside, the marker （4） replaced by its reference).
  std::string body = md.substr(md.find("\n\n") + 2);
  body = body.substr(body.find("\n\n") + 2);  // metadata line
  body = body.substr(0, body.find("\n[^"));
  body = std::regex_replace(body, std::regex(R"(\[\^[0-9g]+\])"), "");
  body = std::regex_replace(body, std::regex(R"((^|\n)#+ )"), "$1");
  body = std::regex_replace(body, std::regex(R"(\\(.))"), "$1");
  std::string text = doc.text;
  text.replace(text.find("（4）"), std::string("（4）").size(), "");
  auto squeeze = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }), s.end());
    return s;
  };
  CHECK(squeeze(body) == squeeze(text));
}

TEST_CASE("a marker crossing a block boundary is written as text and later footnotes still appear") {
  Document doc;
  doc.text = "甲乙（1\n）丙。術語在此。";
  GlossaryEntry a, b;
  a.number = 1;
  a.term = "甲乙";
  b.number = 2;
  b.term = "術語";
  doc.glossary.entries = {a, b};
  const std::size_t m = doc.text.find("（1");
  const std::size_t close = doc.text.find("）") + std::string("）").size();
  doc.glossary.links = {{{m, close}, 0, "marker"}, {find(doc.text, "術語"), 1, "term"}};
  const std::string md = render_markdown(doc);
  CHECK(md.find("甲乙（1") != std::string::npos);
  CHECK(md.find("[^1]") == md.find("[^1]:"));  // only the definition
  CHECK(md.find("術語[^2]在此") != std::string::npos);
}

TEST_CASE("Markdown file names cannot leave the folder, and different ids never share a file") {
  CHECK(markdown_file_name("city_changsha_2024") == "city_changsha_2024.md");
  const std::string escaped = markdown_file_name("../x/y");
  CHECK(escaped.rfind("_._x_y-", 0) == 0);
  CHECK(escaped.find('/') == std::string::npos);
  // The old rule mapped both to a_b.md, so one document's Markdown overwrote the other's.
  CHECK(markdown_file_name("a/b") != markdown_file_name("a:b"));
  CHECK(markdown_file_name("a/b") != markdown_file_name("a_b"));
  CHECK(markdown_file_name("").size() > std::string(".md").size());
  // The name export-json gives the same document, so a document's files sit side by side.
  CHECK(markdown_file_name("reports__叢臺區 2024?") == docpipe::exporting::safe_file_stem("reports__叢臺區 2024?") + ".md");
}

TEST_CASE("without a metadata title the title span's text is the heading, not lost") {
  Document doc = one_line_report();
  doc.metadata.title.clear();
  const std::string md = render_markdown(doc);
  CHECK(md.rfind("# 2024年叢臺區政府工作報告\n", 0) == 0);
}
