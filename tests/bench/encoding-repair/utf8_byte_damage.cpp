#include "utf8_byte_damage.hpp"

#include <algorithm>
#include <random>

#include "docpipe/utf8.hpp"
#include "double_byte_table.hpp"

namespace encoding_repair::bench {

const std::vector<ByteDamage>& all_byte_damage() {
  static const std::vector<ByteDamage> kinds{ByteDamage::lead_to_question, ByteDamage::lead_lost, ByteDamage::trail_lost,
                                             ByteDamage::trail_to_question, ByteDamage::legacy_character,
                                             ByteDamage::legacy_word, ByteDamage::big5_word};
  return kinds;
}

const char* name(ByteDamage kind) {
  switch (kind) {
    case ByteDamage::lead_to_question: return "lead-to-question";
    case ByteDamage::lead_lost: return "lead-lost";
    case ByteDamage::trail_lost: return "trail-lost";
    case ByteDamage::trail_to_question: return "trail-to-question";
    case ByteDamage::legacy_character: return "legacy-character";
    case ByteDamage::legacy_word: return "legacy-word";
    case ByteDamage::big5_word: return "big5-word";
  }
  return "?";
}

namespace {

bool han(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

/// The bytes of @p c in @p legacy (GBK unless said), valid UTF-8 or not, or "" when it has no code.
std::string code_bytes(char32_t c, Legacy legacy = Legacy::gbk) {
  const std::uint16_t code = DoubleByteTable::get(legacy).encode(c);
  if (code == 0) return {};
  return {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
}

/// The GBK bytes of @p c when GBK has a code for it and they are not valid UTF-8 (so the decoder
/// leaves them over, as it does in a real stitched page), else "".
std::string legacy_bytes(char32_t c) {
  const std::string bytes = code_bytes(c);
  return docpipe::utf8::is_valid(bytes) ? std::string() : bytes;
}

/// The @p legacy bytes of up to @p most Han characters from @p at on (at least the first, which has
/// a code), and in @p consumed the UTF-8 bytes they replace.
std::string legacy_word(std::string_view clean, std::size_t at, std::size_t most, Legacy legacy, std::size_t& consumed) {
  std::string out;
  std::size_t pos = at;
  for (std::size_t k = 0; k < most && pos < clean.size(); ++k) {
    std::size_t next = pos;
    const char32_t c = docpipe::utf8::next(clean, next);
    const std::string bytes = han(c) ? code_bytes(c, legacy) : std::string();
    if (bytes.empty()) break;
    out += bytes;
    pos = next;
  }
  consumed = pos - at;
  return out;
}

}  // namespace

std::string damage_utf8(std::string_view clean, ByteDamage kind, std::size_t count, std::uint32_t seed,
                        std::size_t& damaged) {
  // Byte offsets of the characters that can take this damage.
  std::vector<std::size_t> at;
  for (std::size_t pos = 0; pos < clean.size();) {
    const std::size_t start = pos;
    const char32_t c = docpipe::utf8::next(clean, pos);
    const bool has_code = kind == ByteDamage::legacy_character ? !legacy_bytes(c).empty()
                          : kind == ByteDamage::legacy_word    ? !code_bytes(c).empty()
                          : kind == ByteDamage::big5_word      ? !code_bytes(c, Legacy::big5).empty()
                                                               : true;
    if (han(c) && has_code) at.push_back(start);
  }
  std::mt19937 rng(seed);
  std::shuffle(at.begin(), at.end(), rng);
  at.resize(std::min(count, at.size()));
  std::sort(at.begin(), at.end());
  // Words are three characters at most: a word starting within that of the one before is left out.
  const bool word = kind == ByteDamage::legacy_word || kind == ByteDamage::big5_word;
  if (word)
    at.erase(std::unique(at.begin(), at.end(), [](std::size_t a, std::size_t b) { return b < a + 9; }), at.end());
  damaged = at.size();

  std::string out;
  out.reserve(clean.size());
  std::size_t copied = 0;
  for (const std::size_t a : at) {
    out.append(clean, copied, a - copied);
    if (word) {
      std::size_t consumed = 0;
      out += legacy_word(clean, a, 1 + rng() % 3, kind == ByteDamage::big5_word ? Legacy::big5 : Legacy::gbk, consumed);
      copied = a + consumed;
      continue;
    }
    std::string ch(clean.substr(a, 3));
    const std::size_t trail = 1 + rng() % 2;  // which trail byte, for the trail kinds
    switch (kind) {
      case ByteDamage::lead_to_question: ch[0] = '?'; break;
      case ByteDamage::lead_lost: ch.erase(0, 1); break;
      case ByteDamage::trail_lost: ch.erase(trail, 1); break;
      case ByteDamage::trail_to_question: ch[trail] = '?'; break;
      case ByteDamage::legacy_character: {
        std::size_t pos = 0;
        ch = legacy_bytes(docpipe::utf8::next(ch, pos));
        break;
      }
      case ByteDamage::legacy_word:
      case ByteDamage::big5_word: break;  // above
    }
    out += ch;
    copied = a + 3;
  }
  out.append(clean, copied, std::string_view::npos);
  return out;
}

}  // namespace encoding_repair::bench
