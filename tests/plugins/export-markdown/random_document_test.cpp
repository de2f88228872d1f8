// Markdown of random documents: whatever the layers hold (overlapping, out of range, inside a UTF-8
// sequence, pointing at missing entries), every footnote reference has its definition and no text
// character is lost or doubled.
#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <set>

#include "docpipe/export/block_layout.hpp"
#include "markdown_document.hpp"

using namespace docpipe;
using namespace docpipe::markdown_export;
using docpipe::exporting::layout_blocks;
using docpipe::exporting::Block;

namespace {

const std::vector<std::string> pieces = {"一、", "（一）", "。", "\n", "*", "[", "#", "甲", "乙", "5", ".", " ", "（6）"};

Span random_span(std::mt19937& rng, std::size_t size) {
  std::size_t b = rng() % (size + 3), e = rng() % (size + 3);
  if (b > e) std::swap(b, e);
  return {b, e};
}

std::string squeeze(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; }), s.end());
  for (std::size_t p = s.find("\u3000"); p != std::string::npos; p = s.find("\u3000")) s.erase(p, 3);
  return s;
}

}  // namespace

TEST_CASE("Markdown of random documents keeps the text and defines every reference") {
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    Document doc;
    doc.id = "r";
    const int n = 1 + static_cast<int>(rng() % 50);
    for (int i = 0; i < n; ++i) doc.text += pieces[rng() % pieces.size()];
    const std::size_t size = doc.text.size();
    for (int i = static_cast<int>(rng() % 5); i > 0; --i) {
      Section s;
      s.level = static_cast<int>(rng() % 9) - 1;
      s.heading = random_span(rng, size);
      doc.sections.push_back(s);
    }
    for (int i = static_cast<int>(rng() % 4); i > 0; --i) doc.paragraphs.push_back(random_span(rng, size));
    for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
      GlossaryEntry e;
      e.number = static_cast<int>(rng() % 3);
      e.term = "甲";
      e.definition = "定義*";
      doc.glossary.entries.push_back(e);
    }
    for (int i = static_cast<int>(rng() % 5); i > 0; --i)
      doc.glossary.links.push_back({random_span(rng, size), static_cast<int>(rng() % 4) - 1, rng() % 2 ? "term" : "marker"});

    const std::string md = render_markdown(doc);
    INFO("round " << round << "\ntext: " << doc.text << "\nmd: " << md);
    std::set<std::string> refs, defs;
    const std::regex ref(R"(\[\^([0-9g]+)\](?!:))"), def(R"((^|\n)\[\^([0-9g]+)\]: )");
    for (auto it = std::sregex_iterator(md.begin(), md.end(), ref); it != std::sregex_iterator(); ++it) refs.insert((*it)[1]);
    for (auto it = std::sregex_iterator(md.begin(), md.end(), def); it != std::sregex_iterator(); ++it) defs.insert((*it)[2]);
    for (const std::string& r : refs) REQUIRE(defs.count(r) == 1);

    // The body, with headings' hashes, references and escapes removed, is the text with the
    // replaced markers removed.
    std::string body = md.substr(md.find("\n\n") + 2);
    std::smatch first_def;
    if (std::regex_search(body, first_def, std::regex(R"((^|\n)\[\^[0-9g]+\]: )"))) body = body.substr(0, first_def.position(0));
    body = std::regex_replace(body, std::regex(R"(\[\^[0-9g]+\])"), "");
    body = std::regex_replace(body, std::regex(R"((^|\n)#+ )"), "$1");
    body = std::regex_replace(body, std::regex(R"(\\(.))"), "$1");
    std::string text = doc.text;
    const auto labels = footnote_labels(doc.glossary);
    const auto edits = footnote_edits(doc, labels, TermReferences::first);
    // A marker is replaced only when it lies inside one block; one that crosses blocks stays text.
    const auto blocks = layout_blocks(doc);
    auto inside_block = [&](const Span& sp) {
      return std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) { return b.span.contains(sp); });
    };
    std::size_t removed = 0;
    for (const FootnoteEdit& e : edits)
      if (!e.span.empty() && inside_block(e.span)) {
        text.replace(e.span.begin - removed, e.span.size(), "");
        removed += e.span.size();
      }
    REQUIRE(squeeze(body) == squeeze(text));
  }
}
