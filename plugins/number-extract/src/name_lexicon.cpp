#include "name_lexicon.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "numeral_parser.hpp"

namespace number_extract {
namespace {

// Names: reported with kind `name`, never as quantities.
constexpr std::u32string_view kNames[] = {
    U"十一五", U"十二五", U"十三五", U"十四五", U"十五五", U"十六五", U"十七大", U"十八大", U"十九大",
    U"二十大", U"二十一大", U"一中全会", U"二中全会", U"三中全会", U"四中全会", U"五中全会", U"六中全会",
    U"七中全会", U"长三角", U"珠三角", U"一带一路", U"三农", U"两会", U"一国两制", U"四个全面", U"五位一体",
    U"两个确立", U"两个维护", U"四个意识", U"四个自信", U"两个毫不动摇", U"三个代表", U"八项规定", U"六稳",
    U"六保", U"三保", U"一网通办", U"一网统管", U"一件事", U"双一流", U"三大攻坚战", U"一产", U"二产", U"三产",
    U"两新", U"两重", U"两高", U"三甲", U"二甲", U"五一", U"三八", U"六一", U"七一", U"八一", U"十一届",
    U"两山", U"三区三线", U"一主两副", U"两不愁三保障", U"三个务必", U"四下基层", U"千万工程", U"百千万工程",
    U"一季度", U"二季度", U"三季度", U"四季度", U"一老一小", U"一江一河", U"两岸", U"三峡",
};

// Ordinary words: a numeral character inside them is no number at all.
constexpr std::u32string_view kWords[] = {
    U"一般", U"一些", U"一切", U"一起", U"一样", U"一直", U"一定", U"统一", U"唯一", U"同一", U"单一", U"划一",
    U"逐一", U"之一", U"进一步", U"一步", U"一致", U"一律", U"一旦", U"一向", U"一举", U"一同", U"一再", U"一道",
    U"一并", U"一齐", U"一贯", U"一心", U"一线", U"一把手", U"一揽子", U"一方面", U"万一", U"十分", U"百姓",
    U"千方百计", U"千家万户", U"万众", U"一流", U"一体", U"一系列", U"一站式", U"一次性", U"一手", U"一度",
    U"千万", U"一头", U"一路", U"一边", U"一时", U"一新", U"一番", U"一味", U"一览", U"万物", U"万象",
    U"百花", U"百业", U"百舸", U"千里", U"千秋", U"万里", U"一如既往", U"一以贯之", U"一张蓝图", U"一盘棋",
    U"一体化", U"一号", U"一刀切", U"一窝蜂", U"三令五申", U"四面八方", U"五湖四海", U"七上八下", U"九死一生",
    U"一鼓作气", U"一马当先", U"一往无前", U"一目了然", U"百尺竿头", U"千载难逢", U"万无一失", U"十全十美",
    U"一把", U"一带", U"一环", U"一二三产", U"三二一", U"百强", U"千强", U"五百强", U"一级", U"二级", U"三级",
    U"一本", U"一行", U"一成不变", U"一锤定音", U"一事一议", U"一户一策", U"一企一策", U"一村一品", U"一人一档",
    U"一对一", U"点对点", U"一门式", U"一窗", U"两翼", U"两手", U"两端", U"两侧", U"两旁", U"两岸", U"三角",
    U"三维", U"四季", U"四周", U"八方", U"九州", U"十足", U"百分百", U"万分", U"千千万万", U"成千上万",
};

// The index below keys words by their first two characters, 16 bits each.
template <std::size_t N>
constexpr bool indexable(const std::u32string_view (&words)[N]) {
  for (auto w : words) {
    if (w.size() < 2 || w.size() > 255) return false;
    for (char32_t c : w)
      if (c >= 0x10000) return false;
  }
  return true;
}
static_assert(indexable(kNames) && indexable(kWords), "lexicon words have two to 255 characters, all in the BMP");

// Storage of Index::pairs (static storage, zero from the start: no 64 KB clearing).
std::array<bool, 0x10000> lexicon_pairs_storage;

// Where a numeral sits in the lexicon: for each numeral character its words (longest first), and
// for each (numeral, offset of the numeral in the word, first two characters of the word) the words
// that fit, so a lookup tries one or two words instead of every word holding the numeral (一 sits in
// a hundred, sixty of which start with it). Every word has two characters or more, all in the BMP.
struct Index {
  struct Ref {
    std::u32string_view word;
    std::size_t offset;
    bool name;
  };
  struct Numeral {
    std::vector<Ref> refs;             // longest first: the first that matches wins
    std::vector<std::size_t> offsets;  // the distinct offsets of refs
  };
  std::unordered_map<char32_t, Numeral> by_numeral;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_place;  // indexes into refs, ascending
  std::bitset<0x10000> firsts;  // first characters of all words: a place whose first is none is not looked up
  // Hashed pairs of neighbouring characters of all words. A word around a numeral holds the numeral
  // and the character before it or after it (every word has two characters or more), so a numeral
  // that forms neither pair with its neighbours is in no word: most are rejected here, before any
  // map is searched (a collision only lets a numeral through to the search).
  std::array<bool, 0x10000>& pairs = lexicon_pairs_storage;

  static std::uint32_t pair_slot(char32_t a, char32_t b) {
    return (static_cast<std::uint32_t>(a) * 0x9E3779B1u ^ static_cast<std::uint32_t>(b) * 0x85EBCA6Bu) >> 16;
  }

  static std::uint64_t place(char32_t numeral, std::size_t offset, char32_t first, char32_t second) {
    return (std::uint64_t{numeral} << 40) | (std::uint64_t{offset} << 32) | (std::uint64_t{first} << 16) | second;
  }

  Index() {
    auto add = [&](std::u32string_view w, bool name) {
      for (std::size_t k = 0; k < w.size(); ++k)
        if (chinese_digit(w[k]) >= 0 || multiplier(w[k]) > 0) by_numeral[w[k]].refs.push_back({w, k, name});
    };
    for (auto w : kNames) add(w, true);
    for (auto w : kWords) add(w, false);
    auto add_pairs = [&](std::u32string_view w) {
      for (std::size_t k = 0; k + 1 < w.size(); ++k) pairs[pair_slot(w[k], w[k + 1])] = true;
    };
    for (auto w : kNames) add_pairs(w);
    for (auto w : kWords) add_pairs(w);
    for (auto& [c, numeral] : by_numeral) {
      // Longest words first, so 千万工程 (a name) beats 千万 (a word).
      auto& refs = numeral.refs;
      std::stable_sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) { return a.word.size() > b.word.size(); });
      for (std::uint32_t r = 0; r < refs.size(); ++r) {
        by_place[place(c, refs[r].offset, refs[r].word[0], refs[r].word[1])].push_back(r);
        firsts.set(refs[r].word[0]);
        if (std::find(numeral.offsets.begin(), numeral.offsets.end(), refs[r].offset) == numeral.offsets.end())
          numeral.offsets.push_back(refs[r].offset);
      }
    }
  }
};

const Index& index() {
  static const Index idx;
  return idx;
}

}  // namespace

std::optional<LexiconHit> lexicon_word_at(const FoldedText& t, std::size_t i) {
  const Index& idx = index();
  const char32_t c = t.at(i);
  if (!idx.pairs[Index::pair_slot(t.at(static_cast<std::ptrdiff_t>(i) - 1), c)] &&
      !idx.pairs[Index::pair_slot(c, t.at(i + 1))])
    return std::nullopt;
  auto it = idx.by_numeral.find(c);
  if (it == idx.by_numeral.end()) return std::nullopt;
  const auto& refs = it->second.refs;
  // The first word in refs order that is written around i.
  std::size_t best = refs.size();
  for (std::size_t offset : it->second.offsets) {
    if (offset > i) continue;
    const char32_t first = t.at(i - offset), second = t.at(i - offset + 1);
    if (first >= 0x10000 || second >= 0x10000 || !idx.firsts[first]) continue;
    auto fit = idx.by_place.find(Index::place(c, offset, first, second));
    if (fit == idx.by_place.end()) continue;
    for (std::uint32_t r : fit->second) {
      if (r >= best) break;
      if (t.matches(i - offset, refs[r].word)) {
        best = r;
        break;
      }
    }
  }
  if (best == refs.size()) return std::nullopt;
  const Index::Ref& r = refs[best];
  return LexiconHit{i - r.offset, i - r.offset + r.word.size(), r.name};
}

}  // namespace number_extract
