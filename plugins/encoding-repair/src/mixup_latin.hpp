#pragma once
// Reads a run of Latin-1/Windows-1252 characters back as the UTF-8 bytes they were decoded from:
// the whole-text mix-up "UTF-8 read as Windows-1252" in any script, with the bytes a lossy decoder
// replaced by U+FFFD restored where one reading is clearly best.

#include <optional>
#include <string>
#include <string_view>

namespace encoding_repair {

class CharModel;

/// True for characters real text is written in: readings of mix-ups that yield anything else
/// (IPA, Armenian, C1 controls, most of Latin Extended-B, ...) are chance.
bool ordinary_character(char32_t c);

/// The UTF-8 reading of a Latin-1/Windows-1252 run.
struct LatinReading {
  std::string text;        ///< The run read as UTF-8 (U+FFFD where a lost byte stays unknown).
  double confidence = 0;   ///< In [0, 1].
  /// Multi-byte sequences that are evidence of the mix-up; 0 when every one of them could as well
  /// be Latin-1 text as written (`AHÅ™`, `SELKÄ EDELLÄ`): believe such a reading only where the
  /// same document has evidence elsewhere.
  int evidence = 0;
};

/// Reads @p run (valid UTF-8 text whose characters are ASCII, Latin-1, C1 controls, Windows-1252
/// extras or U+FFFD) as the UTF-8 bytes it was decoded from, or nothing when it is not UTF-8 (any
/// lost byte being one of the five Windows-1252 leaves undefined), reads as no multi-byte
/// character, or reads as characters real text is not written in. Reads again while the reading
/// is such a run (text mixed up twice).
/// @p previous is the ASCII character before the run (a space at the start of a line). The model
/// chooses between the readings of a lost byte.
std::optional<LatinReading> read_latin_run_as_utf8(std::string_view run, char previous, const CharModel& model);

}  // namespace encoding_repair
