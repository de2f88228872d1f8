#include "char_fold.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace number_extract {
namespace {

constexpr std::pair<char16_t, char16_t> kTraditional[] = {
#include "traditional_fold_table.inc"
};

// One lookup per code point of the Basic Multilingual Plane keeps folding branch-free on the hot
// path; 128 KiB, built once.
struct FoldTable {
  std::array<char16_t, 0x10000> to{};
  FoldTable() {
    for (std::uint32_t c = 0; c < 0x10000; ++c) to[c] = static_cast<char16_t>(c);
    for (std::uint32_t c = 0xFF01; c <= 0xFF5E; ++c) to[c] = static_cast<char16_t>(c - 0xFF01 + 0x21);
    to[0x3000] = u' ';
    // Dashes and the ideographic number zero keep their identity; the look-alikes of ASCII signs
    // used in scraped text fold onto them.
    to[0x2212] = u'-';  // minus sign
    to[0xFE6A] = u'%';  // small percent sign
    to[0x2030] = 0x2030;
    for (const auto& [from, into] : kTraditional) to[from] = into;
  }
};

}  // namespace

const char16_t* fold_table() noexcept {
  static const FoldTable t;
  return t.to.data();
}

}  // namespace number_extract
