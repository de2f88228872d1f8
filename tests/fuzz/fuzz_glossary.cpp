// libFuzzer target: glossary-link's appendix entry parser and the whole linker.
#include <cstddef>
#include <cstdint>

#include "entry_parser.hpp"
#include "fuzz_text.hpp"
#include "glossary_linker.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  docpipe::Document doc = docpipe::fuzz::document_from(data, size);
  static const docpipe::glossary_link::GlossaryLinker linker;
  try {
    docpipe::glossary_link::parse_entries(doc.text, docpipe::Span{0, doc.text.size()});
    linker.process(doc);
  } catch (const std::exception&) {
  }
  for (const auto& l : doc.glossary.links)
    if (l.span.end > doc.text.size() || l.span.begin > l.span.end) __builtin_trap();
  return 0;
}
