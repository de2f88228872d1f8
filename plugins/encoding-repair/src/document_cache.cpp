#include "document_cache.hpp"

#include "char_model_format.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace fmt = charmodel_format;

DocumentCache::DocumentCache(std::string_view text) {
  std::size_t pos = 0;
  char32_t prev = ' ';
  bool damaged = false;
  while (pos < text.size()) {
    const char32_t raw = docpipe::utf8::next(text, pos);
    // Runs that may be damage (from a `?` or U+FFFD to the next ASCII byte that is not folded
    // punctuation) are not counted: the cache must not vouch for mojibake.
    if (raw == '?' || raw == 0xFFFD) damaged = true;
    if (damaged) {
      const bool folded = raw == ',' || raw == ':' || raw == ';' || raw == '!' || raw == '?' || raw == '(' || raw == ')';
      if (raw < 0x80 && !folded) damaged = false;
      prev = ' ';
      continue;
    }
    const char32_t c = fmt::normalize(raw);
    ++pairs_[(std::uint64_t{prev} << 32) | c];
    ++firsts_[prev];
    prev = c;
  }
}

double DocumentCache::probability(char32_t prev, char32_t cur) const noexcept {
  prev = fmt::normalize(prev);
  cur = fmt::normalize(cur);
  const auto f = firsts_.find(prev);
  if (f == firsts_.end()) return 0.0;
  const auto p = pairs_.find((std::uint64_t{prev} << 32) | cur);
  return p == pairs_.end() ? 0.0 : double(p->second) / double(f->second);
}

}  // namespace encoding_repair
