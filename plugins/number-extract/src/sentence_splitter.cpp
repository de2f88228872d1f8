#include "sentence_splitter.hpp"

#include <docpipe/utf8.hpp>

namespace number_extract {

std::vector<docpipe::Span> split_sentences(std::string_view text) {
  std::vector<docpipe::Span> out;
  std::size_t begin = 0, pos = 0;
  auto close = [&](std::size_t end) {
    std::size_t b = begin, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r' || text[b] == '\n')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' || text[e - 1] == '\n')) --e;
    if (e > b) out.push_back({b, e});
    begin = end;
  };
  while (pos < text.size()) {
    const char32_t c = docpipe::utf8::next(text, pos);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'\n') {
      // Keep a closing quote or bracket with its sentence.
      while (pos < text.size()) {
        std::size_t p = pos;
        const char32_t n = docpipe::utf8::next(text, p);
        if (n != U'”' && n != U'」' && n != U'）' && n != U')' && n != U'’') break;
        pos = p;
      }
      close(pos);
    }
  }
  close(text.size());
  return out;
}

}  // namespace number_extract
