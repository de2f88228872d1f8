#include "utf8_byte_damage.hpp"

#include <algorithm>
#include <random>

#include "docpipe/utf8.hpp"
#include "double_byte_table.hpp"

namespace encoding_repair::bench {

const std::vector<ByteDamage>& all_byte_damage() {
  static const std::vector<ByteDamage> kinds{ByteDamage::lead_to_question, ByteDamage::lead_lost, ByteDamage::trail_lost,
                                             ByteDamage::trail_to_question, ByteDamage::legacy_character};
  return kinds;
}

const char* name(ByteDamage kind) {
  switch (kind) {
    case ByteDamage::lead_to_question: return "lead-to-question";
    case ByteDamage::lead_lost: return "lead-lost";
    case ByteDamage::trail_lost: return "trail-lost";
    case ByteDamage::trail_to_question: return "trail-to-question";
    case ByteDamage::legacy_character: return "legacy-character";
  }
  return "?";
}

namespace {

bool han(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

/// The GBK bytes of @p c when GBK has a code for it and they are not valid UTF-8 (so the decoder
/// leaves them over, as it does in a real stitched page), else "".
std::string legacy_bytes(char32_t c) {
  const std::uint16_t code = DoubleByteTable::get(Legacy::gbk).encode(c);
  if (code == 0) return {};
  const std::string bytes{static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
  return docpipe::utf8::is_valid(bytes) ? std::string() : bytes;
}

}  // namespace

std::string damage_utf8(std::string_view clean, ByteDamage kind, std::size_t count, std::uint32_t seed,
                        std::size_t& damaged) {
  // Byte offsets of the characters that can take this damage.
  std::vector<std::size_t> at;
  for (std::size_t pos = 0; pos < clean.size();) {
    const std::size_t start = pos;
    const char32_t c = docpipe::utf8::next(clean, pos);
    if (han(c) && (kind != ByteDamage::legacy_character || !legacy_bytes(c).empty())) at.push_back(start);
  }
  std::mt19937 rng(seed);
  std::shuffle(at.begin(), at.end(), rng);
  at.resize(std::min(count, at.size()));
  std::sort(at.begin(), at.end());
  damaged = at.size();

  std::string out;
  out.reserve(clean.size());
  std::size_t copied = 0;
  for (const std::size_t a : at) {
    out.append(clean, copied, a - copied);
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
    }
    out += ch;
    copied = a + 3;
  }
  out.append(clean, copied, std::string_view::npos);
  return out;
}

}  // namespace encoding_repair::bench
