#include "document_cache.hpp"

#include "char_model_format.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace fmt = charmodel_format;

namespace {
std::size_t slot_of(std::uint64_t key, std::size_t mask) noexcept {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

/// fmt::normalize(), which leaves CJK ideographs (nearly every character asked for) as they are.
char32_t normalized(char32_t c) noexcept { return c >= 0x3400 && c <= 0x9FFF ? c : fmt::normalize(c); }
}  // namespace

DocumentCache::DocumentCache(std::string_view text) : slots_(1024) {
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
    add((std::uint64_t{prev} << 32) | c);
    add((std::uint64_t{prev} << 32) | kFirst);
    prev = c;
  }
}

void DocumentCache::add(std::uint64_t key) {
  if (2 * (used_ + 1) > slots_.size()) {
    // Keep the table at most half full so that absent pairs end their probe quickly.
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == kEmpty) continue;
      std::size_t i = slot_of(s.key, mask);
      while (slots_[i].key != kEmpty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = slot_of(key, mask);
  while (slots_[i].key != kEmpty && slots_[i].key != key) i = (i + 1) & mask;
  if (slots_[i].key == kEmpty) {
    slots_[i].key = key;
    ++used_;
  }
  ++slots_[i].count;
}

std::uint32_t DocumentCache::count(std::uint64_t key) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
    if (slots_[i].key == key) return slots_[i].count;
    if (slots_[i].key == kEmpty) return 0;
  }
}

DocumentCache::Row DocumentCache::row(char32_t prev) const noexcept {
  Row r;
  r.prev = normalized(prev);
  r.count = count((std::uint64_t{r.prev} << 32) | kFirst);
  return r;
}

double DocumentCache::probability(const Row& r, char32_t cur) const noexcept {
  if (r.count == 0) return 0.0;
  const std::uint32_t pair = count((std::uint64_t{r.prev} << 32) | normalized(cur));
  return double(pair) / double(r.count);
}

double DocumentCache::probability(char32_t prev, char32_t cur) const noexcept { return probability(row(prev), cur); }

}  // namespace encoding_repair
