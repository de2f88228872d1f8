#pragma once
// Scores the stage on one mixed-up text against the clean text it came from: both go through the
// whole stage (Repairer, default settings), so the documented cleaning (no-break spaces, control
// characters, ...) is applied alike to what we expect and what we get, and only repairs differ.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "docpipe/document.hpp"

namespace encoding_repair {
class Repairer;
}

namespace encoding_repair::bench {

/// The stage's result on @p raw (input bytes).
docpipe::Document run_stage(Repairer& stage, std::string raw);

/// Levenshtein distance of @p a and @p b in code points. Texts with as many lines are compared line
/// by line (the mix-ups keep every line break, so this is the distance unless a repair moves one);
/// otherwise the whole texts, and when those are too long to compare (over 8000 code points each
/// once a common prefix and suffix are set aside) the longer length, an upper bound.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Code points in @p text.
std::size_t code_points(std::string_view text);

/// How the stage did on one mixed-up text.
struct MixupOutcome {
  bool exact = false;            ///< The repaired text is the clean text's stage output, byte for byte.
  double restored = 0;           ///< max(0, 1 - distance / code points of the damaged part's clean text).
  bool changed_outside = false;  ///< Partial damage only: a clean line came out different.
  bool repaired = false;         ///< The stage made at least one mojibake-* repair.
};

/// Runs the stage on @p clean and on @p damaged and compares. @p line: the one damaged line (from 0)
/// for partial damage, nothing for whole-text damage.
MixupOutcome score_mixup(Repairer& stage, const std::string& clean, const std::string& damaged, std::optional<std::size_t> line);

/// As above with the stage's text for the clean text already at hand (@p want), to score many
/// damaged copies of one text.
MixupOutcome score_mixup_against(Repairer& stage, const std::string& want, const std::string& damaged, std::optional<std::size_t> line);

/// True when the stage made a repair of a kind starting with `mojibake` or `decode-error`: on clean
/// text, a false repair.
bool has_mojibake_repair(const docpipe::Document& doc);

}  // namespace encoding_repair::bench
