#include "indicator_extractor.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <deque>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "marked_scan.hpp"


namespace number_extract {
namespace {

using std::u32string;
using std::u32string_view;

bool is_clause_break(char32_t c) {
  // Tested per character walking back over a clause: its ideographs are told apart in one test.
  if (c - 0x3400 <= 0x9FFF - 0x3400) return false;
  return c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'：' || c == U':' || c == U'。';
}
// The clause breaks by their low 16 bits, for the walk back from a figure to its clause's start.
const std::array<bool, 0x10000>& clause_breaks() {
  static const std::array<bool, 0x10000> marks = [] {
    std::array<bool, 0x10000> m{};
    for (char32_t c : {U'，', U',', U'；', U';', U'：', U':', U'。'}) m[c] = true;
    return m;
  }();
  return marks;
}

bool is_list_joiner(char32_t c) { return c == U'、' || c == U'和' || c == U'及' || c == U'与' || c == U' '; }
bool is_letter(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// A set of a few code points whose low six bits differ, tested with one lookup: slot c % 64 holds
// the member with those bits (or a value no character has). The loops over names test every
// character against such sets.
template <std::size_t N>
struct SmallSet {
  char32_t slot[64];
  constexpr explicit SmallSet(const char32_t (&members)[N]) : slot{} {
    for (char32_t& x : slot) x = 0xFFFFFFFF;
    for (char32_t c : members) slot[c % 64] = c;
  }
  constexpr bool distinct(const char32_t (&members)[N]) const {
    for (char32_t c : members)
      if (slot[c % 64] != c) return false;
    return true;
  }
  bool has(char32_t c) const noexcept { return slot[c % 64] == c; }
};

// Words that start the figure part of a clause. Growth words make the measure `growth`; the
// decrease words make the value negative.
constexpr std::array<u32string_view, 17> kGrowthWords = {U"增长率", U"增长", U"递增", U"上涨", U"下跌", U"增速", U"增幅", U"提高", U"提升",
                                                         U"上升", U"涨幅", U"增加", U"下降", U"降低", U"减少",
                                                         U"回落", U"降幅"};
constexpr std::array<u32string_view, 7> kDecreaseWords = {U"下降", U"降低", U"减少", U"回落", U"降幅", U"下降率", U"下跌"};
constexpr std::array<u32string_view, 16> kLevelWords = {U"完成", U"达到", U"实现", U"突破", U"控制在", U"保持在",
                                                        U"稳定在", U"达", U"为", U"超过", U"超", U"保持",
                                                        U"低于", U"高于", U"不低于", U"不超过"};
// Words stripped from the front and back of a name.
constexpr std::array<u32string_view, 45> kLeading = {U"按可比价格计算", U"按可比价格", U"按可比价", U"按可比口径",
    U"按同口径", U"同口径",
    U"预计全年", U"预计", U"全年", U"全区", U"全市", U"全县", U"全省", U"全州", U"全旗", U"全盟", U"其中", U"力争",
    U"争取", U"确保", U"今年", U"去年", U"上年", U"本年", U"一年来", U"我市", U"我区", U"我县", U"我省", U"实现",
    U"完成", U"并", U"和", U"及", U"拟", U"同时", U"主要预期目标", U"预期目标", U"主要指标", U"年", U"末", U"底", U"的", U"到", U"在"};
constexpr std::array<u32string_view, 28> kTrailing = {U"再", U"可", U"将", U"预期目标", U"目标", U"按可比价格", U"按可比价", U"继续", U"连续", U"力争",
                                                      U"同比", U"比上年", U"较上年", U"比去年", U"较去年", U"分别", U"年均", U"均", U"不", U"在",
                                                      U"累计", U"可比", U"同口径", U"较", U"实际", U"名义",
                                                      U"预计", U"的"};

// The first (last) characters are compared before the rest: the word lists are tried in loops.
bool starts_with(u32string_view s, u32string_view w) {
  return s.size() >= w.size() && s[0] == w[0] && s.substr(0, w.size()) == w;
}
bool ends_with(u32string_view s, u32string_view w) {
  return s.size() >= w.size() && s.back() == w.back() && s.substr(s.size() - w.size()) == w;
}

u32string_view trim(u32string_view s) {
  while (!s.empty() && !is_letter(s.front()) && s.front() != U'(' && s.front() != U'（') s.remove_prefix(1);
  while (!s.empty() && !is_letter(s.back()) && s.back() != U')' && s.back() != U'）') s.remove_suffix(1);
  return s;
}

// kLeading by first character and kTrailing by last (list order kept within a bucket), so each round
// of clean_name tries only the words that can match.
struct AffixIndex {
  std::vector<u32string_view> leading[64], trailing[64];
  AffixIndex() {
    for (auto w : kLeading) leading[w.front() % 64].push_back(w);
    for (auto w : kTrailing) trailing[w.back() % 64].push_back(w);
  }
};

// The last position of @p a or @p b in @p s, or npos: four code points a step (every name is searched
// for closing quotes, and almost none has one).
std::size_t last_of_two(u32string_view s, char32_t a, char32_t b) {
  std::size_t k = s.size();
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi32(static_cast<int>(a)), vb = _mm_set1_epi32(static_cast<int>(b));
  for (; k >= 4; k -= 4) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + k - 4));
    const int hit = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi32(v, va), _mm_cmpeq_epi32(v, vb)));
    if (hit) return k - 4 + static_cast<std::size_t>(31 - __builtin_clz(static_cast<unsigned>(hit))) / 4;
  }
#endif
  while (k-- > 0)
    if (s[k] == a || s[k] == b) return k;
  return u32string_view::npos;
}

u32string_view clean_name(u32string_view s) {
  static const AffixIndex affixes;
  // Words up to a closing quote are a programme or brand name, or the clause began inside a
  // quotation (推出“惠蓉贷”普惠信贷规模, 惠蓉贷”普惠信贷规模): the statistic is what follows, unless
  // that is too short to name anything (“明厨亮灶”率).
  if (const std::size_t k = last_of_two(s, U'”', U'」'); k != u32string_view::npos) {
    const char32_t open = s[k] == U'”' ? U'“' : U'「';
    if (s.size() - k - 1 >= 3 || s.substr(0, k).find(open) == u32string_view::npos) s.remove_prefix(k + 1);
  }
  bool changed = true;
  while (changed) {
    changed = false;
    s = trim(s);
    // A year or period at the front: 2023年, 1—11月.
    std::size_t k = 0;
    while (k < s.size() && ((s[k] >= U'0' && s[k] <= U'9') || s[k] == U'—' || s[k] == U'-')) ++k;
    if (k > 0 && k < s.size() && (s[k] == U'年' || s[k] == U'月')) {
      s.remove_prefix(k + 1);
      changed = true;
      continue;
    }
    if (s.empty()) break;
    for (auto w : affixes.leading[s.front() % 64])
      if (starts_with(s, w)) {
        s.remove_prefix(w.size());
        changed = true;
        break;
      }
    if (s.empty()) break;
    for (auto w : affixes.trailing[s.back() % 64])
      if (ends_with(s, w)) {
        s.remove_suffix(w.size());
        changed = true;
        break;
      }
  }
  return s;
}

// Storage of VerbIndex::first (static storage, zero from the start: no 64 KB clearing).
std::array<bool, 0x10000> verb_first_storage;

// The figure words by first character, so find_verb walks the clause once from its end instead of
// searching it once per word.
struct VerbIndex {
  struct Verb {
    u32string_view word;
    bool growth = false;
    bool decrease = false;
    bool zengjia = false;  // 增加, which 增加值 (a noun) is not
  };
  std::vector<Verb> by_first[64];
  // First characters of all words by their low 16 bits (a byte each: one load per character; the
  // words are compared in full after): most characters of a clause are none.
  std::array<bool, 0x10000>& first = verb_first_storage;
  VerbIndex() {
    for (auto w : kGrowthWords) {
      bool d = false;
      for (auto x : kDecreaseWords) d = d || x == w;
      by_first[w[0] % 64].push_back({w, true, d, w == U"增加"});
    }
    for (auto w : kLevelWords) by_first[w[0] % 64].push_back({w, false, false, false});
    for (const auto& bucket : by_first)
      for (const Verb& v : bucket) first[v.word[0] & 0xFFFF] = true;
  }
};

// The figure word nearest the figure (the last one in s; the longest where several start at the
// same place), with its length; `growth` tells a growth word (增长, 下降), `decrease` a falling one.
// 增加值 is a noun, 提高到 sets a level.
std::size_t find_verb(u32string_view s, std::size_t& len, bool& growth, bool& decrease) {
  static const VerbIndex index;
  len = 0;
  growth = decrease = false;
  for (const char32_t* at = s.data() + s.size(); (at = find_marked_back(s.data(), at, index.first.data())) != nullptr;) {
    const std::size_t p = static_cast<std::size_t>(at - s.data());
    const VerbIndex::Verb* best = nullptr;
    for (const auto& v : index.by_first[s[p] % 64]) {
      if (v.word[0] != s[p] || s.size() - p < v.word.size() || s.compare(p, v.word.size(), v.word) != 0) continue;
      if (v.zengjia && p + 2 < s.size() && s[p + 2] == U'值') continue;
      if (!best || v.word.size() > best->word.size()) best = &v;
    }
    if (!best) continue;
    const char32_t after = p + best->word.size() < s.size() ? s[p + best->word.size()] : 0;
    len = best->word.size();
    growth = best->growth && after != U'到' && after != U'至';
    decrease = best->decrease && growth;
    return p;
  }
  return u32string_view::npos;
}

// Whether s names a statistic of the table that its first `cut` code points do not: the growth word
// after them is part of the name (人口自然增长率 is a rate, not the growth of 人口自然).
bool names_own_statistic(const IndicatorTable& table, u32string_view s, std::size_t cut) {
  const std::string& whole = table.lookup(s);
  return !whole.empty() && whole != table.lookup(s.substr(0, cut));
}

// Growth nouns that end a name (收入增速, 价格涨幅): stripped, and they make the measure growth.
constexpr std::array<u32string_view, 6> kGrowthNouns = {U"增长率", U"增速", U"增幅", U"涨幅", U"降幅", U"增长"};

u32string_view strip_growth_noun(const IndicatorTable& table, u32string_view s, bool& growth, bool& decrease) {
  // The nouns end in 率, 速, 幅 or 长: a name ending otherwise is returned at once.
  static_assert([] {
    for (auto w : kGrowthNouns)
      if (w.back() != U'率' && w.back() != U'速' && w.back() != U'幅' && w.back() != U'长') return false;
    return true;
  }(), "the first test below knows every last character of kGrowthNouns");
  if (s.empty() || (s.back() != U'率' && s.back() != U'速' && s.back() != U'幅' && s.back() != U'长')) return s;
  for (auto w : kGrowthNouns)
    if (ends_with(s, w) && s.size() > w.size() && !names_own_statistic(table, s, s.size() - w.size())) {
      growth = true;
      if (w == U"降幅") decrease = true;
      return s.substr(0, s.size() - w.size());
    }
  return s;
}

// Words that pack two names into one (城乡 = 城镇 and 农村; 存贷款 = 存款 and 贷款), unpacked when a
// clause gives two figures for them.
struct Member {
  u32string_view folded;
  const char* simplified;
  const char* traditional;
};
struct Compressed {
  u32string_view word;   // folded
  const char* written;   // as written in simplified script
  Member first, second;
};
const Compressed kCompressed[] = {
    {U"城镇和农村", "城镇和农村", {U"城镇", "城镇", "城鎮"}, {U"农村", "农村", "農村"}},
    {U"城乡", "城乡", {U"城镇", "城镇", "城鎮"}, {U"农村", "农村", "農村"}},
    {U"存贷款", "存贷款", {U"存款", "存款", "存款"}, {U"贷款", "贷款", "貸款"}},
};

constexpr char32_t kListCutChars[] = {U'、', U'和', U'及', U'与'};
constexpr SmallSet<4> kListCuts{kListCutChars};
static_assert(kListCuts.distinct(kListCutChars), "the list separators have distinct low six bits");

// Splits a name list into @p parts: 城镇、农村居民人均可支配收入 -> {城镇, 农村居民人均可支配收入}.
// The first list separator of @p s at or after @p from, or s.size(): four code points a step where
// SSE2 is there (every named group's name is split, and most hold no separator).
std::size_t next_list_cut(u32string_view s, std::size_t from) {
  std::size_t i = from;
#ifdef __SSE2__
  const __m128i c0 = _mm_set1_epi32(static_cast<int>(kListCutChars[0])), c1 = _mm_set1_epi32(static_cast<int>(kListCutChars[1]));
  const __m128i c2 = _mm_set1_epi32(static_cast<int>(kListCutChars[2])), c3 = _mm_set1_epi32(static_cast<int>(kListCutChars[3]));
  for (; i + 4 <= s.size(); i += 4) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi32(v, c0), _mm_cmpeq_epi32(v, c1)),
                                     _mm_or_si128(_mm_cmpeq_epi32(v, c2), _mm_cmpeq_epi32(v, c3)));
    if (const int m = _mm_movemask_epi8(hit); m != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(m))) / 4;
  }
#endif
  while (i < s.size() && !kListCuts.has(s[i])) ++i;
  return i;
}

void split_names(u32string_view s, std::vector<u32string_view>& parts) {
  parts.clear();
  std::size_t b = 0;
  while (true) {
    const std::size_t i = next_list_cut(s, b);
    auto p = trim(s.substr(b, i - b));
    if (!p.empty()) parts.push_back(p);
    if (i == s.size()) break;
    b = i + 1;
  }
}

// The canonical id of a name. A share (民生支出占一般公共预算支出比重, 税收收入占比) is not the figure
// it is a share of: it keeps an id only from a pattern that names the share itself (R&D经费支出占GDP
// 比重 -> rd_intensity, ids ending in _share).
const std::string& canonical_id(const IndicatorTable& table, u32string_view name) {
  static const std::string none;
  const std::string& id = table.lookup(name);
  if (id.empty()) return id;
  // Per unit of output (单位GDP水耗, 万元生产总值用水量) is an intensity, not the output itself.
  if (std::string_view(id) == "gdp" && (starts_with(name, U"单位") || starts_with(name, U"万元") || starts_with(name, U"每万元")))
    return none;
  // One pass for the words and the character the rules below look for.
  bool adds = false;
  std::size_t zhan = u32string_view::npos;
  for (std::size_t k = 0; k < name.size(); ++k) {
    const char32_t c = name[k], next = k + 1 < name.size() ? name[k + 1] : 0;
    if ((c == U'贡' && next == U'献') || (c == U'拉' && next == U'动')) adds = true;
    else if (c == U'占' && zhan == u32string_view::npos) zhan = k;
  }
  // What one thing adds to another (工业对GDP的贡献率, 消费拉动经济增长) is neither of them.
  if (adds) return none;
  // A share written without 占 (高技术制造业规上工业增加值比重) is not the figure named before it,
  // unless that figure is a ratio itself (空气优良天数比例, 税收占比).
  if (zhan == u32string_view::npos) {
    for (u32string_view share : {U"比重", U"占比", U"比例"})
      if (ends_with(name, share) && !table.is_ratio(id)) return none;
    return id;
  }
  if (id.size() > 6 && id.compare(id.size() - 6, 6, "_share") == 0) return id;
  const std::string& whole = table.lookup(name.substr(zhan + 1));
  const std::string& part = table.lookup(name.substr(0, zhan));
  if (whole == id || part == id) return none;  // the id came from one side of the share only
  return id;
}

// Words that name no statistic by themselves (总量185家, 增加值594亿元): the clause continues the
// previous name or is no fact.
bool is_generic_name(u32string_view name) {
  static constexpr u32string_view kGeneric[] = {U"总量", U"增加值", U"总额", U"规模", U"比重", U"占比", U"总数",
                                                U"数量", U"投资", U"收入", U"产值", U"平均每年", U"年均", U"比前",
                                                U"其中", U"分别", U"总计", U"合计", U"共计", U"累计"};
  static_assert([] {
    for (auto g : kGeneric)
      if (g.size() < 2 || g.size() > 4) return false;
    return true;
  }(), "the length test below covers every generic word");
  if (name.size() < 2 || name.size() > 4) return false;
  // Their first characters before any comparison: most names start with none of them.
  static const std::bitset<0x10000> kFirst = [] {
    std::bitset<0x10000> first;
    for (auto g : kGeneric) first.set(g[0]);
    return first;
  }();
  if (name[0] >= 0x10000 || !kFirst[name[0]]) return false;
  for (auto g : kGeneric)
    if (name == g) return true;
  return false;
}

// 比上年, 较2020年, 比上年年初预算: what a figure is compared with, written where a name would stand.
bool is_comparison_base(u32string_view name) {
  if (name.size() < 2 || (name[0] != U'比' && name[0] != U'较')) return false;
  const char32_t c = name[1];
  return c == U'上' || c == U'去' || c == U'前' || c == U'年' || c == U'原' || (c >= U'0' && c <= U'9');
}

// Words where a name would stand that name no statistic, so the figure is nobody's: whom a sum is
// for (为企业降低各类成本, 累计为经营主体减负), or only when it recurs (每年可节约, 一次性补助).
bool names_no_statistic(u32string_view name) {
  // Every word below starts with one of these: most names are rejected by their first character.
  if (name.empty()) return false;
  switch (name[0]) {
    case U'为': case U'再': case U'累': case U'每': case U'一': case U'仅': break;
    default: return false;
  }
  if (starts_with(name, U"为") || starts_with(name, U"再为") || starts_with(name, U"累计为")) return true;
  for (u32string_view w : {U"每年", U"每月", U"一次性", U"仅此"})
    if (name == w) return true;
  return false;
}

// Up to seven bytes and their count in one integer, so a unit is compared with a list in integer
// compares instead of a byte comparison per entry (units are tested once per figure).
constexpr std::uint64_t packed_unit(std::string_view s) {
  std::uint64_t v = s.size();
  for (char c : s) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

bool is_duration_or_rank(std::string_view unit) {
  static constexpr std::string_view kUnits[] = {"年", "个月", "個月", "月", "天", "日", "周", "週", "小时", "小時", "分钟",
                                                "分鐘", "秒", "周年", "週年", "岁", "歲", "位"};
  static constexpr auto kPacked = [] {
    std::array<std::uint64_t, std::size(kUnits)> packed{};
    for (std::size_t k = 0; k < packed.size(); ++k) packed[k] = packed_unit(kUnits[k]);
    std::sort(packed.begin(), packed.end());
    return packed;
  }();
  static_assert([] {
    for (std::string_view u : kUnits)
      if (u.size() > 7) return false;
    return true;
  }(), "packed_unit holds seven bytes");
  // Every unit above is one or two Chinese characters: three or six bytes (most units of figures are
  // not, and those that are are packed without a loop).
  static_assert([] {
    for (std::string_view u : kUnits)
      if (u.size() != 3 && u.size() != 6) return false;
    return true;
  }(), "the size test below covers every unit");
  const auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(unit[k])}; };
  std::uint64_t packed;
  if (unit.size() == 3) packed = std::uint64_t{3} << 24 | byte(0) << 16 | byte(1) << 8 | byte(2);
  else if (unit.size() == 6)
    packed = std::uint64_t{6} << 48 | byte(0) << 40 | byte(1) << 32 | byte(2) << 24 | byte(3) << 16 | byte(4) << 8 | byte(5);
  else return false;
  return std::binary_search(kPacked.begin(), kPacked.end(), packed);
}

// Endings of names of statistics.
constexpr std::array<u32string_view, 18> kStatisticEndings = {
    U"率", U"比重", U"占比", U"比例", U"强度", U"量", U"额", U"数", U"值", U"规模", U"收入", U"产值", U"投资",
    U"面积", U"产量", U"人数", U"计划", U"指数"};

bool names_a_statistic(u32string_view name) {
  // Their last characters first: most names end in none of them.
  static const std::bitset<0x10000> kLast = [] {
    std::bitset<0x10000> last;
    for (auto w : kStatisticEndings) last.set(w.back());
    return last;
  }();
  if (name.empty() || name.back() >= 0x10000 || !kLast[name.back()]) return false;
  for (auto w : kStatisticEndings)
    if (ends_with(name, w)) return true;
  return false;
}

// A number of firms (新增规模以上工业企业230家, 市场主体12万户): firms counted in their own measure word.
bool counts_firms(u32string_view name, const std::string& unit) {
  // The measure word first: most figures are counted in none of the three.
  if (unit.size() != 3 || (unit != std::string_view("家") && unit != std::string_view("户") && unit != std::string_view("戶")))
    return false;
  const bool firms = ends_with(name, U"企业") || ends_with(name, U"市场主体") || ends_with(name, U"经营主体");
  // Words that continue a figure before them (500强企业, 亿元以上企业) leave a name of the figure's
  // tail: no class of firms.
  const bool figure_tail = starts_with(name, U"强") || starts_with(name, U"以上");
  return firms && !figure_tail && name.size() > 2;
}

// A clause whose words before the verb name something else (其中: a breakdown) does not continue.
bool new_clause_blocked(u32string_view pre) { return pre.find(U"其中") != u32string_view::npos; }

// A name in both forms: folded (for matching) and as written (for the output). Views: into the
// text for a name as written there (most names), else into Scratch::rebuilt.
struct Name {
  u32string_view folded;
  std::string_view written;
  bool growth = false;    // the name ended with a growth noun (收入增速)
  bool decrease = false;  // ... with 降幅
};
// A name put together from pieces of the text (城镇、农村居民收入 -> 城镇居民收入, 城乡 -> 城镇 and 农村).
struct Rebuilt {
  u32string folded;
  std::string written;
};

// The buffers of one call, kept per thread so their memory is reused.
struct Scratch {
  std::vector<const ScannedNumber*> figures;
  std::deque<Rebuilt> rebuilt;  // for this call; a deque, so adding one moves none that a Name points into
  std::vector<Name> history;
  std::vector<Name> names;
  std::vector<u32string_view> parts;
  std::vector<char> part_growth, part_decrease;
};

// The buffers of the calling thread (one call per sentence). Not inlined, so a call reaches them
// through one pointer: the compiler would otherwise ask for a thread_local's address (a call to
// __tls_get_addr in a shared library) at every use.
[[gnu::noinline]] Scratch& scratch_of_thread() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

void extract_indicators(const FoldedText& t, std::size_t begin, std::size_t end,
                        const std::vector<const ScannedNumber*>& numbers, const IndicatorTable& table,
                        const SentenceContext& context, std::vector<docpipe::Indicator>& out) {
  Scratch& scratch = scratch_of_thread();
  // The figures that can be indicator values.
  std::vector<const ScannedNumber*>& figures = scratch.figures;
  figures.clear();
  for (const ScannedNumber* n : numbers) {
    const NumberKind k = n->kind;
    if (k == NumberKind::percent || k == NumberKind::percentage_point || k == NumberKind::money ||
        k == NumberKind::measure || k == NumberKind::cardinal) {
      if (n->discount) continue;
      figures.push_back(n);
    }
  }
  if (figures.empty()) return;
  std::deque<Rebuilt>& rebuilt = scratch.rebuilt;
  if (!rebuilt.empty()) rebuilt.clear();  // (most calls rebuild no name)
  auto keep = [&](u32string folded, std::string written) -> Name {
    Rebuilt& r = rebuilt.emplace_back(Rebuilt{std::move(folded), std::move(written)});
    return Name{r.folded, r.written};
  };
  // For clauses that continue the previous one: its names, and the whole name as written.
  // `history` holds the names of the sentence's groups so far (for a later 分别); the last named group's
  // are its final `last_count`. Names are views, so keeping them copies no text.
  std::vector<Name>& history = scratch.history;
  history.clear();
  std::size_t last_count = 0;
  // The last named list, as views into the text.
  u32string_view last_list;
  std::string_view last_list_written;
  bool last_growth = false, last_decrease = false;
  std::size_t cursor = begin;
  std::size_t i = 0;
  // The canonical id of the name last asked for: a name written once before a list of figures
  // (分别增长6%、8%) is asked for once per figure. Names are views into the text or into `rebuilt`,
  // which only grows during the call, so the same view is the same name.
  const char32_t* last_name = nullptr;
  std::size_t last_name_size = 0;
  const std::string* last_id = nullptr;
  auto id_of = [&](u32string_view nm) -> const std::string& {
    if (last_id == nullptr || nm.data() != last_name || nm.size() != last_name_size) {
      last_id = &canonical_id(table, nm);
      last_name = nm.data();
      last_name_size = nm.size();
    }
    return *last_id;
  };
  const char32_t* const cps = t.view(0, t.size()).data();  // cursor <= clause starts < t.size()
  while (i < figures.size()) {
    // A group: figures joined by 、和及与 only.
    std::size_t j = i + 1;
    while (j < figures.size()) {
      bool joined = true;
      for (std::size_t k = figures[j - 1]->last_cp; k < figures[j]->first_cp && joined; ++k)
        if (!is_list_joiner(t.at(k))) joined = false;
      if (!joined) break;
      ++j;
    }
    const ScannedNumber& first = *figures[i];
    // The clause text before the group: back to the clause start or the previous group.
    std::size_t clause_begin = cursor;
    for (const char32_t* p = cps + first.first_cp; (p = find_marked_back(cps + cursor, p, clause_breaks().data())) != nullptr;)
      if (is_clause_break(*p)) {  // (a mark may be a character beyond the BMP with the same low bits)
        clause_begin = static_cast<std::size_t>(p - cps) + 1;
        break;
      }
    const u32string_view pre = t.view(clause_begin, first.first_cp);
    cursor = figures[j - 1]->last_cp;

    std::size_t verb_len = 0;
    bool growth = false, decrease = false;
    std::size_t verb = find_verb(pre, verb_len, growth, decrease);
    // 人口自然增长率4‰: the growth word ends the name of a rate; there is no verb.
    if (verb != u32string_view::npos && growth && pre[verb + verb_len - 1] == U'率') {
      const u32string_view with = clean_name(pre.substr(0, verb + verb_len));
      if (ends_with(with, pre.substr(verb, verb_len)) && names_own_statistic(table, with, with.size() - verb_len)) {
        verb = u32string_view::npos;
        growth = decrease = false;
      }
    }
    // 高于全国0.5个百分点, 低于预期目标1个百分点: a comparison with something named after the verb,
    // not a figure of the statistic (不低于5%, 高于5% are bounds and stay).
    if (verb != u32string_view::npos && verb_len == 2 && (pre.substr(verb, 2) == U"高于" || pre.substr(verb, 2) == U"低于") &&
        verb + verb_len < pre.size() && !clean_name(pre.substr(verb + verb_len)).empty()) {
      i = j;
      continue;
    }
    u32string_view name_part = verb == u32string_view::npos ? pre : pre.substr(0, verb);
    u32string_view name = clean_name(name_part);
    // 为 with nothing named before it is "for" (全年再为企业和个人减税8000亿元, 可为群众节约费用): whom
    // a sum is for, no statistic.
    if (name.empty() && verb != u32string_view::npos && verb_len == 1 && pre[verb] == U'为') {
      i = j;
      continue;
    }
    // Verb first: 完成地区生产总值1633亿元, 实现进出口总额50亿元.
    if (name.empty() && verb != u32string_view::npos) name = clean_name(pre.substr(verb + verb_len));
    // Where a view into `pre` stands in the text, to take the written form from there.
    auto written_view = [&](u32string_view v) {
      const std::size_t off = static_cast<std::size_t>(v.data() - pre.data());
      return t.slice(clause_begin + off, clause_begin + off + v.size());
    };
    auto written = [&](u32string_view v) { return std::string(written_view(v)); };
    std::vector<Name>& names = scratch.names;
    names.clear();
    const std::size_t count = j - i;
    // One character before the verb (可达839.8亿元, 约为) names nothing, nor does the base of a
    // comparison (比2002年增加2898亿元, 比上年年初预算增加1800亿元): the clause continues.
    if (names_no_statistic(name)) {
      i = j;
      continue;
    }
    if (is_generic_name(name) || name.size() < 2 || is_comparison_base(name)) name = {};
    if (name.empty()) {
      // A clause that starts with its verb continues the previous clause's name (完成341.7亿元，增长6.4%);
      // so does a stretch target (增长7.5%，力争8%), which also keeps the previous measure.
      const bool stretch = pre.find(U"力争") != u32string_view::npos || pre.find(U"争取") != u32string_view::npos;
      if ((verb == u32string_view::npos && !stretch) || new_clause_blocked(pre) || last_count == 0) {
        i = j;
        continue;
      }
      // 分别 over several figures pairs them with as many names read before, one a clause (接待游客
      // 2431万人次、旅游总收入393亿元，分别增长31.8%和37.4%); with fewer names read, the list was named
      // in words without figures (化学需氧量、二氧化硫排放总量出现双下降，分别下降3.14%和4.66%): no facts.
      const bool each = count > 1 && pre.find(U"分别") != u32string_view::npos && last_count < 2;
      if (each && history.size() < count) {
        i = j;
        continue;
      }
      if (stretch && !growth && last_growth) growth = true, decrease = last_decrease;
      // A list continues as a list when the figures pair up with it (存贷款余额为X亿元和Y亿元，分别增长
      // a%和b%); otherwise the list's whole name stands for each figure, as written.
      if (each) {
        names.assign(history.end() - static_cast<std::ptrdiff_t>(count), history.end());
      } else if (last_count == count) {
        names.assign(history.end() - static_cast<std::ptrdiff_t>(count), history.end());
      } else {
        names.push_back({last_list, last_list_written});
      }
      for (Name& n : names) n.growth = n.decrease = false;  // the measure is this clause's
    } else {
      if (name.size() > 24) {
        i = j;
        continue;
      }
      last_list = name;
      last_list_written = written_view(name);
      std::vector<u32string_view>& parts = scratch.parts;
      split_names(name, parts);
      if (parts.empty()) {  // a "name" of separators only (found by fuzzing)
        i = j;
        continue;
      }
      std::vector<char>& part_growth = scratch.part_growth;  // every entry is set below
      std::vector<char>& part_decrease = scratch.part_decrease;
      part_growth.resize(parts.size());
      part_decrease.resize(parts.size());
      for (std::size_t p = 0; p < parts.size(); ++p) {
        bool g = false, d = false;
        parts[p] = strip_growth_noun(table, parts[p], g, d);
        part_growth[p] = g;
        part_decrease[p] = d;
      }
      // A growth noun written once after a list of names (城镇及农村居民收入增速) holds for all.
      for (std::size_t p = 0; p + 1 < parts.size(); ++p)
        if (!part_growth[p] && part_growth.back()) part_growth[p] = 1, part_decrease[p] = part_decrease.back();
      const Compressed* pair = nullptr;
      std::size_t at = u32string_view::npos;
      if (parts.size() == 1 && count == 2)
        for (const Compressed& c : kCompressed)
          if ((at = parts[0].find(c.word)) != u32string_view::npos) {
            pair = &c;
            break;
          }
      if (pair) {
        // Two figures for a name that packs two (城乡居民收入, 存贷款余额): one name each.
        const u32string_view head = parts[0].substr(0, at), tail = parts[0].substr(at + pair->word.size());
        const bool traditional = written_view(parts[0].substr(at, pair->word.size())) != pair->written;
        for (const auto& member : {pair->first, pair->second})
          names.push_back(keep(u32string(head) + u32string(member.folded) + u32string(tail),
                               written(head) + (traditional ? member.traditional : member.simplified) + written(tail)));
      } else {
        // Rebuild the short members of a list from the longest one: 城镇、农村居民收入 gives
        // 城镇居民收入; 一般公共预算收入、支出 gives 一般公共预算支出.
        std::size_t longest = 0;
        for (std::size_t p = 0; p < parts.size(); ++p)
          if (parts[p].size() > parts[longest].size()) longest = p;
        const u32string_view full = parts[longest];
        for (std::size_t p = 0; p < parts.size(); ++p) {
          Name n{parts[p], written_view(parts[p]), part_growth[p] != 0, part_decrease[p] != 0};
          // A member that ends like a statistic is a whole name (城镇居民人均可支配收入和农村居民人均纯收入).
          const bool whole = parts[p].size() >= 4 && names_a_statistic(parts[p]);
          if (p != longest && !whole && table.lookup(n.folded).empty() && parts[p].size() < full.size()) {
            const bool growth_p = n.growth, decrease_p = n.decrease;
            if (p < longest) {
              auto tail = full.substr(parts[p].size());
              // The long member's own word may be longer than this one (二氧化硫、化学需氧量排放): a
              // tail never starts with a character that ends a noun (量, 率, 额).
              while (tail.size() > 2 && (tail[0] == U'量' || tail[0] == U'率' || tail[0] == U'额')) tail.remove_prefix(1);
              n = keep(u32string(parts[p]) + u32string(tail), written(parts[p]) + written(tail));
            } else {
              const auto head = full.substr(0, full.size() - parts[p].size());
              n = keep(u32string(head) + u32string(parts[p]), written(head) + written(parts[p]));
            }
            n.growth = growth_p;
            n.decrease = decrease_p;
          }
          names.push_back(n);
        }
      }
    }
    if (names.empty()) {
      i = j;
      continue;
    }
    // A qualifier written once after a list (分别增长6%、8%、5%左右) holds for all of it.
    // Only a qualifier written after the figure (左右, 以上) and over figures of one unit: 约 or 突破
    // before the last figure (增长5.2%、约4.4万亿元) is its own.
    static const std::string no_qualifier;
    const std::string* shared_qualifier = &figures[j - 1]->mention->qualifier;
    if (figures[j - 1]->mention->span.begin < figures[j - 1]->numeral.begin) shared_qualifier = &no_qualifier;
    for (std::size_t k = i; k + 1 < j; ++k)
      if (figures[k]->mention->unit != figures[j - 1]->mention->unit) shared_qualifier = &no_qualifier;
    const std::size_t facts = std::max(names.size(), count);
    // 增长5.2%、约4.4万亿元: the verb governs the first figure; a figure of another kind joined to it
    // is a level, not an increase.
    const bool first_percent_like = first.kind == NumberKind::percent || first.kind == NumberKind::percentage_point;
    for (std::size_t f = 0; f < facts; ++f) {
      const ScannedNumber& n = *figures[i + std::min(f, count - 1)];
      const Name& named = names[std::min(f, names.size() - 1)];
      const u32string_view nm = named.folded;
      const bool growth_here = growth || named.growth;
      const bool decrease_here = growth ? decrease : named.decrease;
      last_growth = growth_here;
      last_decrease = decrease_here;
      const docpipe::NumberMention& m = *n.mention;
      // 分别上升2.8和0.6个百分点: a bare number in a list takes the unit written once at its end.
      const ScannedNumber& tail = *figures[j - 1];
      const bool takes_tail = n.kind == NumberKind::cardinal && count > 1 &&
                              (tail.kind == NumberKind::percent || tail.kind == NumberKind::percentage_point);
      const NumberKind kind = takes_tail ? tail.kind : n.kind;
      const std::string& unit = takes_tail ? tail.mention->unit : m.unit;
      const bool percent_like = kind == NumberKind::percent || kind == NumberKind::percentage_point;
      // An unknown name counts only before a verb and a figure with a unit that economists read:
      // this keeps 组建26个专班 out.
      // Durations and ranks (连续9年, 两位数) are no indicator values.
      if (kind == NumberKind::measure && is_duration_or_rank(unit)) continue;
      const std::string& canonical = id_of(nm);
      // A name that ends like a statistic (税收收入占比75%以上, 万人发明专利拥有量14件) needs no verb.
      if (canonical.empty() && !(nm.size() >= 2 && ((verb != u32string_view::npos && (percent_like || kind == NumberKind::money)) ||
                                                         (names_a_statistic(nm) && kind != NumberKind::cardinal) ||
                                                         counts_firms(nm, unit))))
        continue;
      // Built only for a figure that is kept (most candidates above are not), in place at the end.
      docpipe::Indicator& ind = out.emplace_back();
      ind.name = named.written;
      ind.canonical = canonical;
      // The measure as a value first: the tests below compare no strings.
      enum class Measure { growth, rate, increase, level } measure;
      const bool times = std::string_view(unit) == "倍";
      // A price index target (居民消费价格指数保持在3%以内) is the rise of prices: growth.
      if ((growth_here || std::string_view(canonical) == "cpi") && percent_like) {
        measure = Measure::growth;
      } else if (percent_like) {
        measure = Measure::rate;  // 失业率, 比重, 价格, 指数 ... and any other figure in percent
      } else if (growth && times) {
        measure = Measure::growth;  // 增长1.7倍: grew by 170%
      } else if (growth && kind != NumberKind::cardinal && !(f > 0 && first_percent_like)) {
        // 城镇新增就业比上年增加1.2万人, 增长300亿元: a change by an amount, in the figure's unit.
        measure = Measure::increase;
      } else {
        measure = Measure::level;
      }
      static constexpr std::string_view kMeasureNames[] = {"growth", "rate", "increase", "level"};
      ind.measure = kMeasureNames[static_cast<int>(measure)];
      const double sign = (measure == Measure::growth || measure == Measure::increase) && decrease_here ? -1 : 1;
      const double scale = measure == Measure::growth && times ? 100 : 1;
      // Rounded to 1e-9 so 2.07倍 gives 207, not 206.99999999999997.
      auto scaled = [&](double v) { return scale == 1 ? sign * v : std::round(sign * scale * v * 1e9) / 1e9; };
      ind.value = scaled(m.value);
      if (m.value_high) ind.value_high = scaled(*m.value_high);
      ind.unit = scale == 100 ? "%" : unit;
      ind.qualifier = m.qualifier.empty() && count > 1 ? *shared_qualifier : m.qualifier;
      ind.span = m.span;
      ind.status = context.status;
      ind.period = context.period;
    }
    if (!name.empty()) {
      last_count = names.size();
      history.insert(history.end(), names.begin(), names.end());
    }
    i = j;
  }
  (void)end;
}

}  // namespace number_extract
