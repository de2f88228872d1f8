#include "script_detect.hpp"

#include <algorithm>
#include <bitset>

#include "docpipe/utf8.hpp"

namespace docpipe::html_export {

namespace {

// Pairs of frequent report characters, traditional first, that the other script writes differently.
constexpr std::u32string_view traditional = U"這國區發經會為與對實產業體現濟開設進動關學務價農構資點長續際圍屆議";
constexpr std::u32string_view simplified = U"这国区发经会为与对实产业体现济开设进动关学务价农构资点长续际围届议";

// Which script each CJK unified ideograph of the table belongs to, for an O(1) lookup per character
// (this runs over every page's text).
struct ScriptTable {
  static constexpr char32_t first = 0x4E00, last = 0x9FFF;
  std::bitset<last - first + 1> trad, simp;
  ScriptTable() {
    for (const char32_t c : traditional) trad.set(c - first);
    for (const char32_t c : simplified) simp.set(c - first);
  }
};

}  // namespace

std::string guess_chinese_lang(std::string_view text) {
  static const ScriptTable table;
  const std::size_t limit = std::min<std::size_t>(text.size(), 64 * 1024);
  std::size_t trad = 0, simp = 0, pos = 0;
  while (pos < limit) {
    const char32_t cp = utf8::next(text, pos);
    if (cp < ScriptTable::first || cp > ScriptTable::last) continue;
    trad += table.trad[cp - ScriptTable::first];
    simp += table.simp[cp - ScriptTable::first];
  }
  if (trad >= 5 && trad >= 2 * simp) return "zh-Hant";
  if (simp >= 5 && simp >= 2 * trad) return "zh-Hans";
  return "zh";
}

}  // namespace docpipe::html_export
