// libFuzzer target: section-split (title block, headings, section tree, sentences) on any text.
#include <cstddef>
#include <cstdint>

#include "fuzz_text.hpp"
#include "section_splitter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  docpipe::Document doc = docpipe::fuzz::document_from(data, size);
  try {
    section_split::split_document(doc);
  } catch (const std::exception&) {
  }
  // Every span must stay inside the text.
  for (const auto& s : doc.sections)
    if (s.span.end > doc.text.size() || s.span.begin > s.span.end) __builtin_trap();
  return 0;
}
