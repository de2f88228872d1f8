#include "document_page.hpp"

#include <algorithm>
#include <map>

#include "docpipe/export/block_layout.hpp"
#include "document_marks.hpp"
#include "html_escape.hpp"
#include "inline_marks.hpp"
#include "page_assets.hpp"
#include "script_detect.hpp"
#include "value_format.hpp"

namespace docpipe::html_export {

using exporting::Block;
using exporting::layout_blocks;
using exporting::trim_span;

namespace {

void count_item(std::string& out, std::string_view label, std::size_t n, bool warn = false) {
  out += warn && n > 0 ? "<li class=\"warn\">" : "<li>";
  out += label;
  out += " <b>" + std::to_string(n) + "</b></li>";
}

// Heading text for the table of contents: the heading as written, shortened.
std::string toc_text(std::string_view text, const Block& b) {
  std::string s;
  for (const char c : b.span.of(text)) s += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return truncated(s, 36);
}

void write_header(std::string& out, const Document& doc, const std::string& title) {
  const Metadata& m = doc.metadata;
  out += "<header class=\"doc-head\"><h1>";
  append_escaped(out, title);
  out += "</h1>";
  std::vector<std::string> meta;
  if (!m.region.empty()) meta.push_back(m.region);
  if (!m.date.empty()) meta.push_back(m.date);
  else if (m.year > 0) meta.push_back(std::to_string(m.year) + "年");
  if (!m.meeting.empty()) meta.push_back(m.meeting);
  if (!meta.empty()) {
    out += "<p class=\"meta\">";
    for (std::size_t i = 0; i < meta.size(); ++i) {
      if (i) out += " · ";
      append_escaped(out, meta[i]);
    }
    out += "</p>";
  }
  out += "<ul class=\"counts\">";
  count_item(out, "章节 sections", doc.sections.size());
  count_item(out, "段落 paragraphs", doc.paragraphs.size());
  count_item(out, "数字 numbers", doc.numbers.size());
  count_item(out, "指标 indicators", doc.indicators.size());
  count_item(out, "名词解释 glossary", doc.glossary.entries.size());
  count_item(out, "未解析标记 unresolved", doc.glossary.unresolved.size(), true);
  count_item(out, "修复 repairs", doc.repairs.size());
  out += "<li>来源 source <b>";
  append_escaped(out, doc.source.empty() ? doc.id : doc.source);
  out += "</b></li>";
  if (!doc.encoding.name.empty()) {
    out += "<li>编码 encoding <b>";
    append_escaped(out, doc.encoding.name);
    out += "</b></li>";
  }
  out += "</ul><div class=\"toggles\">"
         "<label><input type=\"checkbox\" value=\"num\" checked> 数字高亮 numbers</label>"
         "<label><input type=\"checkbox\" value=\"gl\" checked> 名词解释 glossary</label>"
         "<label><input type=\"checkbox\" value=\"rep\" checked> 修复 repairs</label>"
         "</div></header>";
}

void write_toc(std::string& out, std::string_view text, const Document& doc, const std::vector<Block>& blocks,
               int depth) {
  out += "<nav id=\"toc\" aria-label=\"目录\"><h2>目录 Contents</h2>";
  std::string items;
  for (const Block& b : blocks) {
    if (b.kind != Block::Kind::heading) continue;
    const int level = std::clamp(doc.sections[b.section].level, 1, 6);
    if (level > depth) continue;
    items += "<li class=\"l" + std::to_string(level) + "\"><a href=\"#s-" + std::to_string(b.section) + "\">";
    append_escaped(items, toc_text(text, b));
    items += "</a></li>";
  }
  if (items.empty()) out += "<p class=\"empty\">没有章节 (no sections)</p>";
  else out += "<ol>" + items + "</ol>";
  out += "</nav>";
}

void write_body(std::string& out, const Document& doc, const std::string& title, const std::vector<Block>& blocks,
                MarkedText& marks) {
  const std::string_view text = doc.text;
  out += "<main id=\"text\"><article>";
  const Span ts = doc.metadata.title_span;
  if (!ts.empty() && span_fits(text, ts)) {
    out += "<h1 class=\"doc-title\">";
    marks.render(out, trim_span(text, ts));
    out += "</h1>";
  } else if (!title.empty() && blocks.empty()) {
    out += "<p class=\"empty\">（正文为空 empty text）</p>";
  }
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::heading) {
      const std::string h(1, static_cast<char>('0' + std::clamp(doc.sections[b.section].level + 1, 2, 6)));
      out += "<h" + h + " id=\"s-" + std::to_string(b.section) + "\" class=\"sec-" +
             class_token(doc.sections[b.section].kind) + "\">";
      marks.render(out, b.span);
      out += "</h" + h + ">";
    } else {
      out += "<p>";
      marks.render(out, b.span);
      out += "</p>";
    }
  }
  out += "</article>";

  if (!doc.glossary.entries.empty()) {
    out += "<section id=\"glossary\"><h2>名词解释 Glossary</h2><dl>";
    for (std::size_t i = 0; i < doc.glossary.entries.size(); ++i) {
      const GlossaryEntry& e = doc.glossary.entries[i];
      out += "<dt id=\"g-" + std::to_string(i) + "\" data-term=\"" + escaped(e.term) + "\">";
      if (e.number > 0) out += std::to_string(e.number) + ". ";
      append_escaped(out, e.term);
      if (e.origin != "document") out += " <span class=\"origin\">(" + escaped(e.origin) + ")</span>";
      out += "</dt><dd>";
      append_escaped(out, e.definition);
      out += "</dd>";
    }
    out += "</dl></section>";
  }
  out += "</main>";
}

void write_indicators(std::string& out, const Document& doc, const MarkedText& marks) {
  out += "<section id=\"indicators\"><h2>指标 Indicators (" + std::to_string(doc.indicators.size()) + ")</h2>";
  if (doc.indicators.empty()) {
    out += "<p class=\"empty\">没有指标 (no indicators)</p></section>";
    return;
  }
  out += "<table id=\"indicator-table\" class=\"sortable\"><colgroup><col class=\"c-name\"><col class=\"c-year\">"
         "<col class=\"c-val\"></colgroup><thead><tr><th>指标 name</th><th class=\"n\">年份</th>"
         "<th class=\"n\">数值 value</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < doc.indicators.size(); ++i) {
    const Indicator& ind = doc.indicators[i];
    const bool anchored = marks.rendered("ind-" + std::to_string(i));
    out += anchored ? "<tr data-target=\"ind-" + std::to_string(i) + "\">" : "<tr>";
    out += "<td>";
    if (anchored) out += "<a href=\"#ind-" + std::to_string(i) + "\">";
    append_escaped(out, ind.name.empty() ? ind.canonical : ind.name);
    if (anchored) out += "</a>";
    std::string note = ind.canonical;
    if (!ind.measure.empty()) note += (note.empty() ? "" : " · ") + ind.measure;
    if (!note.empty()) out += "<span class=\"canon\">" + escaped(note) + "</span>";
    out += "</td><td class=\"n\">" + (ind.period > 0 ? std::to_string(ind.period) : std::string()) + "</td>";
    out += "<td class=\"n val\" data-sort=\"" + plain_value(ind.value) + "\" title=\"" +
           escaped(format_figure(ind.value, ind.value_high, ind.unit, ind.qualifier)) + "\">";
    append_escaped(out, compact_figure(ind.value, ind.value_high, ind.unit, ind.qualifier));
    if (!ind.status.empty())
      out += "<span class=\"status status-" + class_token(ind.status) + "\">" + escaped(ind.status) + "</span>";
    out += "</td></tr>";
  }
  out += "</tbody></table></section>";
}

void write_side_panel(std::string& out, const Document& doc, const MarkedText& marks) {
  out += "<aside id=\"panel\">";
  write_indicators(out, doc, marks);

  out += "<section id=\"unresolved\"><h2>未解析标记 Unresolved markers (" +
         std::to_string(doc.glossary.unresolved.size()) + ")</h2>";
  if (doc.glossary.unresolved.empty()) {
    out += "<p class=\"empty\">全部已解析 (all resolved)</p>";
  } else {
    out += "<ul class=\"plain\">";
    for (std::size_t i = 0; i < doc.glossary.unresolved.size(); ++i) {
      const UnresolvedMarker& u = doc.glossary.unresolved[i];
      const bool anchored = marks.rendered("u-" + std::to_string(i));
      out += "<li class=\"warn\">⚠ ";
      if (anchored) out += "<a href=\"#u-" + std::to_string(i) + "\">";
      append_escaped(out, u.marker);
      if (anchored) out += "</a>";
      out += " 没有编号为 " + std::to_string(u.number) + " 的词条</li>";
    }
    out += "</ul>";
  }
  out += "</section>";

  std::map<std::string, std::size_t> by_kind;
  for (const Repair& r : doc.repairs) ++by_kind[r.kind.empty() ? "repair" : r.kind];
  out += "<section id=\"repairs\"><h2>修复 Repairs (" + std::to_string(doc.repairs.size()) + ")</h2>";
  if (by_kind.empty()) {
    out += "<p class=\"empty\">没有修复 (text unchanged)</p>";
  } else {
    out += "<table><tbody>";
    for (const auto& [kind, n] : by_kind)
      out += "<tr><td><span class=\"rep rep-" + class_token(kind) + "\">" + escaped(kind) + "</span></td><td class=\"n\">" +
             std::to_string(n) + "</td></tr>";
    out += "</tbody></table>";
  }
  out += "</section>";

  out += "<section id=\"diagnostics\"><h2>诊断 Diagnostics (" + std::to_string(doc.diagnostics.size()) + ")</h2>";
  if (doc.diagnostics.empty()) {
    out += "<p class=\"empty\">无 (none)</p>";
  } else {
    constexpr std::size_t shown = 200;
    out += "<details><summary>显示 show</summary><ul class=\"plain\">";
    for (std::size_t i = 0; i < doc.diagnostics.size() && i < shown; ++i) {
      const Diagnostic& d = doc.diagnostics[i];
      out += "<li class=\"diag-" + std::string(to_string(d.severity)) + "\"><b>";
      append_escaped(out, d.code);
      out += "</b> ";
      append_escaped(out, d.message);
      if (!d.stage.empty()) out += " <span class=\"canon\">" + escaped(d.stage) + "</span>";
      out += "</li>";
    }
    if (doc.diagnostics.size() > shown)
      out += "<li class=\"empty\">… " + std::to_string(doc.diagnostics.size() - shown) + " more</li>";
    out += "</ul></details>";
  }
  out += "</section></aside>";
}

}  // namespace

std::string display_title(const Document& doc) {
  if (!doc.metadata.title.empty()) return doc.metadata.title;
  const Span ts = doc.metadata.title_span;
  if (!ts.empty() && span_fits(doc.text, ts)) {
    std::string t;
    for (const char c : trim_span(doc.text, ts).of(doc.text)) t += (c == '\n' || c == '\r') ? ' ' : c;
    return t;
  }
  return doc.id;
}

std::string render_document_page(const Document& doc, const PageOptions& options) {
  const std::string title = display_title(doc);
  const std::vector<Block> blocks = layout_blocks(doc);
  MarkedText marks(doc.text, document_marks(doc, {options.repairs}));

  std::string out;
  out.reserve(doc.text.size() * 2 + marks.marks().size() * 120 + 32768);
  const std::string lang = options.lang == "auto" ? guess_chinese_lang(doc.text) : options.lang;
  out += "<!DOCTYPE html>\n<html lang=\"" + escaped(lang) + "\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  if (!options.generator.empty()) out += "<meta name=\"generator\" content=\"" + escaped(options.generator) + "\">";
  out += "<title>";
  append_escaped(out, title);
  out += "</title><style>";
  out += document_css();
  out += "</style></head>\n<body>";
  write_header(out, doc, title);
  out += "<div class=\"layout\">";
  write_toc(out, doc.text, doc, blocks, options.toc_depth);
  write_body(out, doc, title, blocks, marks);
  write_side_panel(out, doc, marks);
  out += "</div><div id=\"popup\" role=\"tooltip\" hidden></div>\n<script>";
  out += document_js();
  out += "</script>\n</body></html>\n";
  return out;
}

}  // namespace docpipe::html_export
