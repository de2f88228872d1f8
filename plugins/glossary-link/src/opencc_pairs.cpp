#include <memory>
#include <stdexcept>

#include <opencc/opencc.h>

#include "docpipe/utf8.hpp"
#include "fold_pairs.hpp"
#include "han_ranges.hpp"

namespace docpipe::glossary_link {

FoldPairs read_opencc_pairs(const std::string& opencc_config) {
  opencc_t od = opencc_open(opencc_config.c_str());
  if (od == reinterpret_cast<opencc_t>(-1))
    throw std::runtime_error("glossary-link: cannot open OpenCC configuration " + opencc_config + ": " +
                             opencc_error());
  std::unique_ptr<void, int (*)(opencc_t)> guard(od, opencc_close);
  // One character per line, so that no phrase of OpenCC's dictionaries can span two of them.
  std::string batch;
  std::vector<char32_t> order;
  for (const HanRange& r : kHanRanges) {
    for (char32_t cp = r.first; cp <= r.last && cp < kFoldTableLimit; ++cp) {
      utf8::append(batch, cp);
      batch += '\n';
      order.push_back(cp);
    }
  }
  char* converted = opencc_convert_utf8(od, batch.data(), batch.size());
  if (converted == nullptr) throw std::runtime_error(std::string("glossary-link: OpenCC failed: ") + opencc_error());
  std::string out(converted);
  opencc_convert_utf8_free(converted);

  FoldPairs result;
  std::size_t pos = 0, line = 0;
  while (pos < out.size() && line < order.size()) {
    std::size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) nl = out.size();
    std::string_view piece(out.data() + pos, nl - pos);
    std::size_t p = 0;
    const char32_t first = piece.empty() ? 0 : utf8::next(piece, p);
    if (!piece.empty() && p == piece.size()) {
      if (first != order[line]) result.pairs.push_back({order[line], first});
    } else {
      ++result.non_one_to_one;  // kept unchanged: a one-to-many conversion would break exact offsets
    }
    pos = nl + 1;
    ++line;
  }
  if (line != order.size()) throw std::runtime_error("glossary-link: OpenCC changed the line structure");
  return result;
}

}  // namespace docpipe::glossary_link
