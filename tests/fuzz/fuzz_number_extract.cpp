// libFuzzer target: number-extract's numeral parser, unit lexicon and indicator extraction.
#include <cstddef>
#include <cstdint>

#include "fuzz_text.hpp"
#include "indicator_table.hpp"
#include "number_extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  docpipe::Document doc = docpipe::fuzz::document_from(data, size);
  try {
    number_extract::extract_numbers(doc, number_extract::IndicatorTable::builtin());
  } catch (const std::exception&) {
  }
  for (const auto& n : doc.numbers)
    if (n.span.end > doc.text.size() || n.span.begin > n.span.end) __builtin_trap();
  return 0;
}
