#pragma once
/// @file indicator_table.hpp
/// The canonical indicator table: canonical ids and the name patterns that map to them.

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace number_extract {

/// Maps indicator names as written to canonical ids (`gdp`, `retail_sales`, ...).
class IndicatorTable {
 public:
  /// Adds the lines of a table in TSV form: `id<TAB>pattern<TAB>pattern...`; `#` starts a comment
  /// line, blank lines are skipped. A pattern written `=经济` matches only a name that is exactly
  /// `经济` (short words that would otherwise match inside longer names). Throws std::runtime_error naming @p origin and the line number
  /// when a line has an id but no pattern.
  void add_tsv(std::string_view tsv, const std::string& origin);

  /// The canonical id of the longest pattern contained in @p name (folded before matching), or an
  /// empty string when none is. A pattern does not match inside a combined word (`农业总产值` in
  /// `工农业总产值`, `贷款余额` in `存贷款余额`): the combined name is not its part.
  std::string lookup(std::string_view name) const;

  /// The same for a name already folded (code points of a FoldedText, or fold_utf8's result):
  /// folding is idempotent, so this skips the UTF-8 round trip. The result lives as long as the table.
  const std::string& lookup(std::u32string_view folded) const;

  /// Whether @p id names a ratio: one of its patterns ends in 率, 比重, 占比, 比例 or 强度
  /// (`good_air_days`: 优良天数比率). A share written after such a name is the indicator itself.
  bool is_ratio(const std::string& id) const;

  /// Number of patterns.
  std::size_t size() const noexcept { return patterns_.size(); }

  /// The table built into the plugin (data/indicators.tsv).
  static const IndicatorTable& builtin();
  /// The text of the built-in table.
  static std::string_view builtin_tsv();

 private:
  // lookup(folded) for a name without spaces; sets @p spaced (and returns nothing) at a space.
  const std::string& lookup_spaceless(std::u32string_view folded, bool& spaced) const;
  // The bit of pairs_ for two neighbouring code points.
  static std::size_t pair_bit(char32_t first, char32_t second) noexcept { return ((first << 5) ^ second) & 0xFFFFu; }
  // The slot of whole_ for a whole name (not empty): its first code point and its length.
  static std::size_t whole_slot(std::u32string_view name) noexcept { return (name[0] + name.size() * 31) % 64; }

  struct Pattern {
    std::u32string folded;
    std::string id;
    bool whole = false;  // matches the whole name only
  };
  std::vector<Pattern> patterns_;  // longest first
  // Contained patterns of two code points or more by their first two, and of one by that one; each
  // list in table order (longest first), so the first that matches at a position is the best there.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_first_two_;
  // The same lists in one flat array, found through an open-addressed table of power-of-two size
  // (a multiplication and a mask per probe instead of the map's division and node walk).
  struct PairSlot {
    std::uint64_t key = ~std::uint64_t{0};  // pair_key, or all ones for an empty slot
    std::uint32_t begin = 0, end = 0;       // the slot's patterns in pair_lists_
  };
  std::vector<PairSlot> pair_slots_;
  std::vector<std::uint32_t> pair_lists_;
  unsigned pair_shift_ = 64;  // 64 - log2(pair_slots_.size())
  // The slot where the probe for @p key starts.
  std::size_t pair_home(std::uint64_t key) const noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> pair_shift_);
  }
  std::unordered_map<char32_t, std::vector<std::size_t>> single_;
  // First code points (in the BMP) of contained patterns, and the space (which sends a name back to
  // be read without spaces): the positions of a name worth a look are found eight at a time.
  std::array<bool, 0x10000> marks_{};
  bool starts_beyond_bmp_ = false;  // some contained pattern starts beyond the BMP: every such position is tried
  std::bitset<0x10000> pairs_;  // pair_bit of the first two code points of contained patterns
  // Whole-name patterns (a few dozen) by whole_slot, in table order: a name is compared with the one
  // or two of its slot instead of being hashed in full.
  std::vector<std::size_t> whole_[64];
  std::uint64_t whole_lengths_ = 0;  // bit n: a whole-name pattern has n code points (n < 64)
};

}  // namespace number_extract
