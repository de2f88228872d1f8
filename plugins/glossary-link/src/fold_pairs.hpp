#pragma once
/// @file fold_pairs.hpp
/// The character-level traditional-to-simplified conversions that ScriptFold is built from: taken
/// from OpenCC once at build time (tools/generate_t2s_pairs.cpp) and compiled into the plugin, so
/// that a process does not spend ~0.15 s converting every Han character through OpenCC at start-up.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace docpipe::glossary_link {

/// One conversion: the character @p from becomes the single code point @p to.
struct FoldPair {
  char32_t from;
  char32_t to;
};

/// What OpenCC does to each character of the Han blocks below ScriptFold::table_limit, converted one
/// character at a time.
struct FoldPairs {
  std::vector<FoldPair> pairs;     ///< Characters converted to exactly one other code point, ascending.
  std::size_t non_one_to_one = 0;  ///< Characters converted to a phrase or to nothing (kept as they are).
};

/// Asks OpenCC with the configuration @p opencc_config (e.g. `t2s.json`). Throws std::runtime_error when
/// it cannot be opened or fails.
FoldPairs read_opencc_pairs(const std::string& opencc_config);

/// The t2s pairs generated at build time from the OpenCC installed then (OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP).
std::span<const FoldPair> builtin_t2s_pairs() noexcept;

/// The non_one_to_one count of the same generation.
std::size_t builtin_t2s_non_one_to_one() noexcept;

}  // namespace docpipe::glossary_link
