#include "damage_triggers.hpp"

#include <cstring>

#include "double_byte_table.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
}  // namespace

bool may_start_damage(std::string_view text, std::size_t trigger, Legacy legacy) noexcept {
  std::size_t pos = trigger;
  docpipe::utf8::next(text, pos);  // the trigger itself
  if (pos >= text.size()) return false;
  const char32_t c = docpipe::utf8::next(text, pos);
  if (c >= 0x40 && c <= 0x7E) return true;  // an ASCII trail: the run ends here, after a guess
  switch (c) {
    case ',': case ':': case ';': case '!': case '?': case '(': case ')': return true;  // folded punctuation
    case 0x20AC: return true;  // 0x80 read as the last trail
    case 0xFFFD: {
      // `?` before a lead byte this stage's decoder rejected and the invalid trail it kept (GBK
      // bytes whose lost lead's own trail ends the run): not U+FFFD after U+FFFD, characters lost.
      if (text[trigger] != '?') return false;
      return pos >= text.size() || static_cast<unsigned char>(text[pos]) < 0x40;
    }
    default: break;
  }
  // encode_any: a user-defined-area pair read out of step is a private-use character where the
  // decoder keeps it.
  return c >= 0x80 && DoubleByteTable::get(legacy).encode_any(c) != 0;
}

std::size_t count_damage_starts(std::string_view text, std::size_t* replacements, Legacy legacy) noexcept {
  std::size_t count = 0, seen = 0;
  for (std::size_t p = text.find('?'); p != std::string_view::npos; p = text.find('?', p + 1))
    count += may_start_damage(text, p, legacy);
  for (std::size_t p = text.find(kReplacement); p != std::string_view::npos; p = text.find(kReplacement, p + 3)) {
    count += may_start_damage(text, p, legacy);
    ++seen;
  }
  if (replacements) *replacements = seen;
  return count;
}

std::size_t damage_search_budget(std::size_t text_bytes) noexcept { return 16 + text_bytes / 1024; }

}  // namespace encoding_repair
