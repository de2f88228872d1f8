// Pages of random documents: whatever the layers hold (overlapping, out of range, inside a UTF-8
// sequence, pointing at missing entries), the page is well nested, its ids are unique and every
// in-page link has a target.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <regex>
#include <set>

#include "document_page.hpp"

using namespace docpipe;
using namespace docpipe::html_export;

namespace {

const std::vector<std::string> pieces = {"一、", "（一）", "。", "\n", "<", "&", "\"", "甲", "乙", "5%", "a", " ", "\u3000", "（6）"};

Span random_span(std::mt19937& rng, std::size_t size) {
  // Mostly valid spans, some past the end, some empty; the document's own rules decide the rest.
  std::size_t b = rng() % (size + 3), e = rng() % (size + 3);
  if (b > e) std::swap(b, e);
  if (rng() % 8 == 0) e = b;
  return {b, e};
}

Document random_document(std::mt19937& rng) {
  Document doc;
  doc.id = "random";
  const int n = 1 + static_cast<int>(rng() % 60);
  for (int i = 0; i < n; ++i) doc.text += pieces[rng() % pieces.size()];
  const std::size_t size = doc.text.size();
  for (int i = static_cast<int>(rng() % 6); i > 0; --i) {
    Section s;
    s.level = 1 + static_cast<int>(rng() % 8);
    s.heading = random_span(rng, size);
    doc.sections.push_back(s);
  }
  for (int i = static_cast<int>(rng() % 5); i > 0; --i) doc.paragraphs.push_back(random_span(rng, size));
  for (int i = static_cast<int>(rng() % 6); i > 0; --i) {
    NumberMention m;
    m.span = random_span(rng, size);
    m.value = static_cast<double>(rng() % 100000);
    m.kind = rng() % 2 ? "percent" : "<kind>";
    doc.numbers.push_back(m);
  }
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    Indicator ind;
    ind.span = random_span(rng, size);
    ind.name = "<x>";
    doc.indicators.push_back(ind);
  }
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    GlossaryEntry e;
    e.number = static_cast<int>(rng() % 4);
    e.term = "甲\"<";
    doc.glossary.entries.push_back(e);
  }
  for (int i = static_cast<int>(rng() % 5); i > 0; --i)
    doc.glossary.links.push_back({random_span(rng, size), static_cast<int>(rng() % 5) - 1, rng() % 2 ? "term" : "marker"});
  for (int i = static_cast<int>(rng() % 2); i > 0; --i) doc.glossary.unresolved.push_back({"（9）", 9, random_span(rng, size)});
  for (int i = static_cast<int>(rng() % 4); i > 0; --i) {
    Repair r;
    r.span = random_span(rng, size);
    r.before = "<&>";
    r.kind = rng() % 2 ? "whitespace" : "html";
    doc.repairs.push_back(r);
  }
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    Annotation a;
    a.span = random_span(rng, size);
    a.type = "<t>";
    a.attributes = {{"k", "\"v\""}};
    doc.annotations.push_back(a);
  }
  if (rng() % 3 == 0) doc.metadata.title_span = random_span(rng, size);
  return doc;
}

struct PageCheck {
  bool nested = true;
  std::string problem;
  std::multiset<std::string> ids;
  std::vector<std::string> local_links;
};

PageCheck check_page(const std::string& html) {
  static const std::set<std::string> void_tags = {"meta", "input", "col", "br", "img", "link"};
  static const std::regex name_re(R"(^</?([a-zA-Z0-9]+))"), id_re(R"re(\sid="([^"]*)")re"), href_re(R"re(\shref="#([^"]*)")re");
  PageCheck c;
  std::vector<std::string> stack;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    const std::size_t close = html.find('>', i);
    if (close == std::string::npos) {
      c.nested = false;
      c.problem = "unterminated tag";
      break;
    }
    const std::string tag = html.substr(i, close - i + 1);
    i = close + 1;
    if (tag.rfind("<!", 0) == 0) continue;
    std::smatch m;
    if (!std::regex_search(tag, m, name_re)) {
      c.nested = false;
      c.problem = "bad tag " + tag;
      break;
    }
    const std::string name = m[1];
    if (tag[1] == '/') {
      if (stack.empty() || stack.back() != name) {
        c.nested = false;
        c.problem = "unexpected " + tag;
        break;
      }
      stack.pop_back();
      continue;
    }
    if (std::regex_search(tag, m, id_re)) c.ids.insert(m[1]);
    if (std::regex_search(tag, m, href_re)) c.local_links.push_back(m[1]);
    if (name == "script" || name == "style") {  // raw text up to its end tag
      i = html.find("</" + name + ">", i);
      if (i == std::string::npos) {
        c.nested = false;
        c.problem = "unclosed <" + name + ">";
        break;
      }
      i += name.size() + 3;
      continue;
    }
    if (!void_tags.count(name)) stack.push_back(name);
  }
  if (c.nested && !stack.empty()) {
    c.nested = false;
    c.problem = "unclosed <" + stack.back() + ">";
  }
  return c;
}

}  // namespace

TEST_CASE("pages of random documents are well formed, with unique ids and no dangling links") {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    const Document doc = random_document(rng);
    PageOptions o;
    o.repairs = RepairMarks::all;
    const std::string page = render_document_page(doc, o);
    const PageCheck c = check_page(page);
    INFO("round " << round << ": " << c.problem << "\ntext: " << doc.text);
    REQUIRE(c.nested);
    for (const std::string& id : c.ids) REQUIRE(c.ids.count(id) == 1);
    for (const std::string& target : c.local_links) REQUIRE(c.ids.count(target) == 1);
    // Text never leaks as markup: every '<' of the text is escaped.
    REQUIRE(page.find("<\n") == std::string::npos);
  }
}
