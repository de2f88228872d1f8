#pragma once
// Reproduces the seed's damage on clean text, so repairs can be measured on damage nobody tuned for:
// GBK-encode, replace one character's lead byte with `?`, decode out of step as the scraper did
// (user-defined-area pairs and a lead byte before an invalid trail vanish, 0x80 reads as the euro
// sign), then fold full-width punctuation to ASCII over the whole text.

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace encoding_repair::bench {

/// What a damaged sample looks like and what a perfect repair gives back.
struct DamagedSample {
  std::string damaged;   ///< The text as the broken pipeline produced it (UTF-8).
  std::string expected;  ///< The clean text with the same punctuation folding (UTF-8).
  std::size_t site = 0;  ///< Byte offset of the `?` in `damaged`.
  /// The run the out-of-step decoder read, as a perfect repair replaces it:
  std::size_t run_end = 0;         ///< Where `damaged` is back in step (byte offset).
  std::string run_expected;        ///< What [site, run_end) of `damaged` stands for in `expected`.
  char lost_ascii = 0;             ///< The ASCII byte the run swallowed (the last of run_expected), 0 if none.
  std::size_t dropped_pairs = 0;   ///< User-defined-area pairs that vanished in the run.
  std::size_t longest_drop = 0;    ///< The most of them in a row.
  std::size_t longest_at = 0;      ///< Where that streak starts: its first pair's place among the pairs read out of step (from 1).
};

/// How the simulated decoder treats a lead byte followed by an invalid trail byte (an ASCII byte
/// below 0x40): both vanish, or both become one `?` (what the seed shows: `高地?!?/font>` lost
/// the `<` of `</font>`).
enum class InvalidPair { vanish, question_mark };

/// Folds ，：；！？（） to ASCII, as the damaged pipeline did over the whole text.
std::string fold_fullwidth(std::string_view utf8);

/// Damages @p clean (UTF-8): the lead byte of the @p nth two-byte GBK character (counted from 0)
/// becomes `?`. Returns nothing when @p clean has no GBK encoding or fewer characters.
std::optional<DamagedSample> damage(std::string_view clean, std::size_t nth, InvalidPair invalid = InvalidPair::vanish);

/// Damages @p clean at a random two-byte character drawn from @p rng (never among the first
/// @p margin ones, so the repair has left context).
std::optional<DamagedSample> damage_random(std::string_view clean, std::mt19937& rng, std::size_t margin = 4,
                                           InvalidPair invalid = InvalidPair::vanish);

}  // namespace encoding_repair::bench
