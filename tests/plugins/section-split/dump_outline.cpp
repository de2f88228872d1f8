// Prints the outline of each file given (for writing and reviewing golden files; not a test).
// With --blocks, prints every block and how it reads as a heading candidate instead; with
// --headings, every section's level, kind and heading text.
#include <cstring>
#include <iostream>

#include "blocks.hpp"
#include "front_matter.hpp"
#include "heading_candidate.hpp"
#include "outline.hpp"
#include "section_splitter.hpp"

int main(int argc, char** argv) {
  bool blocks = false, headings = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--blocks") == 0) {
      blocks = true;
      continue;
    }
    if (std::strcmp(argv[i], "--headings") == 0) {
      headings = true;
      continue;
    }
    auto doc = section_split_test::document_from(argv[i]);
    if (blocks) {
      const std::string_view text = doc.text;
      auto fm = section_split::read_front_matter(text);
      for (const auto& b : section_split::split_blocks(text, fm.body_begin)) {
        auto c = section_split::read_candidate(text, b);
        std::cout << (c ? int(c->style) : -1) << (c && c->part_keyword ? "k" : "") << (b.bold ? "b" : "")
                  << (c && c->standalone ? "s" : "") << " " << text.substr(b.begin, std::min<std::size_t>(b.end - b.begin, 60))
                  << "\n";
      }
      continue;
    }
    section_split::split_document(doc);
    if (headings) {
      for (const auto& s : doc.sections) std::cout << s.level << '\t' << s.kind << '\t' << s.heading.of(doc.text) << '\n';
      continue;
    }
    std::cout << section_split_test::outline(doc);
  }
}
