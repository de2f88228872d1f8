#include "corpus_fixture.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "docpipe/text_rewriter.hpp"

namespace fixture {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Each line as a span (without its line break).
std::vector<docpipe::Span> lines_of(const std::string& text) {
  std::vector<docpipe::Span> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    out.push_back({begin, end});
    begin = end + 1;
  }
  return out;
}

void close_sections(docpipe::Document& doc) {
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    std::size_t end = doc.text.size();
    for (std::size_t j = i + 1; j < doc.sections.size(); ++j)
      if (doc.sections[j].level <= doc.sections[i].level) {
        end = doc.sections[j].heading.begin;
        break;
      }
    doc.sections[i].span = {doc.sections[i].heading.begin, end};
  }
}

}  // namespace

std::string corpus_report_path() { return std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports/city_changsha_2024.txt"; }

docpipe::Document changsha_document() {
  docpipe::Document doc;
  doc.id = "city_changsha_2024";
  doc.source = corpus_report_path();
  std::string text = read_file(doc.source);

  // Damage to repair, and markers to link: the first `（一）` loses its full-width parenthesis, a
  // marker for entry 4 follows its first mention, and a marker no entry has follows the first `。`
  // of the body.
  const std::size_t first_item = text.find("（一）");
  if (first_item == std::string::npos) throw std::runtime_error("fixture: no （一） in the report");
  text.replace(first_item, std::string("（").size(), "(");
  const std::size_t mention = text.find("一江一湖六河");
  text.insert(mention + std::string("一江一湖六河").size() + std::string("”").size(), "（4）");
  const std::size_t body = text.find("各位代表");
  text.insert(text.find("。", body), "（99）");

  doc.raw = text;
  doc.text = text;
  doc.source_map = docpipe::SourceMap::identity(text.size());
  doc.encoding = {"UTF-8", 1.0, false};

  docpipe::TextRewriter rw(doc, "fixture-repair");
  const std::size_t damaged = doc.text.find("(一）");
  rw.replace(damaged, damaged + 1, "（", "punctuation", 0.93, "ASCII parenthesis before a full-width one");
  rw.commit(doc);

  const std::string& t = doc.text;
  doc.metadata.title = "2024年政府工作报告";
  doc.metadata.region = "长沙市";
  doc.metadata.year = 2024;
  doc.metadata.date = "2024-01-24";
  doc.metadata.meeting = "长沙市第十六届人民代表大会第四次会议";

  static const std::vector<std::string> level1 = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"};
  static const std::regex item(R"(^（[一二三四五六七八九十]+）)");
  std::size_t glossary_start = std::string::npos;
  for (const docpipe::Span& line : lines_of(t)) {
    const std::string_view l = line.of(t);
    if (l.empty()) continue;
    docpipe::Section s;
    bool heading = false;
    for (const std::string& p : level1)
      if (starts_with(l, p)) {
        s.level = 1;
        s.label = p.substr(0, p.size() - std::string("、").size());
        s.heading = line;
        s.title = std::string(l.substr(p.size()));
        heading = true;
      }
    std::match_results<std::string_view::const_iterator> m;
    if (!heading && std::regex_search(l.begin(), l.end(), m, item)) {
      const std::size_t stop = l.find("。");
      s.level = 2;
      s.label = std::string(l.substr(3, m.length(0) - 6));
      s.heading = {line.begin, stop == std::string_view::npos ? line.end : line.begin + stop + 3};
      s.title = std::string(t.substr(line.begin + m.length(0), s.heading.end - line.begin - m.length(0)));
      heading = true;
    }
    if (l == "**名词解释**") {
      s.level = 1;
      s.kind = "glossary";
      s.title = "名词解释";
      s.heading = line;
      heading = true;
      glossary_start = line.begin;
    }
    if (heading) {
      if (!doc.sections.empty()) {
        for (int p = static_cast<int>(doc.sections.size()) - 1; p >= 0; --p)
          if (doc.sections[p].level < s.level) {
            s.parent = p;
            break;
          }
      }
      doc.sections.push_back(s);
    }
    if (!(heading && s.heading == line)) doc.paragraphs.push_back(line);
  }
  close_sections(doc);
  if (glossary_start == std::string::npos) throw std::runtime_error("fixture: no glossary in the report");

  // Glossary entries: `N.term：definition` lines after the heading.
  static const std::regex entry_line(R"(^([0-9]+)\.([^：]+)：)");
  for (const docpipe::Span& line : lines_of(t)) {
    if (line.begin < glossary_start) continue;
    const std::string_view l = line.of(t);
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(l.begin(), l.end(), m, entry_line)) continue;
    docpipe::GlossaryEntry e;
    e.number = std::stoi(m[1].str());
    e.term = m[2].str();
    e.definition = std::string(l.substr(m.length(0)));
    e.span = line;
    e.term_span = {line.begin + static_cast<std::size_t>(m.position(2)),
                   line.begin + static_cast<std::size_t>(m.position(2) + m.length(2))};
    doc.glossary.entries.push_back(e);
  }

  // Numbers: ASCII digits with a unit.
  static const std::regex number(R"(([0-9]+(\.[0-9]+)?)(%|亿元|万人|家))");
  for (auto it = std::sregex_iterator(t.begin(), t.begin() + static_cast<long>(glossary_start), number);
       it != std::sregex_iterator(); ++it) {
    docpipe::NumberMention n;
    n.span = {static_cast<std::size_t>(it->position(0)), static_cast<std::size_t>(it->position(0) + it->length(0))};
    n.text = it->str(0);
    const std::string unit = it->str(3);
    n.value = std::stod(it->str(1)) * (unit == "亿元" ? 1e8 : unit == "万人" ? 1e4 : 1);
    n.unit = unit == "%" ? "%" : unit == "亿元" ? "CNY" : unit == "万人" ? "人" : unit;
    n.kind = unit == "%" ? "percent" : unit == "亿元" ? "money" : "measure";
    const std::string after = t.substr(n.span.end, 6);
    if (starts_with(after, "左右")) n.qualifier = "about";
    if (starts_with(after, "以上")) n.qualifier = "at_least";
    doc.numbers.push_back(n);
  }

  // Indicators: a known name, 增长, then a percentage, inside one sentence.
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"地区生产总值", "gdp"}, {"规模以上工业增加值", "industrial_value_added"},
      {"地方一般公共预算收入", "fiscal_revenue"}, {"固定资产投资", "fixed_asset_investment"},
      {"社会消费品零售总额", "retail_sales"}};
  for (const docpipe::NumberMention& n : doc.numbers) {
    if (n.unit != "%") continue;
    const std::size_t sentence_begin = [&] {
      const std::size_t p = t.rfind("。", n.span.begin);
      const std::size_t q = t.rfind("，", n.span.begin);
      std::size_t b = p == std::string::npos ? 0 : p + 3;
      if (q != std::string::npos && q + 3 > b) b = q + 3;
      return b;
    }();
    const std::string_view clause = std::string_view(t).substr(sentence_begin, n.span.begin - sentence_begin);
    for (const auto& [name, canonical] : names) {
      if (clause.find(name) == std::string_view::npos || clause.find("增长") == std::string_view::npos) continue;
      docpipe::Indicator ind;
      ind.name = name;
      ind.canonical = canonical;
      ind.period = t.find("2024年", sentence_begin) < n.span.begin ? 2024 : 2023;
      ind.status = n.qualifier.empty() ? "actual" : "target";
      ind.measure = "growth";
      ind.value = n.value;
      ind.unit = "%";
      ind.qualifier = n.qualifier;
      ind.span = n.span;
      ind.sentence = {sentence_begin, t.find("。", n.span.end)};
      doc.indicators.push_back(ind);
      break;
    }
  }

  // Glossary links: every mention of a term before the appendix, the inserted marker, and the
  // unresolved marker.
  for (std::size_t e = 0; e < doc.glossary.entries.size(); ++e) {
    const std::string& term = doc.glossary.entries[e].term;
    for (std::size_t p = t.find(term); p != std::string::npos && p < glossary_start; p = t.find(term, p + term.size()))
      doc.glossary.links.push_back({{p, p + term.size()}, static_cast<int>(e), "term"});
  }
  const std::size_t marker = t.find("（4）");
  for (std::size_t e = 0; e < doc.glossary.entries.size(); ++e)
    if (doc.glossary.entries[e].number == 4)
      doc.glossary.links.push_back({{marker, marker + std::string("（4）").size()}, static_cast<int>(e), "marker"});
  std::sort(doc.glossary.links.begin(), doc.glossary.links.end(),
            [](const docpipe::GlossaryLink& a, const docpipe::GlossaryLink& b) { return a.span < b.span; });
  const std::size_t unresolved = t.find("（99）");
  doc.glossary.unresolved.push_back({"（99）", 99, {unresolved, unresolved + std::string("（99）").size()}});
  doc.report(docpipe::Severity::warning, "glossary-unresolved-marker", "marker （99） has no entry",
             doc.glossary.unresolved.back().span, "fixture");
  return doc;
}

}  // namespace fixture
