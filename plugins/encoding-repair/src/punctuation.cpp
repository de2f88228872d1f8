#include "punctuation.hpp"

#include "docpipe/utf8.hpp"
#include "han.hpp"

namespace encoding_repair {

namespace utf8 = docpipe::utf8;

bool is_cjk(char32_t c) noexcept {
  return is_han(c) || (c >= 0x3001 && c <= 0x303F) || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFF1A || c == 0xFF1B || (c >= 0x2460 && c <= 0x24FF);
}

namespace {
char32_t char_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return utf8::next(text, start);
}
char32_t char_at(std::string_view text, std::size_t pos) { return pos < text.size() ? utf8::next(text, pos) : 0; }
}  // namespace

std::vector<PunctuationEdit> find_fullwidth_restorations(std::string_view text) {
  std::vector<PunctuationEdit> edits;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c != ',' && c != ':' && c != ';' && c != '!' && c != '?' && c != '(' && c != ')') continue;
    const char32_t before = char_before(text, pos);
    const char32_t after = char_at(text, pos + 1);
    bool restore;
    if (c == '(') restore = is_cjk(after) || (is_cjk(before) && after != 0 && after >= 0x80);
    else if (c == ')') restore = is_cjk(before) || (before >= '0' && before <= '9' && is_cjk(after));
    else restore = is_cjk(before) && !(after >= '0' && after <= '9' && c == ':');  // 10:30 stays
    if (restore) edits.push_back({pos, pos + 1, utf8::encode(static_cast<char32_t>(c) + 0xFEE0)});
  }
  return edits;
}

}  // namespace encoding_repair
