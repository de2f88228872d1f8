#include "script_detect.hpp"

#include <algorithm>

#include "docpipe/utf8.hpp"

namespace docpipe::html_export {

namespace {

// Pairs of frequent report characters, traditional first, that the other script writes differently.
constexpr std::u32string_view traditional = U"這國區發經會為與對實產業體現濟開設進動關學務價農構資點長續際圍屆議";
constexpr std::u32string_view simplified = U"这国区发经会为与对实产业体现济开设进动关学务价农构资点长续际围届议";

}  // namespace

std::string guess_chinese_lang(std::string_view text) {
  const std::size_t limit = std::min<std::size_t>(text.size(), 64 * 1024);
  std::size_t trad = 0, simp = 0, pos = 0;
  while (pos < limit) {
    const char32_t cp = utf8::next(text, pos);
    if (cp < 0x4E00) continue;
    if (traditional.find(cp) != std::u32string_view::npos) ++trad;
    else if (simplified.find(cp) != std::u32string_view::npos) ++simp;
  }
  if (trad >= 5 && trad >= 2 * simp) return "zh-Hant";
  if (simp >= 5 && simp >= 2 * trad) return "zh-Hans";
  return "zh";
}

}  // namespace docpipe::html_export
