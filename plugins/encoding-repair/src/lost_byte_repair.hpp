#pragma once
// Repairs lost-lead-byte mojibake: GBK text in which one character's lead byte became `?` (or
// U+FFFD), so that a decoder read the following bytes out of step until an ASCII byte resynchronized
// it, dropping user-defined-area pairs on the way.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "double_byte_table.hpp"

namespace encoding_repair {

class CharModel;

/// One proposed repair of a damaged run.
struct LostByteFix {
  std::size_t begin = 0;   ///< First byte of the damaged run in the text (the `?` or U+FFFD).
  std::size_t end = 0;     ///< One past its last byte.
  std::string after;       ///< The realigned reading.
  /// log10 of how much more probable the reading is than the text as is, or than the text with its
  /// `?` read as characters a page's encoding lacked (`?安新区` for 雄安新区; that damage costs as
  /// much as an ASCII byte dropped with a lead byte), whichever is more probable.
  double gain = 0;
  double confidence = 0;   ///< In [0, 1], from the gain.
  std::string note;        ///< How the run ended and which pairs were restored.
  /// Bytes after `end` that are the rest of an HTML tag whose `<` the damage swallowed (`/font>`):
  /// markup to delete, 0 when none.
  std::size_t tag_rest = 0;
  /// True when the run swallowed an ASCII byte the model takes for a digit that the figure after
  /// the run does not name (only a year, 100% or October does): that number has lost a digit.
  bool lost_digit = false;
};

/// A byte the decoder could not decode, written as U+FFFD at text offset @p at (a `decode-error`
/// repair). In GBK bytes read out of step by this stage's own decoder, a run ends at the first lead
/// byte followed by an invalid trail (an ASCII byte below 0x40): the decoder writes U+FFFD for the
/// lead and keeps the ASCII byte, so the run's last character is the byte before the U+FFFD and this
/// one.
struct RejectedByte {
  std::size_t at = 0;      ///< Text offset of the U+FFFD.
  unsigned char byte = 0;  ///< The input byte it stands for.
};

/// Options of the search.
struct LostByteOptions {
  /// Fold the full-width punctuation of readings to ASCII (as the damaged text around them was).
  bool fold_punctuation = true;
  /// Smallest gain (log10) worth proposing at all.
  double min_gain = 2.0;
  /// The U+FFFD of the text that stand for bytes the decoder rejected, in text order: a run may end
  /// on one (empty for text decoded elsewhere, such as the seed, whose decoder dropped such bytes).
  std::vector<RejectedByte> rejected;
  /// The encoding the text was read out of step in: GBK (the seed, and GB18030 input) or Big5 (Big5
  /// input, which this stage's decoder read out of step itself).
  Legacy legacy = Legacy::gbk;
  /// Text offsets (sorted) of the U+FFFD that stand for a lead byte whose trail became `?`
  /// (legacy_lost_trail.hpp): neither it nor that `?` is a lost lead byte, so no run starts there.
  std::vector<std::size_t> known_leads;
};

/// Finds damaged runs in @p text (UTF-8) and returns the best reading of each, in text order, not
/// overlapping. Only runs starting at `?` or U+FFFD are examined, so clean text costs a byte scan,
/// and only where a Han character lies within 32 characters (the damage is Chinese read out of step).
std::vector<LostByteFix> find_lost_byte_fixes(std::string_view text, const CharModel& model,
                                              const LostByteOptions& options = {});

/// Finds the best reading of the one run starting at @p begin (a `?` or U+FFFD), as
/// find_lost_byte_fixes() would; false when none beats the text as is by options.min_gain.
bool find_lost_byte_fix_at(std::string_view text, std::size_t begin, const CharModel& model, LostByteFix& fix,
                           const LostByteOptions& options = {});

/// A reading of one damaged run, to be scored by lost_byte_reading_gain().
struct LostByteReading {
  std::size_t begin = 0;     ///< The `?` or U+FFFD that starts the run.
  std::size_t end = 0;       ///< Where the text as is resumes after the run.
  std::string after;         ///< The reading (UTF-8), without an ASCII byte the run swallowed.
  int dropped_pairs = 0;     ///< User-defined-area pairs the reading restores.
};

/// The gain (log10 over the text as is) the search's own scoring gives @p reading, whether or not
/// the search reaches it; NaN when no way the search ends a run ends it so (e.g. a letter swallowed
/// by a dropped pair). Diagnostics: a reading that scores above the search's choice was lost by the
/// search, one below it by the model.
double lost_byte_reading_gain(std::string_view text, const CharModel& model, const LostByteReading& reading,
                              const LostByteOptions& options = {});

/// The confidence given to a reading @p gain (log10) more probable than the text as is.
double confidence_from_gain(double gain) noexcept;

/// True when @p text writes its punctuation mostly as folded ASCII (`,` between Chinese characters)
/// rather than full width (`，`).
bool punctuation_is_folded(std::string_view text) noexcept;

}  // namespace encoding_repair
