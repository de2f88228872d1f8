// Damage the corpus has not shown us yet, made from the reports that have a glossary: every line
// break lost (one-line scrapes), and the whole report in traditional script (OpenCC s2t). The
// glossary layer must survive both.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>

#include <opencc/opencc.h>

#include "docpipe/utf8.hpp"
#include "glossary_linker.hpp"
#include "golden_support.hpp"

using namespace docpipe;
using namespace glossary_test;

namespace {

std::vector<std::string> reports_with_glossary() {
  std::vector<std::string> out;
  const docpipe::glossary_link::GlossaryLinker linker;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(shared("corpus/reports")))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Document doc;
    doc.text = read_file(f.string());
    if (!utf8::is_valid(doc.text)) continue;
    linker.process(doc);
    if (doc.glossary.entries.size() >= 5) out.push_back(doc.text);
  }
  return out;
}

Document linked(std::string text) {
  Document doc;
  doc.text = std::move(text);
  docpipe::glossary_link::GlossaryLinker().process(doc);
  return doc;
}

std::string to_traditional(const std::string& text) {
  opencc_t od = opencc_open(OPENCC_DEFAULT_CONFIG_SIMP_TO_TRAD);
  REQUIRE(od != reinterpret_cast<opencc_t>(-1));
  char* out = opencc_convert_utf8(od, text.data(), text.size());
  std::string result(out);
  opencc_convert_utf8_free(out);
  opencc_close(od);
  return result;
}

}  // namespace

TEST_CASE("damage: reports without line breaks keep (almost) every entry and link") {
  const auto reports = reports_with_glossary();
  REQUIRE(reports.size() >= 20);
  for (const std::string& text : reports) {
    const Document clean = linked(text);
    std::string flat = text;
    flat.erase(std::remove(flat.begin(), flat.end(), '\n'), flat.end());
    const Document damaged = linked(flat);
    INFO(clean.glossary.entries.front().term);
    // An entry may be lost where nothing but the line break told it apart (a one-letter term, or an
    // unnumbered term the report never mentions).
    CHECK(damaged.glossary.entries.size() + 1 >= clean.glossary.entries.size());
    CHECK(damaged.glossary.entries.size() <= clean.glossary.entries.size());
    CHECK(damaged.glossary.links.size() + 3 >= clean.glossary.links.size());
  }
}

TEST_CASE("damage: reports converted to traditional script link the same") {
  const auto reports = reports_with_glossary();
  for (const std::string& text : reports) {
    const Document clean = linked(text);
    const Document traditional = linked(to_traditional(text));
    INFO(clean.glossary.entries.front().term);
    CHECK(traditional.glossary.entries.size() == clean.glossary.entries.size());
    CHECK(traditional.glossary.links.size() == clean.glossary.links.size());
    CHECK(traditional.glossary.unresolved.size() == clean.glossary.unresolved.size());
  }
}
