#include "chinese_numeral.hpp"

#include "docpipe/utf8.hpp"

namespace section_split {

int chinese_digit(char32_t c) noexcept {
  switch (c) {
    case U'〇': case U'零': case U'○': return 0;
    case U'一': return 1;
    case U'二': case U'两': case U'兩': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int parse_label_numeral(std::string_view s, std::size_t& length) noexcept {
  length = 0;
  std::size_t pos = 0;
  int value = 0, pending = -1;
  bool seen_ten = false;
  int digits = 0;
  while (pos < s.size()) {
    std::size_t next = pos;
    const char32_t c = docpipe::utf8::next(s, next);
    if (c == U'十') {
      if (seen_ten) break;
      seen_ten = true;
      value = (pending < 0 ? 1 : pending) * 10;
      pending = -1;
    } else {
      const int d = chinese_digit(c);
      if (d <= 0) break;  // 〇 and 零 never appear in a label numeral
      if (pending >= 0) break;  // two digits in a row: not a label numeral (`二二`)
      pending = d;
      ++digits;
    }
    pos = next;
  }
  if (pending >= 0) value += pending;
  if (value <= 0 || value > 99 || (seen_ten && value / 10 > 9) || digits > 2) return 0;
  length = pos;
  return value;
}

int parse_digit_year(std::string_view s, std::size_t& length) noexcept {
  length = 0;
  std::size_t pos = 0;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    const char32_t c = docpipe::utf8::next(s, pos);
    const int d = chinese_digit(c);
    if (d < 0) return 0;
    year = year * 10 + d;
  }
  length = pos;
  return year;
}

int parse_any_number(std::string_view s, std::size_t& length) noexcept {
  length = 0;
  std::size_t pos = 0;
  int value = 0;
  int digits = 0;
  while (pos < s.size() && digits < 6) {
    std::size_t next = pos;
    const char32_t c = docpipe::utf8::next(s, next);
    int d = -1;
    if (c >= U'0' && c <= U'9') d = int(c - U'0');
    else if (c >= 0xFF10 && c <= 0xFF19) d = int(c - 0xFF10);
    if (d < 0) break;
    value = value * 10 + d;
    ++digits;
    pos = next;
  }
  if (digits > 0) {
    length = pos;
    return value;
  }
  const int v = parse_label_numeral(s, length);
  return length ? v : -1;
}

}  // namespace section_split
