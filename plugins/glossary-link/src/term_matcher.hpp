#pragma once
/// @file term_matcher.hpp
/// Aho–Corasick over folded code points: finds every key of a dictionary in a UTF-8 text in one pass,
/// reporting byte offsets of the original text, and keeps the longest non-overlapping matches.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "docpipe/span.hpp"
#include "script_fold.hpp"

namespace docpipe::glossary_link {

/// One occurrence of a key in the text.
struct TermMatch {
  Span span;             ///< Byte range in the original text (quotes at the edges excluded).
  std::uint32_t key = 0;  ///< The key's id, as returned by TermMatcher::add().
  std::uint32_t length = 0;  ///< Length of the key in folded code points.
};

/// A multi-pattern matcher. Keys and text are folded with the same ScriptFold, so a simplified key
/// matches a traditional mention and vice versa.
class TermMatcher {
 public:
  static constexpr std::uint32_t no_key = 0xFFFFFFFFu;

  /// An empty matcher using @p fold.
  explicit TermMatcher(const ScriptFold& fold = ScriptFold::instance());

  /// Adds @p key (UTF-8) and returns its id; keys equal after folding share one id. Returns no_key
  /// when the folded key is shorter than @p min_length code points. Invalidates a previous build().
  std::uint32_t add(std::string_view key, std::size_t min_length = 2);

  /// Builds the automaton; call after the last add() and before find().
  void build();

  /// For each position of [@p range.begin, @p range.end) of @p text where some key ends, the longest
  /// key ending there — or, with @p all_keys, every key ending there, longest first — in text order.
  std::vector<TermMatch> find(std::string_view text, Span range, bool all_keys = false) const;

  /// Number of distinct keys.
  std::size_t keys() const noexcept { return key_length_.size(); }
  /// Number of automaton states.
  std::size_t states() const noexcept { return states_; }

 private:
  void build_double_array(const std::vector<std::uint32_t>& fail, const std::vector<std::uint32_t>& output_node);

  const ScriptFold& fold_;
  // Trie under construction: per node, its (code, child) edges.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> trie_;
  std::vector<std::uint32_t> terminal_key_;  // key ending at each trie node, or no_key
  std::vector<std::uint32_t> key_length_;
  std::unordered_map<char32_t, std::uint32_t> alphabet_map_;  // folded code point -> code (0: unused)
  std::uint32_t codes_ = 1;
  // Built automaton: a double array, so that a transition is one probe (base + code, check parent).
  // A unit holds everything the scan reads about a state, in 16 bytes.
  struct Unit {
    std::uint32_t base = 0;    // children of this state sit at base + code
    std::uint32_t check = 0;   // 1 + the parent's slot; 0 for a free slot
    std::uint32_t fail = 0;    // slot of the longest proper suffix that is a state
    std::uint32_t output = 0xFFFFFFFFu;  // longest key that is a suffix of this state, or no_key
  };
  // Raw code point -> code (or drop_code), as a two-level table of 256-entry blocks: blocks without
  // a code share block 0, so a small dictionary costs a few blocks, not a 768 KB table per document.
  std::vector<std::uint32_t> code_block_;    // cp >> 8 -> block number
  std::vector<std::uint32_t> code_data_;     // block number * 256 + (cp & 255) -> code
  void set_code(char32_t cp, std::uint32_t code);
  std::uint32_t raw_code(char32_t cp) const noexcept {
    return code_data_[(std::size_t(code_block_[cp >> 8]) << 8) | (cp & 0xFF)];
  }
  // Code points below U+10000 whose code starts a key (a child of the root), one bit each: the
  // scan's skip over the text between matches tests a three-byte sequence with one bit instead of
  // the two-level code table and the root's double-array unit.
  std::vector<std::uint64_t> starts_key_;
  std::vector<Unit> units_;
  std::vector<std::uint32_t> output_slot_;   // slot -> slot of its longest suffix key (0 when none)
  std::vector<std::uint32_t> slot_key_;      // slot -> key ending exactly there, or no_key
  std::size_t states_ = 0;
  bool built_ = false;
};

/// Keeps the longest matches that do not overlap each other nor any of @p taken (spans already
/// linked): longer first, then the earlier one, then the one listed first. Linear when @p matches
/// come in order of their ends, as find() gives them. The result is in text order.
std::vector<TermMatch> select_longest(std::vector<TermMatch> matches, const std::vector<Span>& taken = {});

}  // namespace docpipe::glossary_link
