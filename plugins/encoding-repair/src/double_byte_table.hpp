#pragma once
// Two-byte code tables of the legacy Chinese encodings, filled once from ICU's converters so that
// decoding and the mojibake search cost one array lookup per character.

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace encoding_repair {

/// The legacy double-byte encodings the stage knows. GB2312 (EUC-CN) is GBK's subset, as Python's
/// and ICU's gb2312 read it: only for reading text a decoder took for GB2312 (mixup_lossy), never
/// to decode input.
enum class Legacy { gbk, big5, gb2312 };

/// A double-byte code table: every lead/trail pair to its code point and back.
class DoubleByteTable {
 public:
  /// The process-wide table of @p which (built on first use, thread-safe).
  static const DoubleByteTable& get(Legacy which);

  /// Code point of the pair (@p lead, @p trail), or 0 when the pair is unassigned, in a
  /// user-defined area (mapped to the Private Use Area) or not a pair of this encoding.
  char32_t decode(unsigned char lead, unsigned char trail) const noexcept {
    return pairs_[lead * 256u + trail];
  }
  /// The UTF-8 bytes of the pair's character packed first byte lowest, when it is a three-byte
  /// sequence (every CJK character), else 0: the decoder's hot loop writes them without encoding.
  std::uint32_t utf8_three(unsigned char lead, unsigned char trail) const noexcept {
    return utf8_three_[lead * 256u + trail];
  }
  /// The utf8_three() values of all pairs, indexed lead * 256 + trail: for a hot loop that writes
  /// bytes through a char pointer (which may alias anything) and must keep the table in a register.
  const std::uint32_t* utf8_three_table() const noexcept { return utf8_three_.data(); }
  /// True when the pair is well-formed (lead and trail in range) but maps to no ordinary
  /// character: the codes a lenient decoder drops ("vanished" pairs).
  bool vanishes(unsigned char lead, unsigned char trail) const noexcept {
    return is_lead(lead) && is_trail(trail) && decode(lead, trail) == 0;
  }
  /// True for a byte that starts a two-byte code.
  bool is_lead(unsigned char b) const noexcept { return b >= 0x81 && b <= 0xFE; }
  /// True for a byte allowed second in a two-byte code.
  bool is_trail(unsigned char b) const noexcept { return trail_ok_[b]; }
  /// The two bytes encoding @p cp (lead in the high byte), or 0 when it has no two-byte code.
  std::uint16_t encode(char32_t cp) const noexcept { return cp < 0x10000 ? reverse_[cp] : 0; }
  /// The two bytes encoding @p cp, counting the user-defined area too (which decoders map into the
  /// Private Use Area) and, for Big5, the pairs other decoders read where this table has nothing:
  /// Python's big5 codec (the ETEN extension's kana, Cyrillic and parenthesized numbers, which
  /// windows-950 leaves to the user-defined area: src/big5_python_extras.inc) and a browser's
  /// (HKSCS, as ICU's big5-hkscs reads it); or 0: for undoing a wrong decoding.
  std::uint16_t encode_any(char32_t cp) const noexcept {
    if (const std::uint16_t code = encode(cp)) return code;
    if (cp >= 0xE000 && cp <= 0xF8FF) return private_use_[cp - 0xE000];
    return extras_.empty() ? 0 : extra(cp);
  }
  /// encode_any(), but a character a browser's Big5 decoder (HKSCS) reads from a pair this table
  /// leaves empty gets that pair, though it has a code of its own here or in Python's codec
  /// (Cyrillic Е is C7B2 in windows-950, C7F8 in HKSCS: GBK's 区 read by a browser): for undoing
  /// a browser's reading. Big5 only.
  std::uint16_t encode_as_browser(char32_t cp) const noexcept {
    if (!browser_.empty()) {
      const auto it = std::lower_bound(browser_.begin(), browser_.end(), std::pair<char32_t, std::uint16_t>{cp, 0});
      if (it != browser_.end() && it->first == cp) return it->second;
    }
    return encode_any(cp);
  }
  /// True when only a browser's Big5 decoder (HKSCS) writes @p cp: neither this table nor Python's
  /// codec has a code for it (ʊ, 龰, ⻌): a text holding it was read by a browser. A bit lookup.
  bool browser_only(char32_t cp) const noexcept {
    return cp < 0x10000 && !browser_only_bits_.empty() && ((browser_only_bits_[cp >> 6] >> (cp & 63)) & 1);
  }
  /// True when encode_as_browser(@p cp) differs from encode_any(@p cp) (Е, the kana). A bit lookup.
  bool browser_differs(char32_t cp) const noexcept {
    return cp < 0x10000 && !browser_differs_bits_.empty() && ((browser_differs_bits_[cp >> 6] >> (cp & 63)) & 1);
  }

  /// Code point of a single high byte some decoders accept (0x80 is the euro sign in GBK's Windows
  /// form), or 0.
  char32_t single(unsigned char b) const noexcept { return b == 0x80 && which_ == Legacy::gbk ? 0x20AC : 0; }

 private:
  explicit DoubleByteTable(Legacy which);
  Legacy which_;
  std::vector<char32_t> pairs_;        // 65536 entries, index lead*256+trail
  std::vector<std::uint32_t> utf8_three_;  // 65536 entries, index lead*256+trail
  std::vector<std::uint16_t> reverse_;  // 65536 entries, index code point (BMP)
  std::array<bool, 256> trail_ok_{};
  std::vector<std::uint16_t> private_use_;  // U+E000..U+F8FF -> user-defined-area code
  std::vector<std::pair<char32_t, std::uint16_t>> extras_;  // code point -> code another decoder reads so, sorted
  std::vector<std::pair<char32_t, std::uint16_t>> browser_;  // code point -> HKSCS code in a pair pairs_ leaves empty, sorted
  std::vector<std::uint64_t> browser_only_bits_;     // BMP code points only HKSCS codes (Big5 only)
  std::vector<std::uint64_t> browser_differs_bits_;  // BMP code points encode_as_browser() codes otherwise
  std::uint16_t extra(char32_t cp) const noexcept;
};

}  // namespace encoding_repair
