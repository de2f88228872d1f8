#include "front_matter.hpp"

namespace section_split {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

FrontMatter read_front_matter(std::string_view text) {
  FrontMatter fm;
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  auto next_line = [&](std::size_t& p) {
    const std::size_t nl = text.find('\n', p);
    const std::string_view line = text.substr(p, (nl == std::string_view::npos ? text.size() : nl) - p);
    p = nl == std::string_view::npos ? text.size() : nl + 1;
    return line;
  };
  std::string_view first;
  while (pos < text.size()) {
    first = trim(next_line(pos));
    if (!first.empty()) break;
  }
  if (first != "---") return fm;
  std::map<std::string, std::string> fields;
  for (int n = 0; n < 200 && pos < text.size(); ++n) {
    const std::string_view line = trim(next_line(pos));
    if (line == "---") {
      fm.present = true;
      fm.body_begin = pos;
      fm.fields = std::move(fields);
      return fm;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string_view key = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (!key.empty() && key.find(' ') == std::string_view::npos) fields[std::string(key)] = std::string(value);
  }
  return fm;
}

}  // namespace section_split
