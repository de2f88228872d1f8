#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "docpipe/atomic_file.hpp"
#include "glossary_linker.hpp"
#include "golden_support.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;
using namespace glossary_test;

// Renders the glossary layer of every file named in $GLOSSARY_DUMP (colon-separated) to stdout;
// a tool for writing and checking golden files, skipped in normal runs.
TEST_CASE("dump glossary layers", "[.dump]") {
  const char* list = std::getenv("GLOSSARY_DUMP");
  if (!list) return;
  std::string paths(list);
  GlossaryLinker linker;
  for (std::size_t b = 0; b <= paths.size();) {
    std::size_t e = paths.find(':', b);
    if (e == std::string::npos) e = paths.size();
    Document doc;
    doc.text = read_file(paths.substr(b, e - b));
    linker.process(doc);
    std::cout << render(doc, std::filesystem::path(paths.substr(b, e - b)).filename().string());
    b = e + 1;
  }
}
