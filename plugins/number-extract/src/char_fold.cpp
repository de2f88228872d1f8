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
  // One entry more than the plane: a four-byte read at any entry (the AVX2 fold's gather) stays inside.
  std::array<char16_t, 0x10000 + 1> to{};
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
    // Numeral and unit characters the corpus happens not to contain in traditional form.
    constexpr std::pair<char16_t, char16_t> kNumerals[] = {
        {u'貳', u'贰'}, {u'參', u'叁'}, {u'陸', u'陆'}, {u'萬', u'万'}, {u'億', u'亿'}, {u'兩', u'两'}, {u'倆', u'俩'},
        {u'點', u'点'}, {u'負', u'负'}, {u'個', u'个'}, {u'幾', u'几'}, {u'餘', u'余'}, {u'來', u'来'}, {u'臺', u'台'},
        {u'貮', u'贰'}, {u'弐', u'贰'}, {u'叄', u'叁'}, {u'圓', u'圆'}, {u'圜', u'圆'}, {u'鎊', u'镑'}, {u'盧', u'卢'},
        {u'韓', u'韩'}, {u'歐', u'欧'}, {u'幣', u'币'}, {u'噸', u'吨'}, {u'畝', u'亩'}, {u'戶', u'户'}, {u'項', u'项'}};
    for (const auto& [from, into] : kNumerals) to[from] = into;
  }
};

}  // namespace

const char16_t* fold_table() noexcept {
  static const FoldTable t;
  return t.to.data();
}

}  // namespace number_extract
