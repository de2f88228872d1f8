#pragma once
/// @file script_fold.hpp
/// A code point to code point normalization used only for matching: traditional characters fold to
/// simplified ones (OpenCC t2s, character level), full-width ASCII to ASCII, Latin letters to lower
/// case, and quotes, spaces and line breaks are dropped. Because every code point maps to at most one
/// code point, a match in the folded stream maps back to exact byte offsets of the original text.

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fold_pairs.hpp"
#include "han_ranges.hpp"

namespace docpipe::glossary_link {

/// The fold table, built once per process from OpenCC's `t2s.json` character conversions (taken at
/// build time, see fold_pairs.hpp).
class ScriptFold {
 public:
  /// Marks a code point that matching skips (quotes, whitespace, zero-width characters).
  static constexpr char32_t dropped = 0xFFFFFFFFu;
  /// Code points below this bound are folded by table; those above are kept as they are.
  static constexpr char32_t table_limit = kFoldTableLimit;

  /// The process-wide table (thread-safe lazy construction), from builtin_t2s_pairs().
  static const ScriptFold& instance();

  /// The folded form of @p cp, or `dropped`.
  char32_t fold(char32_t cp) const noexcept { return cp < table_limit ? table_[cp] : cp; }

  /// The folded code points of @p utf8, dropped code points left out.
  std::u32string fold_string(std::string_view utf8) const;

  /// Number of characters OpenCC converts to something other than one code point (a phrase or an
  /// empty result); those are kept unchanged so that offsets stay exact.
  std::size_t non_one_to_one() const noexcept { return non_one_to_one_; }

  /// Code points other than @p folded itself that fold to @p folded (e.g. `雙` for `双`).
  const std::vector<char32_t>& sources(char32_t folded) const;

  /// Code points that matching skips.
  const std::vector<char32_t>& dropped_code_points() const noexcept { return dropped_; }

  /// Builds the table with the OpenCC configuration file @p opencc_config (e.g. `t2s.json`), asking
  /// OpenCC now (slow: ~0.15 s for t2s). Throws std::runtime_error when it cannot be opened.
  explicit ScriptFold(const std::string& opencc_config);

  /// Builds the table from character conversions @p pairs (each `from` at most once), of which
  /// @p non_one_to_one characters were left out because they convert to other than one code point.
  ScriptFold(std::span<const FoldPair> pairs, std::size_t non_one_to_one);

 private:
  explicit ScriptFold(const FoldPairs& read);

  std::unique_ptr<char32_t[]> table_;  // table_limit entries, filled by the constructor (not zeroed first)
  std::unordered_map<char32_t, std::vector<char32_t>> sources_;
  std::vector<char32_t> dropped_;
  std::size_t non_one_to_one_ = 0;
};

/// True for code points of the CJK ideograph blocks.
bool is_han(char32_t cp) noexcept;

}  // namespace docpipe::glossary_link
