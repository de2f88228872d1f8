#include "escaped_markup.hpp"

#include <algorithm>
#include <string>

#include "cleaner.hpp"

namespace encoding_repair {

namespace {

/// @p escaped with the references markup is written with read as their characters.
std::string unescape_markup(std::string_view escaped) {
  static constexpr std::pair<std::string_view, char> kReferences[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&#34;", '"'}, {"&amp;", '&'}};
  std::string out;
  for (std::size_t i = 0; i < escaped.size();) {
    bool matched = false;
    for (const auto& [reference, c] : kReferences)
      if (escaped.compare(i, reference.size(), reference) == 0) {
        out += c;
        i += reference.size();
        matched = true;
        break;
      }
    if (!matched) out += escaped[i++];
  }
  return out;
}

}  // namespace

std::size_t escaped_markup_length(std::string_view text, std::size_t pos) {
  if (text.compare(pos, 4, "&lt;") != 0) return 0;
  const std::size_t gt = text.find("&gt;", pos + 4);
  if (gt == std::string_view::npos || gt + 4 - pos > 1024) return 0;
  const std::string_view inside = text.substr(pos + 4, gt - pos - 4);
  if (inside.find_first_of("<>\n") != std::string_view::npos) return 0;
  const std::string tag = "<" + unescape_markup(inside) + ">";
  return html_markup_length(tag, 0) == tag.size() ? gt + 4 - pos : 0;
}

}  // namespace encoding_repair
