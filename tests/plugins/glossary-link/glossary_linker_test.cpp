#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "glossary_linker.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

namespace {
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("seed: entries, markers and term links") {
  Document doc;
  doc.text = read_file(std::string(DOCPIPE_SHARED_DIR) + "/seed/000_dbdc0dc46ac71758.txt");
  GlossaryLinker linker;
  linker.process(doc);
  for (auto& e : doc.glossary.entries) WARN(e.number << " " << e.term << " | " << e.definition.substr(0, 60));
  for (auto& l : doc.glossary.links) WARN(l.kind << " " << l.entry << " " << l.span.of(doc.text));
  for (auto& d : doc.diagnostics) WARN(d.code << " " << d.message);
  CHECK(doc.glossary.entries.size() == 19);
}
