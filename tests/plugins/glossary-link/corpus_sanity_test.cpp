// Invariants over every report of the shared corpus (corpus/reports/*.txt): whatever the format, the
// glossary layer must be well-formed, and every report with a 名词解释 appendix must yield entries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "docpipe/utf8.hpp"
#include "enumerator.hpp"
#include "glossary_linker.hpp"
#include "golden_support.hpp"

using namespace docpipe;
using namespace glossary_test;

namespace {
bool on_boundary(const std::string& text, std::size_t offset) {
  return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}
void check_span(const std::string& text, const Span& s) {
  REQUIRE(s.begin <= s.end);
  REQUIRE(s.end <= text.size());
  REQUIRE(on_boundary(text, s.begin));
  REQUIRE(on_boundary(text, s.end));
}
}  // namespace

TEST_CASE("corpus: well-formed glossary layers for all reports") {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(shared("corpus/reports")))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 100);
  const docpipe::glossary_link::GlossaryLinker linker;
  std::size_t with_heading = 0, with_entries = 0;
  for (const auto& f : files) {
    Document doc;
    doc.text = read_file(f.string());
    if (!utf8::is_valid(doc.text)) continue;
    INFO(f.filename().string());
    linker.process(doc);
    const auto& g = doc.glossary;
    const bool has_appendix = doc.text.find("\n**名词解释") != std::string::npos ||
                              doc.text.find("\n名词解释\n") != std::string::npos;
    with_heading += has_appendix;
    with_entries += has_appendix && g.entries.size() >= 5;
    for (std::size_t i = 0; i < g.entries.size(); ++i) {
      const auto& e = g.entries[i];
      check_span(doc.text, e.span);
      check_span(doc.text, e.term_span);
      CHECK(e.span.contains(e.term_span));
      CHECK_FALSE(e.term.empty());
      if (i > 0) CHECK(g.entries[i - 1].span.end <= e.span.begin);
    }
    for (std::size_t i = 0; i < g.links.size(); ++i) {
      const auto& l = g.links[i];
      check_span(doc.text, l.span);
      REQUIRE(l.entry >= 0);
      REQUIRE(std::size_t(l.entry) < g.entries.size());
      if (i > 0) CHECK(g.links[i - 1].span.end <= l.span.begin);
      for (const auto& e : g.entries) CHECK_FALSE(e.span.overlaps(l.span));
      if (l.kind == "marker") {
        auto m = docpipe::glossary_link::read_marker(doc.text, l.span.begin);
        REQUIRE(m);
        CHECK(m->number == g.entries[std::size_t(l.entry)].number);
      } else {
        CHECK(l.kind == "term");
      }
    }
    for (const auto& u : g.unresolved) check_span(doc.text, u.span);
  }
  // Every report with a 名词解释 heading of its own line yields a glossary.
  CHECK(with_heading >= 15);
  CHECK(with_entries == with_heading);
}
