#include "corruption_generator.hpp"

#include <algorithm>
#include <vector>

#include "docpipe/utf8.hpp"
#include "double_byte_table.hpp"

namespace encoding_repair::bench {

namespace utf8 = docpipe::utf8;

std::string fold_fullwidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = utf8::next(text, pos);
    switch (c) {
      case U'，': case U'：': case U'；': case U'！': case U'？': case U'（': case U'）':
        out += static_cast<char>(c - 0xFEE0);
        break;
      default:
        utf8::append(out, c);
    }
  }
  return out;
}

namespace {

/// GBK bytes of @p text, or nothing when a character has no GBK code.
std::optional<std::string> encode_gbk(std::string_view text, std::vector<std::size_t>& pair_starts) {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = utf8::next(text, pos);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    const std::uint16_t code = gbk.encode(c);
    if (!code) return std::nullopt;
    pair_starts.push_back(out.size());
    out += static_cast<char>(code >> 8);
    out += static_cast<char>(code & 0xFF);
  }
  return out;
}

/// Decodes GBK bytes the way the broken pipeline did.
std::string decode_lenient(std::string_view bytes, InvalidPair invalid) {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  std::string out;
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    if (b == 0x80) {
      utf8::append(out, 0x20AC);
      ++i;
      continue;
    }
    if (i + 1 >= bytes.size()) {
      out += '?';
      ++i;
      continue;
    }
    const auto t = static_cast<unsigned char>(bytes[i + 1]);
    if (const char32_t c = gbk.decode(b, t)) {
      utf8::append(out, c);
      i += 2;
    } else if (gbk.is_trail(t)) {
      i += 2;  // user-defined area or unassigned: vanishes
    } else if (invalid == InvalidPair::vanish) {
      i += 2;  // the lead and its invalid trail vanish together
    } else {
      out += '?';  // the lead and its invalid trail are written as one `?`
      i += 2;
    }
  }
  return out;
}

}  // namespace

std::optional<DamagedSample> damage(std::string_view clean, std::size_t nth, InvalidPair invalid) {
  std::vector<std::size_t> pairs;
  auto bytes = encode_gbk(clean, pairs);
  if (!bytes || nth >= pairs.size()) return std::nullopt;
  const std::size_t at = pairs[nth];
  const std::string original = *bytes;
  (*bytes)[at] = '?';
  DamagedSample s;
  const std::string before = decode_lenient(std::string_view(*bytes).substr(0, at), invalid);
  s.site = fold_fullwidth(before).size();
  // Follow the decoder out of step from the lost lead's trail to the byte it is back in step at.
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  const std::string_view b = *bytes;
  std::size_t i = at + 1, streak = 0, pairs_read = 0;
  while (true) {
    const auto x = static_cast<unsigned char>(b[i]);
    if (x <= 0x80) {  // read alone (an ASCII trail, or 0x80 as the euro sign)
      ++i;
      break;
    }
    if (i + 1 >= b.size()) {  // a lead byte alone at the end
      ++i;
      break;
    }
    const auto y = static_cast<unsigned char>(b[i + 1]);
    i += 2;
    ++pairs_read;
    if (gbk.decode(x, y)) {
      streak = 0;
      if (y < 0x80) break;  // a pair whose trail is ASCII
      continue;
    }
    if (gbk.is_trail(y)) {
      ++s.dropped_pairs;
      if (++streak > s.longest_drop) s.longest_drop = streak, s.longest_at = pairs_read - streak + 1;
      if (y < 0x80) {  // a vanished pair took an ASCII letter with it
        s.lost_ascii = static_cast<char>(y);
        break;
      }
      continue;
    }
    s.lost_ascii = static_cast<char>(y);  // an invalid trail: gone with its lead, or both became `?`
    break;
  }
  s.run_end = fold_fullwidth(decode_lenient(b.substr(0, i), invalid)).size();
  s.run_expected = fold_fullwidth(decode_lenient(std::string_view(original).substr(at, i - at), invalid));
  s.damaged = fold_fullwidth(decode_lenient(*bytes, invalid));
  s.expected = fold_fullwidth(clean);
  return s;
}

std::optional<DamagedSample> damage_random(std::string_view clean, std::mt19937& rng, std::size_t margin, InvalidPair invalid) {
  std::vector<std::size_t> pairs;
  if (!encode_gbk(clean, pairs) || pairs.size() <= margin) return std::nullopt;
  std::uniform_int_distribution<std::size_t> pick(margin, pairs.size() - 1);
  return damage(clean, pick(rng), invalid);
}

}  // namespace encoding_repair::bench
