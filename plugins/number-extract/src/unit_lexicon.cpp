#include "unit_lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace number_extract {
namespace {

struct Entry {
  std::u32string_view word;  // folded (simplified, half-width)
  UnitClass cls;
  std::string_view code;
  double scale;
};

// Currencies first, then percent forms, then units of measure and measure words. The longest match
// wins, so `平方公里` beats `平方` and `美元` beats `元`.
constexpr Entry kUnits[] = {
    {U"元人民币", UnitClass::money, "CNY", 1}, {U"元", UnitClass::money, "CNY", 1},
    {U"人民币", UnitClass::money, "CNY", 1}, {U"块钱", UnitClass::money, "CNY", 1},
    {U"块", UnitClass::money, "CNY", 1},
    {U"美元", UnitClass::money, "USD", 1}, {U"美金", UnitClass::money, "USD", 1},
    {U"美圆", UnitClass::money, "USD", 1}, {U"欧元", UnitClass::money, "EUR", 1},
    {U"港元", UnitClass::money, "HKD", 1}, {U"港币", UnitClass::money, "HKD", 1},
    {U"日元", UnitClass::money, "JPY", 1}, {U"英镑", UnitClass::money, "GBP", 1},
    {U"新台币", UnitClass::money, "TWD", 1}, {U"台币", UnitClass::money, "TWD", 1},
    {U"韩元", UnitClass::money, "KRW", 1}, {U"卢布", UnitClass::money, "RUB", 1},
    {U"瑞士法郎", UnitClass::money, "CHF", 1}, {U"澳元", UnitClass::money, "AUD", 1},
    {U"加元", UnitClass::money, "CAD", 1}, {U"新加坡元", UnitClass::money, "SGD", 1},
    {U"奈拉", UnitClass::money, "NGN", 1}, {U"比特币", UnitClass::money, "BTC", 1}, {U"澳门元", UnitClass::money, "MOP", 1},
    {U"%", UnitClass::percent, "", 1}, {U"‰", UnitClass::percent, "‰", 1}, {U"个百分点", UnitClass::percentage_point, "", 1},
    {U"百分点", UnitClass::percentage_point, "", 1},
    {U"年", UnitClass::year, "", 1}, {U"月", UnitClass::month, "", 1}, {U"日", UnitClass::day, "", 1},
    {U"号", UnitClass::day, "", 1},
    // Units of measure.
    {U"平方公里", UnitClass::measure, "", 1}, {U"平方千米", UnitClass::measure, "", 1},
    {U"平方米", UnitClass::measure, "", 1}, {U"立方米", UnitClass::measure, "", 1},
    {U"微克/立方米", UnitClass::measure, "", 1}, {U"毫克/立方米", UnitClass::measure, "", 1},
    {U"公里", UnitClass::measure, "", 1}, {U"千米", UnitClass::measure, "", 1},
    {U"米", UnitClass::measure, "", 1}, {U"厘米", UnitClass::measure, "", 1}, {U"毫米", UnitClass::measure, "", 1},
    {U"公顷", UnitClass::measure, "", 1}, {U"亩", UnitClass::measure, "", 1},
    {U"吨标准煤", UnitClass::measure, "", 1}, {U"吨标煤", UnitClass::measure, "", 1},
    {U"吨", UnitClass::measure, "", 1}, {U"公斤", UnitClass::measure, "", 1}, {U"千克", UnitClass::measure, "", 1},
    {U"克", UnitClass::measure, "", 1}, {U"斤", UnitClass::measure, "", 1},
    {U"千瓦时", UnitClass::measure, "", 1}, {U"千瓦", UnitClass::measure, "", 1}, {U"兆瓦", UnitClass::measure, "", 1},
    {U"瓦", UnitClass::measure, "", 1}, {U"度", UnitClass::measure, "", 1}, {U"标准箱", UnitClass::measure, "", 1},
    {U"TEU", UnitClass::measure, "", 1}, {U"升", UnitClass::measure, "", 1}, {U"立方", UnitClass::measure, "", 1},
    {U"小时", UnitClass::measure, "", 1}, {U"分钟", UnitClass::measure, "", 1}, {U"秒", UnitClass::measure, "", 1},
    {U"天", UnitClass::measure, "", 1}, {U"周", UnitClass::measure, "", 1}, {U"个月", UnitClass::measure, "", 1},
    {U"周年", UnitClass::measure, "", 1}, {U"岁", UnitClass::measure, "", 1}, {U"倍", UnitClass::measure, "", 1},
    {U"℃", UnitClass::measure, "", 1}, {U"摄氏度", UnitClass::measure, "", 1},
    // Measure words (counts).
    {U"人次", UnitClass::measure, "", 1}, {U"户次", UnitClass::measure, "", 1}, {U"架次", UnitClass::measure, "", 1},
    {U"人", UnitClass::measure, "", 1}, {U"户", UnitClass::measure, "", 1}, {U"个", UnitClass::measure, "", 1},
    {U"项", UnitClass::measure, "", 1}, {U"家", UnitClass::measure, "", 1}, {U"名", UnitClass::measure, "", 1},
    {U"位", UnitClass::measure, "", 1}, {U"次", UnitClass::measure, "", 1}, {U"件", UnitClass::measure, "", 1},
    {U"条", UnitClass::measure, "", 1}, {U"座", UnitClass::measure, "", 1}, {U"所", UnitClass::measure, "", 1},
    {U"套", UnitClass::measure, "", 1}, {U"辆", UnitClass::measure, "", 1}, {U"台", UnitClass::measure, "", 1},
    {U"批", UnitClass::measure, "", 1}, {U"场", UnitClass::measure, "", 1}, {U"处", UnitClass::measure, "", 1},
    {U"间", UnitClass::measure, "", 1}, {U"栋", UnitClass::measure, "", 1}, {U"株", UnitClass::measure, "", 1},
    {U"棵", UnitClass::measure, "", 1}, {U"头", UnitClass::measure, "", 1}, {U"只", UnitClass::measure, "", 1},
    {U"篇", UnitClass::measure, "", 1}, {U"本", UnitClass::measure, "", 1}, {U"部", UnitClass::measure, "", 1},
    {U"艘", UnitClass::measure, "", 1}, {U"架", UnitClass::measure, "", 1}, {U"类", UnitClass::measure, "", 1},
    {U"种", UnitClass::measure, "", 1}, {U"支", UnitClass::measure, "", 1}, {U"张", UnitClass::measure, "", 1},
    {U"份", UnitClass::measure, "", 1}, {U"轮", UnitClass::measure, "", 1}, {U"届", UnitClass::measure, "", 1},
    {U"期", UnitClass::measure, "", 1}, {U"层", UnitClass::measure, "", 1}, {U"片", UnitClass::measure, "", 1},
    {U"床", UnitClass::measure, "", 1}, {U"张床", UnitClass::measure, "", 1}, {U"村", UnitClass::measure, "", 1},
    {U"镇", UnitClass::measure, "", 1}, {U"乡", UnitClass::measure, "", 1}, {U"所", UnitClass::measure, "", 1},
    {U"笔", UnitClass::measure, "", 1}, {U"起", UnitClass::measure, "", 1}, {U"宗", UnitClass::measure, "", 1},
    {U"单", UnitClass::measure, "", 1}, {U"例", UnitClass::measure, "", 1}, {U"门", UnitClass::measure, "", 1},
    {U"级", UnitClass::measure, "", 1}, {U"星", UnitClass::measure, "", 1}, {U"块", UnitClass::measure, "", 1},
    {U"对", UnitClass::measure, "", 1}, {U"双", UnitClass::measure, "", 1}, {U"打", UnitClass::measure, "", 1},
    {U"口", UnitClass::measure, "", 1}, {U"片区", UnitClass::measure, "", 1}, {U"网点", UnitClass::measure, "", 1},
    {U"千户", UnitClass::measure, "", 1}, {U"组", UnitClass::measure, "", 1}, {U"队", UnitClass::measure, "", 1},
    {U"盏", UnitClass::measure, "", 1}, {U"路", UnitClass::measure, "", 1}, {U"班", UnitClass::measure, "", 1},
};

// Storage of Index::slot_of (static storage, zero from the start: no 128 KB clearing).
std::array<std::uint16_t, 0x10000> unit_slot_storage;

// The units by their first code point, longest first: a character of the BMP finds its own list
// with one load (slot 0: none), so no unit that starts with another character is looked at.
struct Index {
  std::array<std::uint16_t, 0x10000>& slot_of = unit_slot_storage;
  std::vector<std::vector<const Entry*>> lists;  // lists[0] stays empty
  std::vector<const Entry*> beyond_bmp;          // units starting beyond the BMP (none today)
  Index() {
    std::size_t firsts = 1;
    for (const Entry& e : kUnits)
      if (e.word[0] < 0x10000 && slot_of[e.word[0]] == 0) slot_of[e.word[0]] = static_cast<std::uint16_t>(firsts++);
    lists.resize(firsts);
    for (const Entry& e : kUnits) (e.word[0] < 0x10000 ? lists[slot_of[e.word[0]]] : beyond_bmp).push_back(&e);
    auto longest_first = [](const Entry* a, const Entry* b) { return a->word.size() > b->word.size(); };
    for (auto& v : lists) std::stable_sort(v.begin(), v.end(), longest_first);
    std::stable_sort(beyond_bmp.begin(), beyond_bmp.end(), longest_first);
  }
  const std::vector<const Entry*>& starting_with(char32_t c) const noexcept {
    return c < 0x10000 ? lists[slot_of[c]] : beyond_bmp;
  }
};

const Index& index() {
  static const Index idx;
  return idx;
}

}  // namespace

bool match_unit(const FoldedText& t, std::size_t i, UnitMatch& out, bool spaced) {
  std::size_t k = i;
  if (spaced)
    while (t.at(k) == U' ' && k < i + 4) ++k;
  const char32_t c = t.at(k);
  if (c == 0) return false;
  // `六 个 百 分点`: percentage points spelled out with spaces between the characters (before 个 alone
  // matches as a measure word).
  if (spaced && (c == U'个' || c == U'百')) {
    const std::u32string_view word = c == U'个' ? std::u32string_view(U"个百分点") : std::u32string_view(U"百分点");
    std::size_t p = k;
    std::size_t w = 0;
    for (; w < word.size(); ++w, ++p) {
      if (w > 0)
        for (int n = 0; n < 3 && t.at(p) == U' '; ++n) ++p;
      if (t.at(p) != word[w]) break;
    }
    if (w == word.size()) {
      out.end = p;
      out.cls = UnitClass::percentage_point;
      out.code = {};
      out.scale = 1;
      return true;
    }
  }
  for (const Entry* e : index().starting_with(c)) {
    if (e->word[0] == c && t.matches(k, e->word)) {
      out.end = k + e->word.size();
      out.cls = e->cls;
      out.code = e->code;
      out.scale = e->scale;
      return true;
    }
  }
  return false;
}

bool match_currency_symbol(const FoldedText& t, std::size_t i, std::string& code) {
  switch (t.at(i)) {
    case U'¥': case U'￥': code = "CNY"; return true;
    case U'$': code = "USD"; return true;
    case U'€': code = "EUR"; return true;
    case U'£': code = "GBP"; return true;
    default: return false;
  }
}

}  // namespace number_extract
