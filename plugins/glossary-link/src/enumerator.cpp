#include "enumerator.hpp"

#include "text_cursor.hpp"

namespace docpipe::glossary_link {
namespace {

// Reads 1-3 digits at @p pos; returns the value and moves @p pos past them, or -1.
int read_digits(std::string_view text, std::size_t& pos) {
  int value = 0, count = 0;
  while (pos < text.size()) {
    const int d = digit_value(at(text, pos));
    if (d < 0) break;
    if (++count > 3) return -1;
    value = value * 10 + d;
    pos = next_pos(text, pos);
  }
  return count == 0 || value == 0 ? -1 : value;
}

std::optional<Enumerator> read_enclosed(std::string_view text, std::size_t pos) {
  const char32_t open = at(text, pos);
  char32_t close1, close2;
  NumberStyle style;
  if (open == '(' || open == 0xFF08) {
    close1 = ')', close2 = 0xFF09, style = NumberStyle::parenthesized;
  } else if (open == '[' || open == 0x3010 || open == 0xFF3B || open == 0x3014) {
    // [1], 【1】, ［1］, 〔1〕: any of these closers, since scraped text mixes widths.
    if (open == '[' || open == 0xFF3B) close1 = ']', close2 = 0xFF3D;
    else if (open == 0x3010) close1 = 0x3011, close2 = 0x3011;
    else close1 = 0x3015, close2 = 0x3015;
    style = NumberStyle::bracketed;
  } else {
    return std::nullopt;
  }
  std::size_t p = next_pos(text, pos);
  const int value = read_digits(text, p);
  if (value < 0) return std::nullopt;
  const char32_t close = at(text, p);
  if (close != close1 && close != close2) return std::nullopt;
  return Enumerator{value, style, {pos, next_pos(text, p)}};
}

}  // namespace

std::optional<Enumerator> read_enumerator(std::string_view text, std::size_t pos, bool digit_may_follow) {
  if (digit_value(at(text, pos)) < 0) return read_enclosed(text, pos);
  std::size_t p = pos;
  const int value = read_digits(text, p);
  if (value < 0) return std::nullopt;
  const char32_t punct = at(text, p);
  if (punct != '.' && punct != 0xFF0E && punct != 0x3001) return std::nullopt;
  const std::size_t end = next_pos(text, p);
  if (!digit_may_follow && digit_value(at(text, end)) >= 0) return std::nullopt;
  return Enumerator{value, NumberStyle::dotted, {pos, end}};
}

std::optional<Enumerator> read_marker(std::string_view text, std::size_t pos) { return read_enclosed(text, pos); }

}  // namespace docpipe::glossary_link
