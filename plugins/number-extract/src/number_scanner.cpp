#include "number_scanner.hpp"

#include <array>
#include <bitset>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marked_scan.hpp"
#include "name_lexicon.hpp"
#include "numeral_parser.hpp"
#include "unit_lexicon.hpp"

namespace number_extract {
namespace {

using docpipe::NumberMention;
using docpipe::Span;

// The kind as the document shows it and as the indicator pass tests it, set together.
void set_kind(ScannedNumber& s, NumberKind kind) {
  static constexpr std::string_view kNames[] = {"cardinal", "money", "percent", "percentage_point", "measure",
                                                "fraction", "ordinal", "date", "year", "name"};
  s.kind = kind;
  s.mention->kind = kNames[static_cast<int>(kind)];
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_cjk(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }
bool is_financial(char32_t c) {
  return c == U'壹' || c == U'贰' || c == U'叁' || c == U'肆' || c == U'伍' || c == U'陆' || c == U'柒' || c == U'捌' ||
         c == U'玖' || c == U'拾' || c == U'佰' || c == U'仟';
}
inline bool is_dash(char32_t c) {
  // Scraped text writes ranges with every dash look-alike, box drawing included (9%─10%). Tested
  // after every figure: a switch, inlined.
  switch (c) {
    case U'-': case U'—': case U'–': case U'―': case U'‒': case U'─': case U'━': case U'~': case U'～': case U'〜':
    case U'﹣':
      return true;
    default:
      return false;
  }
}

struct Qualifier {
  std::u32string_view word;
  const char* name;
};

// Words before a number that bound it. Longest first within each starting character does not
// matter here: all are tried and the longest match wins.
constexpr Qualifier kPrefixes[] = {
    {U"超过", "at_least"}, {U"超", "at_least"}, {U"逾", "at_least"}, {U"突破", "at_least"},
    {U"高于", "at_least"}, {U"大于", "at_least"}, {U"多于", "at_least"}, {U"不低于", "at_least"},
    {U"不少于", "at_least"}, {U"至少", "at_least"}, {U"不下", "at_least"}, {U"不小于", "at_least"},
    {U"超过了", "at_least"}, {U"至少有", "at_least"}, {U"至少是", "at_least"}, {U"大于等于", "at_least"},
    {U"大于或者等于", "at_least"}, {U"大于或等于", "at_least"}, {U"最少", "at_least"}, {U"≥", "at_least"},
    {U">", "at_least"}, {U">=", "at_least"}, {U"<=", "at_most"}, {U"最多为", "at_most"}, {U"最多有", "at_most"}, {U"小于等于", "at_most"},
    {U"小于或等于", "at_most"}, {U"小于或者等于", "at_most"}, {U"≤", "at_most"}, {U"<", "at_most"},
    {U"近", "about"}, {U"接近", "about"}, {U"约", "about"}, {U"大约", "about"}, {U"约为", "about"},
    {U"将近", "about"}, {U"不超过", "at_most"}, {U"不高于", "at_most"},
    {U"最多", "at_most"}, {U"低于", "at_most"}, {U"少于", "at_most"}, {U"小于", "at_most"},
    {U"不到", "at_most"}, {U"不足", "at_most"}, {U"不大于", "at_most"},
};

// Words after a number (and its unit) that bound it.
constexpr Qualifier kSuffixes[] = {
    {U"左右", "about"}, {U"以上", "at_least"}, {U"之上", "at_least"}, {U"以下", "at_most"},
    {U"以内", "at_most"}, {U"之内", "at_most"}, {U"内", "at_most"}, {U"之下", "at_most"},
    // 65岁及以上, 35千伏及以上 (corpus), 三十或者以上 (spec): the end point included.
    {U"及以上", "at_least"}, {U"或以上", "at_least"}, {U"或者以上", "at_least"}, {U"及以下", "at_most"},
    {U"或以下", "at_most"}, {U"或者以下", "at_most"}, {U"或者更多", "at_least"}, {U"或更多", "at_least"},
};

// The last characters of the prefix words: most numbers have none before them, and one lookup says so.
// The words by their last character (% 64): a number that has one before it tries those only.
struct PrefixEnds {
  std::bitset<0x10000> bits;
  std::vector<const Qualifier*> by_last[64];
  PrefixEnds() {
    for (const auto& q : kPrefixes) {
      bits.set(q.word.back());
      by_last[q.word.back() % 64].push_back(&q);
    }
  }
};

const char* match_prefix(const FoldedText& t, std::size_t i, std::size_t floor, std::size_t& begin) {
  static const PrefixEnds ends;
  {
    std::size_t k = i;
    if (k > floor && t.at(k - 1) == U' ') --k;
    const char32_t last = k > floor ? t.at(k - 1) : 0;
    if (last >= 0x10000 || !ends.bits[last]) return nullptr;
  }
  // The last few characters before i without single spaces (`小于 或 等于100`, `< = 100`), and where
  // each starts.
  char32_t tail[8];
  std::size_t at[8];
  std::size_t n = 0;
  for (std::size_t k = i; k > floor && n < 8;) {
    --k;
    if (t.at(k) == U' ') {
      if (k == floor || t.at(k - 1) == U' ' || t.at(k - 1) == U'\n') break;
      continue;
    }
    tail[7 - n] = t.at(k);
    at[7 - n] = k;
    ++n;
  }
  const std::u32string_view before(tail + 8 - n, n);
  const char* best = nullptr;
  std::size_t best_len = 0;
  const bool spaced = n > 0 && at[7] + 1 != i;
  // Only the words that end like `before` can match; the longest that matches wins (two of one
  // length that both match are the same word, so the order they are tried in does not matter).
  if (n == 0) return nullptr;
  for (const Qualifier* word : ends.by_last[before.back() % 64]) {
    const Qualifier& q = *word;
    if (q.word.size() <= best_len || q.word.size() > n) continue;
    // A lone sign only right before the number: `> 2` is the end of an HTML leftover (`<U+00A0>`).
    if (spaced && q.word.size() < 2) continue;
    if (before.substr(n - q.word.size()) != q.word) continue;
    best = q.name;
    best_len = q.word.size();
  }
  if (best) begin = at[8 - best_len];
  return best;
}

const char* match_suffix(const FoldedText& t, std::size_t i, std::size_t& end) {
  if (t.at(i) == U' ' && t.at(i + 1) != U' ') ++i;  // `170 之下`
  switch (t.at(i)) {  // the first characters of kSuffixes and 上下
    case U'左': case U'以': case U'之': case U'内': case U'及': case U'或': case U'上': break;
    default: return nullptr;
  }
  for (const auto& q : kSuffixes) {
    if (!t.matches(i, q.word)) continue;
    // 内 alone only closes a bound after a time span (3年内); 上下 of 上下游 is no qualifier.
    if (q.word == U"内" && t.at(i - 1) != U'年' && t.at(i - 1) != U'月' && t.at(i - 1) != U'天') continue;
    end = i + q.word.size();
    return q.name;
  }
  if (t.matches(i, U"上下") && !is_cjk(t.at(i + 2))) {
    end = i + 2;
    return "about";
  }
  return nullptr;
}

// One number with its unit, before ranges and bounds are joined.
struct Quantity {
  Numeral num;
  std::size_t end = 0;  // after the unit
  std::optional<UnitMatch> unit;
  std::string_view unit_text;  // the unit as written (a view into the text)
  bool lower_bound = false;  // 250余种, 1万多人
  double value = 0;
};

// Reads a numeral at i and the unit words after it.
std::optional<Quantity> read_quantity(const FoldedText& t, std::size_t i) {
  // One object returned from every path, so it is built in the caller's place (called for every
  // candidate numeral; a copy of the quantity cost as much as reading its unit).
  std::optional<Quantity> out;
  auto num = parse_numeral(t, i);
  if (!num) return out;
  Quantity& q = out.emplace();
  q.num = *num;
  q.value = num->value;
  std::size_t k = num->end;
  if (num->arabic && !num->chinese && (t.at(k) == U'k' || t.at(k) == U'K') && !is_ascii_letter(t.at(k + 1))) {
    q.value *= 1000;
    q.num.scaled = true;
    ++k;
    q.num.end = k;
  }
  // 250余种, 1.2万余人, 一千多名: 余 / 多 between the number and its measure word.
  if (t.at(k) == U'余' || t.at(k) == U'多') {
    UnitMatch u;
    if (match_unit(t, k + 1, u) && u.cls != UnitClass::year && u.cls != UnitClass::month && u.cls != UnitClass::day) {
      q.lower_bound = true;
      ++k;
    }
  }
  UnitMatch u;
  if (match_unit(t, k, u, true)) {
    // 三块 and 三块钱 are money; 一块蛋糕 is one piece of cake.
    if (u.cls == UnitClass::money && t.at(u.end - 1) == U'块' && is_cjk(t.at(u.end)))
      u.cls = UnitClass::measure, u.code = {};
    // 20个比特币: a measure word before a currency name; the currency is the unit.
    UnitMatch money;
    if (u.cls == UnitClass::measure && t.at(u.end - 1) == U'个' && match_unit(t, u.end, money) &&
        money.cls == UnitClass::money) {
      k = u.end;
      u = money;
    }
    q.unit = u;
    q.unit_text = t.slice(k, u.end);
    // Keep the written unit without the spaces before it.
    while (!q.unit_text.empty() && q.unit_text.front() == ' ') q.unit_text.remove_prefix(1);
    k = u.end;
    // 8亿元人民币: the currency name after 元 belongs to the mention.
    if (u.cls == UnitClass::money && u.code == "CNY" && t.matches(k, U"人民币")) k += 3;
    if (u.cls == UnitClass::measure && (t.at(k) == U'余' || t.at(k) == U'多') && !is_cjk(t.at(k + 1))) {
      q.lower_bound = true;  // 一年多
      ++k;
    }
  }
  q.end = k;
  return out;
}

bool is_year_number(const Numeral& n) {
  if (n.fractional || n.scaled) return false;
  if (n.arabic && !n.chinese) return n.int_digits == 4 && n.value >= 1900 && n.value <= 2100;
  return n.digit_string && n.end - n.begin == 4 && n.value >= 1900 && n.value <= 2100;
}

bool is_integer(double v) { return std::floor(v) == v; }

// Storage of StartSet::bits (static storage, zero from the start: no 64 KB clearing).
std::array<bool, 0x10000> start_bits_storage;

// Code points at which a mention can start; everything else is skipped with one lookup.
struct StartSet {
  std::array<bool, 0x10000>& bits = start_bits_storage;  // a byte each: one load per character on the hot loop
  StartSet() {
    // Bit 7 of kNumeralClass is starts_numeral: copied without a branch, so the loop over the 64 K
    // code points is vectorized (it runs once, in the first document's time).
    for (std::size_t c = 0x80; c < 0x10000; ++c) bits[c] = (kNumeralClass[c] >> 7) != 0;
    for (char32_t c = U'0'; c <= U'9'; ++c) bits[c] = true;
    for (char32_t c : {U'“', U'"', U'「', U'第', U'上', U'负', U'-', U'¥', U'$', U'€', U'£', U'￥', U'半', U'万', U'.', U':', U'w', U'对'})
      bits[c] = true;
  }
};

const StartSet& start_set() {
  static const StartSet s;
  return s;
}

class Scanner {
 public:
  Scanner(const FoldedText& t, std::size_t from, std::size_t to) : t_(t), from_(from), to_(std::min(to, t.size())) {
    // About one mention in 60 code points in reports: one allocation instead of a dozen moves.
    if (to_ > from_) {
      out_.reserve((to_ - from_) / 32 + 4);
      mentions_.reserve((to_ - from_) / 32 + 4);
    }
  }

  ScannedNumbers run() {
    const auto& starts = start_set().bits;
    const char32_t* const cps = to_ > from_ ? t_.view(0, to_).data() : nullptr;
    std::size_t i = from_;
    while (i < to_) {
      // Most characters start nothing: passed over in a tight loop (the table is looked up by the low
      // 16 bits; a character beyond the BMP that lands on a start is skipped below).
      i = static_cast<std::size_t>(find_marked(cps + i, cps + to_, starts.data()) - cps);
      if (i == to_) break;
      const char32_t c = cps[i];
      if (c >= 0x10000) {
        ++i;
        continue;
      }
      std::size_t next = i + 1;
      // Numerals first: no character of the special cases below starts a numeral.
      if (starts_numeral(c)) {
        next = number(i, i, nullptr, 1);
      } else if (c == U':' || c == U'w') {
        next = url_end(i);
      } else if (c == U'对') {
        next = half_price(i);
      } else if (c == U'“' || c == U'"' || c == U'「') {
        next = quoted_name(i);
      } else if (c == U'第') {
        next = ordinal(i);
      } else if (c == U'上' && (t_.at(i + 1) == U'万' || t_.at(i + 1) == U'千' || t_.at(i + 1) == U'百' || t_.at(i + 1) == U'亿')) {
        next = round_count(i);
      } else if (c == U'负' || c == U'-' || c == U'¥' || c == U'$' || c == U'€' || c == U'£' || c == U'￥') {
        next = signed_or_symbol(i);
      } else if (c == U'半' || (c == U'万' && per_base(i) > 0) || leading_dot(i)) {
        next = number(i, i, nullptr, 1);
      }
      i = std::max(next, i + 1);
    }
    ScannedNumbers out;
    out.mentions = std::move(mentions_);
    out.numbers = std::move(out_);
    // Growing `mentions` moved the ones added before: each number points to its own again.
    for (std::size_t k = 0; k < out.numbers.size(); ++k) out.numbers[k].mention = &out.mentions[k];
    return out;
  }

 private:
  // Scraped reports keep their source's address (http://www.gov.cn/zfgb/2025/1366/..., %E6 escapes);
  // its digits are no figures. Skips from `://` or `www.` to the end of the address.
  std::size_t url_end(std::size_t i) const {
    if (!(t_.at(i) == U':' && t_.at(i + 1) == U'/' && t_.at(i + 2) == U'/') && !t_.matches(i, U"www.")) return i + 1;
    std::size_t k = i;
    while (k < to_ && t_.at(k) > U' ' && t_.at(k) < 0x80) ++k;
    return k;
  }

  // “100+10”, “十四五”: a quoted token made only of numerals and operators is a name.
  std::size_t quoted_name(std::size_t i) {
    const char32_t close = t_.at(i) == U'“' ? U'”' : t_.at(i) == U'「' ? U'」' : U'"';
    std::size_t k = i + 1;
    bool numeral = false;
    while (k < to_ && k < i + 16 && t_.at(k) != close) {
      const char32_t c = t_.at(k);
      if (is_ascii_digit(c) || chinese_digit(c) >= 0 || multiplier(c) > 0) {
        numeral = true;
      } else if (!(c == U'+' || c == U'×' || c == U'*' || c == U'.' || c == U'/' || c == U'-' || c == U' ' ||
                   c == U'、' || c == U'N' || c == U'n' || c == U'X' || c == U'x')) {
        return i + 1;
      }
      ++k;
    }
    if (!numeral || t_.at(k) != close || k == i + 1) return i + 1;
    // A lone number in quotes is still a number (“1”), unless it is a plan name like “十四五”.
    if (auto n = parse_numeral(t_, i + 1, false); n && n->end == k && !lexicon_word_at(t_, i + 1)) return i + 1;
    emit_name(i + 1, k);
    return k + 1;
  }

  void emit_name(std::size_t b, std::size_t e) {
    ScannedNumber& s = add();
    s.first_cp = b;
    s.last_cp = e;
    s.mention->span = {t_.byte(b), t_.byte(e)};
    s.numeral = s.mention->span;
    s.mention->text.assign(t_.slice(b, e));
    set_kind(s, NumberKind::name);  // value stays 0: a name is no quantity
  }

  std::size_t ordinal(std::size_t i) {
    if (!starts_numeral(t_.at(i + 1))) return i + 1;
    auto n = parse_numeral(t_, i + 1, false);
    if (!n || n->fractional) return i + 1;
    ScannedNumber& s = add();
    s.first_cp = i;
    s.last_cp = n->end;
    s.mention->span = {t_.byte(i), t_.byte(n->end)};
    s.numeral = s.mention->span;
    s.mention->text.assign(t_.slice(i, n->end));
    s.mention->value = n->value;
    set_kind(s, NumberKind::ordinal);
    // 在第十和第十五之间: a range of ranks, closed by 之间 / 间 like a range of numbers.
    if ((t_.at(n->end) == U'和' || t_.at(n->end) == U'与') && t_.at(n->end + 1) == U'第' && starts_numeral(t_.at(n->end + 2))) {
      if (auto high = parse_numeral(t_, n->end + 2, false); high && !high->fractional) {
        const std::size_t close = t_.matches(high->end, U"之间") ? high->end + 2 : t_.at(high->end) == U'间' ? high->end + 1 : 0;
        if (close) {
          std::size_t first = i;
          if (t_.matches_before(i, U"位于") && i >= from_ + 2) first = i - 2;
          else if (t_.at(i - 1) == U'在' && i > from_) first = i - 1;
          s.first_cp = first;
          s.last_cp = close;
          s.mention->span = {t_.byte(first), t_.byte(close)};
          s.mention->text.assign(t_.slice(first, close));
          s.mention->value_high = high->value;
          s.mention->qualifier = "range";
          s.bound = s.mention->span;
          return close;
        }
      }
    }
    return n->end;
  }

  // 上万人, 上百家: "some ten thousand", "some hundred" of something: a round, approximate count.
  std::size_t round_count(std::size_t i) {
    UnitMatch u;
    if (!match_unit(t_, i + 2, u) || u.cls == UnitClass::year || u.cls == UnitClass::month || u.cls == UnitClass::day)
      return i + 1;
    ScannedNumber& s = make(i, u.end, i, i + 2);
    s.mention->value = multiplier(t_.at(i + 1)) * u.scale;
    s.mention->qualifier = "about";
    if (u.cls == UnitClass::money) {
      set_kind(s, NumberKind::money);
      s.mention->unit = u.code;
    } else {
      set_kind(s, NumberKind::measure);
      s.mention->unit = std::string(t_.slice(i + 2, u.end));
    }
    return u.end;
  }

  std::size_t signed_or_symbol(std::size_t i) {
    const char32_t c = t_.at(i);
    if (c == U'负' || c == U'-') {
      const std::size_t k = i + 1;
      if (!starts_numeral(t_.at(k)) && !leading_dot(k)) return i + 1;
      if (is_ascii_digit(t_.at(i - 1)) || is_ascii_letter(t_.at(i - 1)) || multiplier(t_.at(i - 1)) > 0 ||
          t_.at(i - 1) == U'%' || chinese_digit(t_.at(i - 1)) >= 0 || t_.at(i - 1) == U'-')
        return i + 1;  // a range dash or a hyphen (`--9` has no sign either), not a sign
      if (c == U'-' && !is_ascii_digit(t_.at(k)) && !leading_dot(k)) return i + 1;
      if (c == U'负' && (t_.at(k) == U'责' || t_.at(k) == U'担')) return i + 1;
      return number(k, i, nullptr, -1);
    }
    std::string code;
    if (!match_currency_symbol(t_, i, code) || !is_ascii_digit(t_.at(i + 1))) return i + 1;
    auto n = parse_numeral(t_, i + 1, false);
    if (!n) return i + 1;
    ScannedNumber& s = add();
    s.first_cp = i;
    s.last_cp = n->end;
    s.mention->span = {t_.byte(i), t_.byte(n->end)};
    s.numeral = {t_.byte(i + 1), t_.byte(n->end)};
    s.mention->text.assign(t_.slice(i, n->end));
    s.mention->value = n->value;
    s.mention->unit = code;
    set_kind(s, NumberKind::money);
    return n->end;
  }

  // A label or footnote marker rather than a quantity: （一）, (6), 1., 2、, 一是.
  bool is_label(const Quantity& q, std::size_t start) const {
    const Numeral& n = q.num;
    if (q.unit || n.fractional || n.value > 99) return false;
    const char32_t before = t_.at(start - 1), after = t_.at(n.end);
    if ((before == U'(' || before == U'（') && (after == U')' || after == U'）')) return true;
    if (after == U'、' && (n.chinese || n.int_digits <= 2)) {
      // 6%、8%: has a unit; 3、5年 would read as a list of counts - rare next to labels.
      return true;
    }
    if (after == U'.' && !is_ascii_digit(t_.at(n.end + 1)) && n.arabic) return true;
    if (n.chinese && (after == U'是' || after == U'要' || after == U'则') && n.value < 20 && !is_cjk(before))
      return true;
    if (n.chinese && after == U'是' && n.value < 20) return true;
    return false;
  }

  // The number starting at numeral index i; `start` is where the mention starts (a sign, 上),
  // `bound` a qualifier already known, `sign` -1 for negatives.
  std::size_t number(std::size_t i, std::size_t start, const char* bound, int sign) {
    const char32_t c = t_.at(i);
    // Part of an identifier: PM2.5, G20, 5G, A2021...
    if (is_ascii_letter(t_.at(start - 1)) && is_ascii_digit(c)) return skip_alnum(i);
    if (c == U'半') return half(i);
    if (c == U'.') return decimal_without_integer(i, start, sign);
    // 百分之五十, 千分之二, 万分之三, 百万分之五 (before the word list: 万分 and 千万 are words there).
    if (per_base(i) > 0) return per_mille(i, start, sign);
    if (chinese_digit(c) >= 0 || multiplier(c) > 0) {
      if (auto hit = lexicon_word_at(t_, i)) {
        if (hit->name) emit_name(hit->begin, hit->end);
        return hit->end;
      }
    }
    auto q = read_quantity(t_, i);
    if (!q) return i + 1;
    if (std::size_t e = power(q->num, start, sign)) return e;
    if (is_ascii_digit(c) && is_ascii_letter(t_.at(q->num.end)) && t_.at(q->num.end) != U'k' &&
        t_.at(q->num.end) != U'K')
      return skip_alnum(i);
    if (auto f = fraction_at(*q)) return emit_fraction(*f, start, sign);
    // `还有二分之。`: a denominator whose numerator never came is read as the number it is.
    if (const std::size_t e = fen_zhi(q->num.end); e && !q->unit && !starts_numeral(t_.at(e)) && t_.at(e) != U'负') {
      ScannedNumber& s = make(start, q->num.end, start, q->num.end);
      s.mention->value = sign * q->value;
      set_kind(s, NumberKind::cardinal);
      return e;
    }
    const std::size_t after_numeral = skip_spaces(q->num.end, q->num.chinese ? 3 : 1);
    const bool spaced_digits = t_.at(start - 1) == U' ' && is_ascii_digit(t_.at(start - 2));  // `7 2 折`
    if (!q->unit && !spaced_digits && (t_.at(after_numeral) == U'成' || t_.at(after_numeral) == U'折')) {
      if (std::size_t e = discount(*q, start, after_numeral); e) return e;
    }
    if (is_label(*q, start)) return q->num.end;
    // Chinese digits read one by one are a year (二〇二四), a figure with 〇 or a discount (三八折);
    // a bare pair is a list (二三级医院, 二三产业) or a name (八五普法, 阳光九九).
    if (std::size_t e = approximate_pair(q->num)) return e;
    if (q->num.digit_string && q->num.end - q->num.begin < 4 && t_.at(after_numeral) != U'折') {
      bool zero = false;
      for (std::size_t k = q->num.begin; k < q->num.end; ++k) zero = zero || chinese_digit(t_.at(k)) == 0;
      if (!zero) return q->num.end;
    }
    // Service hotlines (12345热线) are names.
    if (q->num.arabic && !q->unit && (t_.matches(q->num.end, U"热线") || t_.matches(q->num.end, U"政务服务便民热线"))) {
      emit_name(i, q->num.end);
      return q->num.end;
    }
    const Numeral& n = q->num;
    // A lone Chinese numeral character without a unit is a word, not a number (一切, 百强, 千万不要),
    // unless it stands alone (between non-letters).
    if (!q->unit && !n.arabic && n.chinese_chars == 1 && (is_cjk(t_.at(start - 1)) || is_cjk(t_.at(n.end))) &&
        !range_to_unit_follows(n.end))
      return n.end;
    // A lone financial numeral (陆 of 登陆, 拾 of 拾起) is a word whatever follows.
    if (!n.arabic && n.chinese_chars == 1 && is_financial(t_.at(i))) return n.end;
    // 百强, 千万不要, “千百十”工程, 千亿级: a bare 百 / 千 opening a numeral needs a unit, unless a
    // digit follows it and the two stand alone (百三 is 130).
    const bool bare_and_digit = n.end == i + 2 && chinese_digit(t_.at(i + 1)) > 0 && !is_cjk(t_.at(start - 1)) &&
                                !is_cjk(t_.at(n.end));
    if (!q->unit && !n.arabic && multiplier(t_.at(i)) > 10 && !bare_and_digit) return n.end;
    // Dates and years.
    if (q->unit && (q->unit->cls == UnitClass::year || q->unit->cls == UnitClass::month || q->unit->cls == UnitClass::day)) {
      if (std::size_t e = date(*q, start); e) return e;
    }
    // A range: 4.5%—5%, 3至5年, 5%-5.5%.
    std::optional<Quantity> high;
    std::size_t end = q->end;
    std::size_t range_begin = start;  // 位于 / 在 of `位于20和30之间`
    {
      std::size_t k = q->end;
      // `20 - 100`: one space around a dash between Arabic figures.
      if (t_.at(k) == U' ' && is_dash(t_.at(k + 1)) && n.arabic) ++k;
      const char32_t d = t_.at(k);
      std::size_t after = 0;
      bool between = false;  // A和B之间, A与B间: a range only with its closing 之间 / 间
      if (is_dash(d)) {
        after = k + 1;
        while (is_dash(t_.at(after))) ++after;
        if (t_.at(after) == U' ' && n.arabic) ++after;
      } else if (d == U'至' || d == U'到') {
        after = k + 1;
      } else if (d == U'和' || d == U'与') {
        after = k + 1;
        between = true;
      }
      if (after && starts_numeral(t_.at(after)) && !(d == U'-' && !n.arabic)) {
        auto h = read_quantity(t_, after);
        if (h && between && h->unit && t_.at(h->num.end) == U'间') h->unit.reset(), h->end = h->num.end;  // 20000间
        if (h && !is_label(*h, after)) {
          const bool same_class = !q->unit || !h->unit || q->unit->cls == h->unit->cls;
          std::size_t close = h->end;
          if (between) close = t_.matches(close, U"之间") ? close + 2 : t_.at(close) == U'间' ? close + 1 : 0;
          if (same_class && (h->unit || !q->unit) && close) {
            high = h;
            end = close;
            if (between && t_.matches_before(start, U"位于") && start >= from_ + 2) range_begin = start - 2;
            else if (between && t_.at(start - 1) == U'在' && start > from_) range_begin = start - 1;
          }
        }
      }
    }
    const Quantity& unit_q = high && high->unit ? *high : *q;
    // Year spans: 2021—2025年.
    if (high && unit_q.unit && unit_q.unit->cls == UnitClass::year && is_year_number(q->num) && is_year_number(high->num)) {
      ScannedNumber& s = make(start, end, i, q->num.end);
      s.mention->value = q->value;
      s.mention->value_high = high->value;
      set_kind(s, NumberKind::year);
      s.mention->qualifier = "range";
      return end;
    }
    if (high && unit_q.unit && (unit_q.unit->cls == UnitClass::month || unit_q.unit->cls == UnitClass::day)) {
      // 1—11月: a span of months.
      ScannedNumber& s = make(start, end, i, q->num.end);
      s.mention->value = q->value;
      if (high) s.mention->value_high = high->value, s.mention->qualifier = "range";
      set_kind(s, NumberKind::date);
      return end;
    }
    // Bounds.
    const char* qualifier = bound;
    std::size_t first = start;
    if (!qualifier) {
      std::size_t b = start;
      if (const char* p = match_prefix(t_, start, from_, b)) qualifier = p, first = b;
    }
    std::size_t suffix_end = end;
    if (const char* s = match_suffix(t_, end, suffix_end)) {
      if (!high) qualifier = s;
      end = suffix_end;
    } else if (!qualifier && !high && (!unit_q.unit || unit_q.unit->cls == UnitClass::percent)) {
      if (const char* c = comparison(start, end, first, end)) qualifier = c;
    }
    if (high) first = std::min(first, range_begin);
    if (!qualifier && (q->lower_bound || q->num.approximate)) qualifier = "at_least";
    if (high) qualifier = "range";

    ScannedNumber& s = make(first, end, sign < 0 ? start : i, q->num.end);
    {
      // The bound without a trailing unit: up to the suffix qualifier if there is one, else the
      // last numeral (with its 多 / 余).
      const Quantity& last = high ? *high : *q;
      std::size_t bound_end = end;
      if (last.unit && end == last.end) {
        bound_end = last.num.end;
        if (last.lower_bound && (t_.at(bound_end) == U'多' || t_.at(bound_end) == U'余')) ++bound_end;
      }
      s.bound = {t_.byte(first), t_.byte(bound_end)};
    }
    s.mention->value = sign * q->value * (unit_q.unit ? unit_q.unit->scale : 1);
    if (high) s.mention->value_high = high->value * (unit_q.unit ? unit_q.unit->scale : 1);
    if (qualifier) s.mention->qualifier = qualifier;
    if (unit_q.unit) {
      const UnitMatch& u = *unit_q.unit;
      switch (u.cls) {
        case UnitClass::money: set_kind(s, NumberKind::money); s.mention->unit = u.code; break;
        case UnitClass::percent:  // per mille (人口自然增长率6.8‰) keeps its sign: value 6.8, unit ‰
          set_kind(s, NumberKind::percent);
          s.mention->unit = u.code.empty() ? std::string_view("%") : u.code;
          break;
        case UnitClass::percentage_point: set_kind(s, NumberKind::percentage_point); s.mention->unit = "pp"; break;
        default: set_kind(s, NumberKind::measure); s.mention->unit = unit_q.unit_text; break;
      }
    } else {
      set_kind(s, NumberKind::cardinal);
    }
    return end;
  }

  // 二三十, 三四百: two neighbouring digits before a multiplier give a rough span (20 to 30), which
  // the mention model cannot hold; nothing is read (not 十 alone). Returns where it ends, or 0.
  std::size_t approximate_pair(const Numeral& n) const {
    if (!n.digit_string || n.end - n.begin != 2) return 0;
    const int a = chinese_digit(t_.at(n.begin)), b = chinese_digit(t_.at(n.begin + 1));
    if (a < 1 || b != a + 1 || multiplier(t_.at(n.end)) == 0) return 0;
    auto rest = read_quantity(t_, n.end);
    return rest ? rest->end : n.end + 1;
  }

  // `一到五个`: a lone numeral that opens a range to a counted figure is a number, not a word.
  bool range_to_unit_follows(std::size_t k) const {
    if (t_.at(k) != U'到' && t_.at(k) != U'至') return false;
    if (!starts_numeral(t_.at(k + 1))) return false;
    auto h = read_quantity(t_, k + 1);
    return h && h->unit && h->unit->cls != UnitClass::year && h->unit->cls != UnitClass::month &&
           h->unit->cls != UnitClass::day;
  }

  // 比三十大, 比 170 低: a comparison around the figure [start, end) bounds it (open and closed ends
  // are not told apart). Widens [first, end) to the comparison's words.
  const char* comparison(std::size_t start, std::size_t end, std::size_t& first, std::size_t& last) const {
    std::size_t b = start;
    if (t_.at(b - 1) == U' ') --b;
    if (b < from_ + 1 || t_.at(b - 1) != U'比') return nullptr;
    std::size_t e = end;
    if (t_.at(e) == U' ') ++e;
    const char32_t c = t_.at(e);
    const char* q = (c == U'大' || c == U'高' || c == U'多') ? "at_least"
                    : (c == U'小' || c == U'低' || c == U'少') ? "at_most"
                                                                  : nullptr;
    if (!q) return nullptr;
    first = b - 1;
    last = e + 1;
    return q;
  }

  // A new number and its mention at the end of the output; the pointer is valid until the next one
  // is added (run() sets them all again at the end).
  ScannedNumber& add() {
    docpipe::NumberMention& m = mentions_.emplace_back();
    ScannedNumber& s = out_.emplace_back();
    s.mention = &m;
    return s;
  }

  // A new mention at the end of the output, built in place (its reference is valid until the next
  // one is added): every caller fills it in and returns.
  ScannedNumber& make(std::size_t first, std::size_t end, std::size_t numeral_begin, std::size_t numeral_end) {
    ScannedNumber& s = add();
    s.first_cp = first;
    s.last_cp = end;
    s.mention->span = {t_.byte(first), t_.byte(end)};
    s.numeral = {t_.byte(numeral_begin), t_.byte(numeral_end)};
    s.mention->text.assign(t_.slice(first, end));
    return s;
  }

  std::size_t skip_alnum(std::size_t i) {
    std::size_t k = i;
    while (is_ascii_digit(t_.at(k)) || is_ascii_letter(t_.at(k)) || (t_.at(k) == U'.' && is_ascii_digit(t_.at(k + 1))))
      ++k;
    return std::max(k, i + 1);
  }

  std::size_t half(std::size_t i) {
    // 半百 (50) and 半成 (5%) are all the spec asks; 半年 and 半数 stay words.
    const char32_t next = t_.at(i + 1);
    if (next == U'百' || ((next == U'成' || next == U'折') && !is_cjk(t_.at(i + 2)))) {
      ScannedNumber& s = make(i, i + 2, i, i + 2);
      s.mention->value = next == U'百' ? 50 : next == U'成' ? 5 : 50;
      set_kind(s, next == U'百' ? NumberKind::cardinal : NumberKind::percent);
      if (next != U'百') {
        s.mention->unit.assign(1, '%');
        s.discount = true;
      }
      return i + 2;
    }
    return i + 1;
  }

  // At most `limit` spaces from k: specs and damaged copies space out numeral words (`五 分之 一`).
  std::size_t skip_spaces(std::size_t k, int limit = 3) const {
    for (int n = 0; n < limit && t_.at(k) == U' '; ++n) ++k;
    return k;
  }

  // Where the numerator starts after `分之` at k (spaces allowed around 分 and 之), or 0.
  std::size_t fen_zhi(std::size_t k) const {
    k = skip_spaces(k);
    if (t_.at(k) != U'分') return 0;
    k = skip_spaces(k + 1);
    if (t_.at(k) != U'之') return 0;
    return skip_spaces(k + 1);
  }

  // The base of a `百分之` / `千分之` / `万分之` / `百万分之` figure at i (the product of its
  // multipliers), or 0; `numerator` gets where its numerator starts.
  double per_base(std::size_t i, std::size_t* numerator = nullptr) const {
    double base = 1;
    std::size_t k = i;
    while (multiplier(t_.at(k)) >= 100 && k < i + 3) base *= multiplier(t_.at(k++));
    if (k == i) return 0;
    const std::size_t e = fen_zhi(k);
    if (!e) return 0;
    if (numerator) *numerator = e;
    return base;
  }

  // 打对折: half price, 50%. 对折 alone folds something in two; 对折旧 is 对 ("on") 折旧 ("depreciation").
  std::size_t half_price(std::size_t i) {
    if (t_.at(i - 1) != U'打' || t_.at(i + 1) != U'折' || t_.at(i + 2) == U'旧' || t_.at(i + 2) == U'算') return i + 1;
    ScannedNumber& s = make(i, i + 2, i, i + 2);
    s.mention->value = 50;
    s.mention->unit.assign(1, '%');  // (operator= "%" here trips GCC 12's -Wrestrict)
    set_kind(s, NumberKind::percent);
    s.discount = true;
    return i + 2;
  }

  // 百分之N, 千分之N, 万分之N, 百万分之N: N parts of 100, 1000, ..., reported in percent.
  std::size_t per_mille(std::size_t i, std::size_t start, int sign) {
    std::size_t from = 0;
    const double base = per_base(i, &from);
    auto n = parse_numeral(t_, from);
    if (!n) return i + 1;
    if (std::size_t e = approximate_pair(*n)) return e;
    double value = n->value;
    std::size_t num_end = n->end;
    // 百分之15K: a thousands suffix on an Arabic numerator.
    if (const std::size_t k = skip_spaces(num_end, 1); n->arabic && !n->chinese && (t_.at(k) == U'k' || t_.at(k) == U'K') &&
                                                        !is_ascii_letter(t_.at(k + 1)))
      value *= 1000, num_end = k + 1;
    ScannedNumber& s = make(start, num_end, start, num_end);
    s.mention->value = sign * value * 100 / base;
    s.mention->unit = "%";
    set_kind(s, NumberKind::percent);
    std::size_t end = num_end;
    std::size_t suffix_end = end;
    if (const char* q = match_suffix(t_, end, suffix_end)) {
      s.mention->qualifier = q;
      end = suffix_end;
      s.last_cp = end;
      s.mention->span.end = t_.byte(end);
      s.mention->text.assign(t_.slice(start, end));
    }
    return end;
  }

  struct Fraction {
    double value = 0;
    std::size_t end = 0;  // one past the numerator
  };

  // A fraction whose denominator is `den`: 三分之一, 一千分之23 (a multiplier before 分之 scales the
  // denominator), 负3分之负157 (signed numerator).
  std::optional<Fraction> chinese_fraction(const Numeral& den) const {
    double scale = 1;
    std::size_t from = fen_zhi(den.end);
    if (!from && multiplier(t_.at(den.end)) > 0) {
      scale = multiplier(t_.at(den.end));
      from = fen_zhi(den.end + 1);
    }
    if (!from || den.value == 0) return std::nullopt;
    int sign = 1;
    if (t_.at(from) == U'负' || (t_.at(from) == U'-' && is_ascii_digit(t_.at(from + 1)))) sign = -1, ++from;
    auto num = parse_numeral(t_, from);
    if (!num) return std::nullopt;
    return Fraction{sign * num->value / (den.value * scale), num->end};
  }

  static bool plain_integer(const Numeral& n) {
    return n.arabic && !n.chinese && !n.fractional && !n.scaled && n.int_digits > 0;
  }

  // `1/3`, `３／５`: Arabic integers around one slash. Not a fraction: part of a path or URL, a date
  // (2024/1/24), or two codes side by side (国道318/317: both of three digits or more).
  std::optional<Fraction> slash_fraction(const Numeral& num) const {
    if (!plain_integer(num) || t_.at(num.end) != U'/' || !is_ascii_digit(t_.at(num.end + 1))) return std::nullopt;
    const char32_t before = t_.at(num.begin - 1);
    if (before == U'/' || before == U'.' || is_ascii_letter(before) || before == U'_') return std::nullopt;
    auto den = parse_numeral(t_, num.end + 1, false);
    if (!den || !plain_integer(*den) || den->value == 0) return std::nullopt;
    const char32_t after = t_.at(den->end);
    if (after == U'/' || is_ascii_letter(after) || after == U'_' || (after == U'.' && is_ascii_digit(t_.at(den->end + 1))))
      return std::nullopt;
    if (num.int_digits > 3 || den->int_digits > 3 || (num.int_digits == 3 && den->int_digits == 3)) return std::nullopt;
    return Fraction{num.value / den->value, den->end};
  }

  // The fraction that starts with q's numeral: 三分之一, 3又一千分之23 and 三百五又三分之一 (又 joins
  // a whole number and a fraction), 1/3, and 1 4/3 (a whole number, one space, a slash fraction).
  std::optional<Fraction> fraction_at(const Quantity& q) const {
    const Numeral& n = q.num;
    // Every fraction below goes on with 分 or 又 (after spaces), a multiplier, a slash or a space:
    // most numbers are followed by none of them (tried for every quantity).
    if (const char32_t c = t_.at(n.end); c != U' ' && c != U'/' && c != U'分' && c != U'又' && multiplier(c) == 0)
      return std::nullopt;
    if (auto f = chinese_fraction(n)) return f;
    if (q.unit) return std::nullopt;
    if (const std::size_t k = skip_spaces(n.end); t_.at(k) == U'又') {
      const std::size_t d = skip_spaces(k + 1);
      if (starts_numeral(t_.at(d)))
        if (auto den = parse_numeral(t_, d))
          if (auto f = chinese_fraction(*den)) return Fraction{n.value + f->value, f->end};
    }
    if (auto f = slash_fraction(n)) return f;
    if (plain_integer(n) && t_.at(n.end) == U' ' && is_ascii_digit(t_.at(n.end + 1)))
      if (auto part = parse_numeral(t_, n.end + 1, false))
        if (auto f = slash_fraction(*part)) return Fraction{n.value + f->value, f->end};
    return std::nullopt;
  }

  // A fraction from `start` (its sign included), with bound words around it (超1/3, 三分之一以上).
  std::size_t emit_fraction(const Fraction& f, std::size_t start, int sign) {
    std::size_t first = start, end = f.end;
    const char* qualifier = match_prefix(t_, start, from_, first);
    std::size_t suffix_end = end;
    if (const char* s = match_suffix(t_, end, suffix_end)) qualifier = s, end = suffix_end;
    if (!qualifier) first = start;
    if (!qualifier) qualifier = comparison(start, end, first, end);
    ScannedNumber& s = make(first, end, start, f.end);
    s.bound = s.mention->span;
    s.mention->value = sign * f.value;
    set_kind(s, NumberKind::fraction);
    if (qualifier) s.mention->qualifier = qualifier;
    return end;
  }

  // `.5`: a decimal written without its integer part, in plain text (not after a digit, a letter or
  // another dot: 1.2.3, v.2, ...5).
  bool leading_dot(std::size_t i) const {
    if (t_.at(i) != U'.' || !is_ascii_digit(t_.at(i + 1))) return false;
    const char32_t before = t_.at(i - 1);
    return !is_ascii_digit(before) && !is_ascii_letter(before) && before != U'.' && before != U'_' && before != U'/';
  }

  std::size_t decimal_without_integer(std::size_t i, std::size_t start, int sign) {
    auto n = parse_numeral(t_, i + 1, false);
    if (!n || !plain_integer(*n) || is_ascii_letter(t_.at(n->end))) return i + 1;
    ScannedNumber& s = make(start, n->end, start, n->end);
    s.mention->value = sign * n->value / std::pow(10.0, n->int_digits);
    set_kind(s, NumberKind::cardinal);
    return n->end;
  }

  // Scientific notation and powers (2e5, -12e-1, 2.5^-1, 1.1^+23) on an Arabic numeral standing
  // alone: inside a code (a569b-80e5-43b6) the letter belongs to the code. Returns the end, or 0.
  std::size_t power(const Numeral& n, std::size_t start, int sign) {
    if (!n.arabic || n.chinese || n.scaled) return 0;
    const char32_t op = t_.at(n.end);
    if (op != U'e' && op != U'E' && op != U'^') return 0;
    const char32_t before = t_.at(start - 1);
    if (is_ascii_digit(before) || is_ascii_letter(before) || before == U'-' || before == U'.' || before == U'_') return 0;
    std::size_t k = n.end + 1;
    int exp_sign = 1, signs = 0;
    while ((t_.at(k) == U'+' || t_.at(k) == U'-') && signs < (op == U'^' ? 2 : 1)) {
      if (t_.at(k) == U'-') exp_sign = -exp_sign;
      ++k, ++signs;
    }
    if (!is_ascii_digit(t_.at(k))) return 0;
    double exponent = 0;
    while (is_ascii_digit(t_.at(k))) exponent = exponent * 10 + (t_.at(k++) - U'0');
    const char32_t after = t_.at(k);
    if (is_ascii_letter(after) || after == U'-' || after == U'_' || after == U'.' || after == U'^') return 0;
    exponent *= exp_sign;
    const double value = sign * (op == U'^' ? std::pow(n.value, exponent) : n.value * std::pow(10.0, exponent));
    if (!std::isfinite(value)) return 0;  // 1e999: no number a document can carry (nor JSON)
    ScannedNumber& s = make(start, k, start, k);
    s.mention->value = value;
    set_kind(s, NumberKind::cardinal);
    return k;
  }

  // 九成, 七成五, 75折, `六 点 五 成`: `at` is the 成 or 折 after q's numeral.
  std::size_t discount(const Quantity& q, std::size_t start, std::size_t at) {
    const bool cheng = t_.at(at) == U'成';
    const std::size_t tenth = skip_spaces(at + 1);
    // 七成五 (75%, city_quanzhou_2023 超七成五财力), `七成 六`: one more digit after 成 is the tenths.
    const int tenth_digit = chinese_digit(t_.at(tenth));
    const bool has_tenth = cheng && tenth_digit > 0 && t_.at(tenth) != U'两' && q.value < 10 && is_integer(q.value) &&
                           !starts_numeral(t_.at(tenth + 1)) && multiplier(t_.at(tenth + 1)) == 0 &&
                           t_.at(tenth + 1) != U'点';
    const char32_t next = t_.at(at + 1);
    // 成为, 成果, 成效 ... : 成 starts a word.
    if (cheng && !has_tenth && is_cjk(next) && next != U'半' && next != U'以' && next != U'左' && next != U'多' &&
        next != U'的')
      return 0;
    if (!cheng && is_cjk(next) && next != U'优' && next != U'销' && next != U'的') return 0;
    double v = q.value;
    std::size_t end = at + 1;
    if (cheng) {
      if (v > 10) return 0;
      v *= 10;
      if (has_tenth) {
        v += tenth_digit, end = tenth + 1;
      } else if (t_.at(end) == U'半') {
        v += 5, ++end;
      }
    } else {
      if (v >= 100 || v == 10) return 0;
      if (v >= 10 || (q.num.digit_string && v >= 10)) {
        // 75折, 三八折: two digits already read as a percent
      } else {
        v *= 10;
      }
    }
    ScannedNumber& s = make(start, end, start, end);
    s.mention->value = v;
    s.mention->unit.assign(1, '%');  // (operator= "%" trips GCC 12's -Wrestrict)
    set_kind(s, NumberKind::percent);
    s.discount = true;
    return end;
  }

  // Years and dates: 2024年, 二〇二四年, 2024年1月24日, 1月24日, 3月.
  std::size_t date(const Quantity& q, std::size_t start) {
    const UnitClass cls = q.unit->cls;
    int year = 0, month = 0, day = 0;
    std::size_t end = q.end;
    auto read_part = [&](std::size_t k, UnitClass want, int lo, int hi, int& into) -> std::size_t {
      auto p = parse_numeral(t_, k, false);
      if (!p || p->fractional || p->value < lo || p->value > hi) return 0;
      UnitMatch u;
      if (!match_unit(t_, p->end, u) || u.cls != want) return 0;
      into = static_cast<int>(p->value);
      return u.end;
    };
    if (cls == UnitClass::year) {
      if (!is_year_number(q.num)) return 0;  // 3年 is a duration
      year = static_cast<int>(q.value);
      if (std::size_t e = read_part(end, UnitClass::month, 1, 12, month)) {
        end = e;
        if (std::size_t e2 = read_part(end, UnitClass::day, 1, 31, day)) end = e2;
      }
    } else if (cls == UnitClass::month) {
      if (q.num.fractional || q.value < 1 || q.value > 12 || !is_integer(q.value)) return 0;
      // 3个月 is matched as a measure before reaching here; a bare 月 after a number is a month.
      month = static_cast<int>(q.value);
      if (std::size_t e2 = read_part(end, UnitClass::day, 1, 31, day)) end = e2;
    } else {
      if (q.num.fractional || q.value < 1 || q.value > 31 || !is_integer(q.value)) return 0;
      day = static_cast<int>(q.value);
    }
    ScannedNumber& s = make(start, end, start, q.num.end);
    if (year && !month) {
      set_kind(s, NumberKind::year);
      s.mention->value = year;
    } else {
      set_kind(s, NumberKind::date);
      s.mention->value = year * 10000.0 + month * 100 + day;
    }
    return end;
  }

  const FoldedText& t_;
  std::size_t from_, to_;
  std::vector<ScannedNumber> out_;
  std::vector<docpipe::NumberMention> mentions_;
};

}  // namespace

namespace {

// Values are built by binary floating point steps (147.2 × 10⁸ gives 14719999999.999998); the
// figures in a report have at most a dozen significant digits, so rounding to 15 gives back the
// decimal the report wrote.
double as_written(double v) {
  if (!std::isfinite(v) || v == 0) return v;
  // Whole numbers below 10^15 are exact in a double and print back unchanged: no need to print them.
  // (v == trunc(v) tested by a conversion: std::floor is a library call without SSE4.1)
  if (std::fabs(v) < 1e15 && static_cast<double>(static_cast<long long>(v)) == v) return v;
  // to_chars with a precision prints as printf's %.15g does, and from_chars rounds as strtod does,
  // without their locale and format parsing.
  char buffer[32];
  const auto printed = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, 15);
  double out = v;
  std::from_chars(buffer, printed.ptr, out);
  return out;
}

}  // namespace

ScannedNumbers scan_numbers(const FoldedText& t, std::size_t from, std::size_t to) {
  ScannedNumbers scan = Scanner(t, from, to).run();
  // A run of hundreds of digits (damaged or hostile input) overflows a double: such a "number" is no
  // figure, and an infinite value cannot be exported as JSON. Kept mentions close up in both lists.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < scan.numbers.size(); ++k) {
    docpipe::NumberMention& m = scan.mentions[k];
    m.value = as_written(m.value);
    if (m.value_high) m.value_high = as_written(*m.value_high);
    if (!std::isfinite(m.value) || (m.value_high && !std::isfinite(*m.value_high))) continue;
    if (kept != k) {
      scan.mentions[kept] = std::move(m);
      scan.numbers[kept] = scan.numbers[k];
      scan.numbers[kept].mention = &scan.mentions[kept];
    }
    ++kept;
  }
  scan.mentions.resize(kept);
  scan.numbers.resize(kept);
  return scan;
}

}  // namespace number_extract
