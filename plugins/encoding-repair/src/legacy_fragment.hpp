#pragma once
// A word or two in GB18030 or Big5 bytes inside UTF-8 text: a page stitched from two encodings
// where the legacy part is too short for the decoder's evidence (decoder.hpp reads a legacy part
// of four or more characters). Such a fragment does not always leave U+FFFD behind: a legacy pair
// whose lead is C2-DF and trail 80-BF is a well-formed two-byte UTF-8 sequence, so the decoder
// writes a letter of another script for it (业 in GBK, D2 B5, is Cyrillic ҵ; 农业 is ũҵ; 企业 is
// two U+FFFD and ҵ). About one GB2312 character in seven is such a pair, 业 among them. The pass
// reads runs of U+FFFD (the decoder's) and two-byte letters next to Han characters as GB18030 and
// as Big5, and lets the character model choose between those readings and the text as it is.

#include <cstddef>
#include <string>
#include <vector>

#include "char_model.hpp"
#include "docpipe/document.hpp"

namespace encoding_repair {

/// One fragment read back.
struct LegacyFragmentFix {
  std::size_t begin = 0;   ///< Text span replaced: the fragment's U+FFFD and two-byte letters.
  std::size_t end = 0;
  std::string after;       ///< The fragment read in its legacy encoding.
  double confidence = 0;   ///< Share of this reading among the readings scored (0..1).
  std::string note;        ///< Which encoding and which input bytes.
};

/// The legacy fragments of @p doc with U+FFFD in them, which must have been decoded with UTF-8 as
/// its main encoding (its text is its input but for a U+FFFD per byte the decoder rejected, each a
/// `decode-error` repair, and any part the decoder read in another encoding). A fragment is a run
/// of such U+FFFD, of characters U+0080-U+07FF (two-byte sequences), of an ASCII byte 40-7E where
/// the run so far holds a lead without its trail, and of private-use characters (three bytes a pair
/// and the next lead make) after one of those, with a Han character right before or after it and no
/// ASCII letter beside it, whose input bytes read whole as GB18030 or Big5 characters the model knows. It is reported when that reading reads as words (its
/// characters' mean log10 probability given the two before each at least -4.5: UTF-8 broken by stray
/// bytes reads about -6 to -9) and is the most probable, with two characters of context either
/// side, over the text as it is and over the other legacy reading. Runs of at most four U+FFFD and
/// nothing else are left to the UTF-8 leftover pass (utf8_lost_byte.hpp), which also weighs one
/// lost byte. In text order, without overlaps.
std::vector<LegacyFragmentFix> find_legacy_fragment_fixes(const docpipe::Document& doc, const CharModel& model);

/// The legacy fragments of @p doc made of letters alone (no U+FFFD), where the text is still the
/// input's bytes: for after the mix-up pass, since a wrong decoder upstream also writes Greek and
/// Cyrillic letters beside Han characters (Big5 read as GBK), which that pass reads back whole. The
/// letters may also be what they look like (α粒子, a foreign name), so a run must hold letters and
/// marks only (not ·, ×, °), stand beside no U+FFFD (then it is part of broken bytes), and read at
/// least 10^kLetterMargin more probably than the letters, besides what find_legacy_fragment_fixes()
/// asks.
std::vector<LegacyFragmentFix> find_legacy_letter_fixes(const docpipe::Document& doc, const CharModel& model);

/// How many decades a reading of a run with no U+FFFD must beat the letters as they stand by.
inline constexpr double kLetterMargin = 3.0;

}  // namespace encoding_repair
