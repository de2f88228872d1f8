#include "numeral_parser.hpp"

#include <cmath>
#include <utility>

namespace number_extract {

namespace {

constexpr std::array<unsigned char, 0x10000> numeral_classes() {
  std::array<unsigned char, 0x10000> cls{};
  constexpr std::pair<char16_t, int> kDigits[] = {
      {u'零', 0}, {u'〇', 0}, {u'一', 1}, {u'壹', 1}, {u'二', 2}, {u'两', 2}, {u'贰', 2}, {u'俩', 2}, {u'弍', 2},
      {u'三', 3}, {u'叁', 3}, {u'四', 4}, {u'肆', 4}, {u'五', 5}, {u'伍', 5}, {u'六', 6}, {u'陆', 6}, {u'七', 7},
      {u'柒', 7}, {u'八', 8}, {u'捌', 8}, {u'九', 9}, {u'玖', 9}};
  // Places in kMultipliers: 1 ten, 2 hundred, 3 thousand (these start a numeral), 4 万, 5 亿, 6 兆.
  constexpr std::pair<char16_t, int> kPlaces[] = {{u'十', 1}, {u'拾', 1}, {u'百', 2}, {u'佰', 2}, {u'千', 3},
                                                  {u'仟', 3}, {u'万', 4}, {u'亿', 5}, {u'兆', 6}};
  for (char16_t c = u'0'; c <= u'9'; ++c) cls[c] = 0x80;
  for (const auto& [c, digit] : kDigits) cls[c] = static_cast<unsigned char>(0x80 | (digit + 1));
  for (const auto& [c, place] : kPlaces) cls[c] |= static_cast<unsigned char>((place << 4) | (place <= 3 ? 0x80 : 0));
  return cls;
}

}  // namespace

constinit const std::array<unsigned char, 0x10000> kNumeralClass = numeral_classes();

namespace {

bool is_digit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }

// Units whose first character is a multiplier: 10万千瓦 is 100000 kW, not 101000 瓦.
bool starts_unit_word(const FoldedText& t, std::size_t k) noexcept {
  const char32_t c = t.at(k), next = t.at(k + 1);
  switch (c) {
    case U'千':
      return next == U'瓦' || next == U'米' || next == U'克' || next == U'伏' || next == U'帕' || next == U'卡' ||
             next == U'焦' || next == U'公' || next == U'分';
    case U'兆': return next == U'瓦' || next == U'帕' || next == U'赫' || next == U'焦';
    case U'百': return next == U'分';
    case U'万': return next == U'分';
    default: return false;
  }
}

// Reads an Arabic number at i: digits, thousands groups (`1,234`, only with exactly three digits
// after each comma), a decimal part. Returns the end index, or i when there is none.
std::size_t read_arabic(const FoldedText& t, std::size_t i, double& value, int& int_digits, bool& fractional) {
  std::size_t j = i;
  double v = 0;
  int digits = 0;
  while (is_digit(t.at(j))) {
    v = v * 10 + (t.at(j) - U'0');
    ++j;
    ++digits;
  }
  if (digits == 0) return i;
  // Thousands separators: `1,050,000,000`, `４，５６５`.
  while (t.at(j) == U',' && is_digit(t.at(j + 1)) && is_digit(t.at(j + 2)) && is_digit(t.at(j + 3)) &&
         !is_digit(t.at(j + 4)) && digits <= 3 + 3 * 8) {
    for (int k = 1; k <= 3; ++k) v = v * 10 + (t.at(j + k) - U'0');
    j += 4;
    digits += 3;
  }
  int_digits = digits;
  fractional = false;
  // After `2222.` the number is the next part of a dotted sequence and has no decimal part either.
  const bool dotted_part = t.at(i - 1) == U'.' && is_digit(t.at(i - 2));
  if ((t.at(j) == U'.' || t.at(j) == U'．') && is_digit(t.at(j + 1)) && !dotted_part) {
    const std::size_t integer_end = j;
    const double integer = v;
    ++j;
    double scale = 0.1;
    while (is_digit(t.at(j))) {
      v += (t.at(j) - U'0') * scale;
      scale /= 10;
      ++j;
    }
    fractional = true;
    // 2222.2222.22222: a second dot makes a dotted sequence of integers, not a decimal.
    if (t.at(j) == U'.' && is_digit(t.at(j + 1))) {
      j = integer_end;
      v = integer;
      fractional = false;
    }
  }
  value = v;
  return j;
}

}  // namespace

std::optional<Numeral> parse_numeral(const FoldedText& t, std::size_t i, bool spaced) {
  // One object returned from every path, so the numeral is built in the caller's place.
  std::optional<Numeral> result;
  Numeral& n = result.emplace();
  n.begin = i;
  double total = 0;        // groups closed by a scale word (万, 亿, 兆)
  double section = 0;      // below the current scale word
  double pending = -1;     // a digit or Arabic number waiting for its multiplier
  double last_big = 0;     // the last scale word's value
  double last_small = 1e9; // the last multiplier below 万 in this section
  double last_mult = 0;    // the multiplier right before the pending digit, for `一万三` (13000)
  bool pending_after_mult = false;
  bool pending_chinese = false;
  bool zero_gap = false;   // a 零 since the last multiplier
  bool any = false;
  std::size_t j = i;
  std::size_t end = i;     // end of the last accepted part

  auto skip_space = [&](std::size_t k) {
    if (spaced && (n.chinese || multiplier(t.at(k + 1)) > 0 || (t.at(k + 1) == U' ' && multiplier(t.at(k + 2)) > 0))) {
      std::size_t s = k;
      int spaces = 0;
      while (t.at(s) == U' ' && spaces < 6) ++s, ++spaces;
      if (spaces > 0 && (starts_numeral(t.at(s)) || multiplier(t.at(s)) > 0 || t.at(s) == U'点' ||
                         t.at(s) == U'余' || t.at(s) == U'多' || t.at(s) == U'几'))
        return s;
    }
    return k;
  };

  while (true) {
    const std::size_t k = any ? skip_space(j) : j;
    const char32_t c = t.at(k);
    if (is_digit(c)) {
      if (pending >= 0) break;  // two numbers side by side
      double v = 0;
      int digits = 0;
      bool frac = false;
      const std::size_t e = read_arabic(t, k, v, digits, frac);
      // `5万4千` continues a number; `2024年1月` does not reach here (年 stops it).
      pending = v;
      pending_chinese = false;
      pending_after_mult = last_mult > 0 && !zero_gap;
      n.arabic = true;
      n.fractional = n.fractional || frac;
      n.int_digits = (!any && !frac) ? digits : 0;
      j = end = e;
      any = true;
      continue;
    }
    const int d = chinese_digit(c);
    if (d >= 0) {
      if (d == 0 && any && last_mult > 0 && pending < 0) {  // 一千零五: 零 marks a gap
        zero_gap = true;
        n.chinese = true;
        ++n.chinese_chars;
        j = k + 1;
        end = j;
        continue;
      }
      if (pending >= 0) {
        // Digits read one by one (二〇二四, 三八折) only when no multiplier came before.
        if (last_mult > 0 || !pending_chinese || n.arabic) break;
        pending = pending * 10 + d;
        n.digit_string = true;
      } else {
        pending = d;
        pending_chinese = true;
        pending_after_mult = last_mult > 0 && !zero_gap;
      }
      n.chinese = true;
      ++n.chinese_chars;
      j = end = k + 1;
      any = true;
      continue;
    }
    const double m = multiplier(c);
    if (m > 0 && starts_unit_word(t, k)) break;  // 千瓦, 千米, 兆瓦, 百分点: the unit, not a scale
    if (m > 0 && !n.digit_string) {
      if (m < 1e4) {
        if (m >= last_small) break;  // 十百: not a numeral
        // A bare multiplier counts one of it: 十五 is 15, 一百十 is read as 一百一十, 零十 is 10.
        section += (pending > 0 ? pending : 1) * m;
        last_small = m;
      } else {
        const double x = section + (pending >= 0 ? pending : 0);
        if (x == 0 && total == 0) break;  // 万 alone, 万万 alone
        if (total > 0 && last_big <= m)
          total = (total + x) * m;  // 万亿, 10万万
        else
          total += x * m;
        section = 0;
        last_big = m;
        last_small = 1e9;
      }
      pending = -1;
      pending_chinese = false;
      last_mult = m;
      zero_gap = false;
      n.scaled = true;
      n.chinese = true;
      ++n.chinese_chars;
      j = end = k + 1;
      any = true;
      continue;
    }
    if (c == U'点' && any && !n.fractional && chinese_digit(t.at(skip_space(k + 1))) >= 0 &&
        t.at(skip_space(k + 1)) != U'两' && t.at(skip_space(k + 1)) != U'俩') {
      // 一点五, 两千万点五五四四: the decimal part belongs to the whole number read so far.
      double frac = 0, scale = 0.1;
      std::size_t e = skip_space(k + 1);
      while (chinese_digit(t.at(e)) >= 0 && t.at(e) != U'两') {
        frac += chinese_digit(t.at(e)) * scale;
        scale /= 10;
        ++e;
        ++n.chinese_chars;
      }
      if (pending >= 0 && pending_chinese && pending_after_mult && last_mult >= 100 && pending < 10)
        pending *= last_mult / 10;  // 两千三点一: the 三 is 300
      pending = (pending >= 0 ? pending : 0) + frac;
      pending_chinese = false;
      n.fractional = true;
      n.chinese = true;
      j = end = e;
      continue;
    }
    if ((c == U'多' || c == U'余' || c == U'几' || c == U'来') && any && multiplier(t.at(skip_space(k + 1))) >= 1e4) {
      // 十多万, 500余万, 二十几万, 三十万多亿: the count is a lower bound; the digit that 几 stands
      // for is unknown, so the value is the round part.
      n.approximate = true;
      j = k + 1;
      continue;
    }
    break;
  }
  if (!any) {
    result.reset();
    return result;
  }
  if (pending >= 0) {
    // 一万三 is 13000 and 四百五 is 450: a lone digit right after a multiplier of 100 or more
    // stands for the next lower place.
    if (pending_chinese && pending_after_mult && last_mult >= 100 && pending < 10 && !n.digit_string)
      pending *= last_mult / 10;
    section += pending;
  }
  n.value = total + section;
  n.end = end;
  if (!n.chinese) n.digit_string = false;
  return result;
}

}  // namespace number_extract
