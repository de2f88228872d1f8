#include "index_page.hpp"

#include <algorithm>
#include <tuple>

#include "html_escape.hpp"
#include "page_assets.hpp"

namespace docpipe::html_export {

namespace {

void cell(std::string& out, std::size_t n, bool flag = false) {
  out += flag && n > 0 ? "<td class=\"n flag\">" : "<td class=\"n\">";
  out += std::to_string(n) + "</td>";
}

}  // namespace

std::string render_index_page(std::vector<SummaryRow> rows, const std::string& heading) {
  std::stable_sort(rows.begin(), rows.end(), [](const SummaryRow& a, const SummaryRow& b) {
    return std::tie(b.year, a.region, a.title, a.id) < std::tie(a.year, b.region, b.title, b.id);
  });
  std::string out;
  out.reserve(4096 + rows.size() * 600);
  out += "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  append_escaped(out, heading);
  out += "</title><style>";
  out += index_css();
  out += "</style></head>\n<body><main class=\"index\"><h1>";
  append_escaped(out, heading);
  out += "</h1><p>" + std::to_string(rows.size()) + " 份文件 documents</p>"
         "<input id=\"filter\" type=\"search\" placeholder=\"筛选 filter: 标题、地区、年份…\" aria-label=\"filter\">"
         "<table id=\"docs\"><thead><tr><th>标题 title</th><th class=\"n\">年份 year</th><th>地区 region</th>"
         "<th>日期 date</th><th class=\"n\">章节</th><th class=\"n\">数字</th><th class=\"n\">指标</th>"
         "<th class=\"n\">名词解释</th><th class=\"n\">未解析</th><th class=\"n\">修复</th><th class=\"n\">问题</th>"
         "<th>编码</th></tr></thead><tbody>\n";
  for (const SummaryRow& r : rows) {
    out += "<tr><td class=\"title\"><a href=\"" + url_path_segment(r.file) + "\">";
    append_escaped(out, r.title);
    out += "</a></td><td class=\"n\">" + (r.year > 0 ? std::to_string(r.year) : std::string()) + "</td><td>";
    append_escaped(out, r.region);
    out += "</td><td>";
    append_escaped(out, r.date);
    out += "</td>";
    cell(out, r.sections);
    cell(out, r.numbers);
    cell(out, r.indicators);
    cell(out, r.glossary);
    cell(out, r.unresolved, true);
    cell(out, r.repairs);
    cell(out, r.problems, true);
    out += "<td>";
    append_escaped(out, r.encoding);
    out += "</td></tr>\n";
  }
  out += "</tbody></table></main>\n<script>";
  out += index_js();
  out += "</script>\n</body></html>\n";
  return out;
}

}  // namespace docpipe::html_export
