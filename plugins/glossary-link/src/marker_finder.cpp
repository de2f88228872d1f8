#include "marker_finder.hpp"

#include "text_cursor.hpp"

namespace docpipe::glossary_link {
namespace {

bool ends_clause(char32_t c) {
  switch (c) {
    case 0: case '\n': case 0x3002: case 0xFF1A: case ':': case 0xFF0C: case ',': case 0x3001: case 0xFF1B:
    case ';': case 0xFF01: case '!': case 0xFF1F: case '?': case '(': case 0xFF08: case '[': case 0x3010:
    case 0xFF3B: case 0x3014:
    case '-': case '*': case '#': case '>':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<Enumerator> find_markers(std::string_view text, Span range, int max_number) {
  std::vector<Enumerator> out;
  if (range.end > text.size()) range.end = text.size();
  for (std::size_t pos = range.begin; pos < range.end; pos = next_pos(text, pos)) {
    const char32_t c = at(text, pos);
    if (c != '(' && c != 0xFF08 && c != '[' && c != 0x3010 && c != 0xFF3B && c != 0x3014) continue;
    auto m = read_marker(text, pos);
    if (!m || m->span.end > range.end || m->number > max_number) continue;
    std::size_t p = pos;
    if (p > range.begin && is_blank(before(text, p))) p = prev_pos(text, p);
    if (p <= range.begin || ends_clause(before(text, p)) || is_space(before(text, p))) continue;
    out.push_back(*m);
    pos = prev_pos(text, m->span.end);
  }
  return out;
}

}  // namespace docpipe::glossary_link
