#include "enumerator_lists.hpp"

#include <algorithm>

#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {
// U+2460..U+249B: twenty circled numbers, twenty parenthesized, twenty with a full stop.
constexpr char32_t kFirst = 0x2460;
constexpr int kPerFamily = 20;
constexpr int kFamilies = 3;
}  // namespace

int EnumeratorLists::family(char32_t c) noexcept {
  return c >= kFirst && c < kFirst + kPerFamily * kFamilies ? static_cast<int>(c - kFirst) / kPerFamily : -1;
}

EnumeratorLists::EnumeratorLists(std::string_view text) : text_(text) {
  // Every enumerator is E2 91 A0..E2 92 9B in UTF-8: a search for E2 is all clean text costs.
  for (std::size_t pos = text.find('\xE2'); pos != std::string_view::npos; pos = text.find('\xE2', pos + 1)) {
    std::size_t next = pos;
    const char32_t c = docpipe::utf8::next(text, next);
    if (family(c) >= 0) seen_.push_back({pos, c});
  }
}

EnumeratorLists::Missing EnumeratorLists::missing_between(std::size_t begin, std::size_t end) const noexcept {
  auto first_at = [&](std::size_t pos) {
    return std::lower_bound(seen_.begin(), seen_.end(), pos, [](const Seen& s, std::size_t p) { return s.pos < p; });
  };
  const auto after = first_at(end);
  const auto upto = first_at(begin);
  Missing best;
  std::size_t best_pos = text_.size();
  for (int f = 0; f < kFamilies; ++f) {
    const auto next = std::find_if(after, seen_.end(), [&](const Seen& s) { return family(s.c) == f; });
    if (next == seen_.end() || next->pos >= best_pos) continue;
    const int number = static_cast<int>(next->c - kFirst) % kPerFamily;
    if (number == 0) continue;  // a list that starts after the stretch lacks nothing
    const char32_t wanted = next->c - 1;
    const auto before = std::find_if(std::make_reverse_iterator(upto), seen_.rend(), [&](const Seen& s) { return family(s.c) == f; });
    if (before != seen_.rend() && before->c == wanted) continue;
    best_pos = next->pos;
    best.enumerator = wanted;
  }
  if (best.enumerator) {
    // Characters are their lead bytes.
    const auto from = text_.begin() + static_cast<std::ptrdiff_t>(begin);
    best.distance = static_cast<std::size_t>(std::count_if(from, text_.begin() + static_cast<std::ptrdiff_t>(best_pos),
                                                           [](char b) { return (static_cast<unsigned char>(b) & 0xC0) != 0x80; }));
  }
  return best;
}

}  // namespace encoding_repair
