#pragma once
// Repairs the classic whole-run mix-ups: text decoded with the wrong codec and written out again
// as UTF-8 — UTF-8 read as GBK (鍦ㄥ寳浜), GBK read as Windows-1252/Latin-1 (ÕþžªÄ), UTF-8 read as
// Windows-1252/Latin-1 (æ”¿åºœ), Big5 read as GBK and GBK read as Big5.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace encoding_repair {

class CharModel;

/// One repaired run.
struct MixupFix {
  std::size_t begin = 0;  ///< First byte of the run in the text.
  std::size_t end = 0;    ///< One past its last byte.
  std::string after;      ///< The run decoded with the right codec.
  std::string kind;       ///< `mojibake-utf8-as-gbk`, `mojibake-gbk-as-latin1`, ...
  double confidence = 0;  ///< In [0, 1].
  /// True for a UTF-8-as-GBK run read back through two or three mix-ups: no lossy reading around a
  /// U+FFFD next to it (which reads one mix-up) replaces it.
  bool reread = false;
};

/// Finds mix-up runs in @p text (valid UTF-8), in order and not overlapping. Latin-1 runs are found by their
/// characters (U+0080..U+00FF and the Windows-1252 extras next to them); CJK runs are examined
/// only when their characters are rare under @p model, so clean prose costs a table lookup per
/// character.
/// The U+FFFD at the offsets @p own_replacements (sorted) are the stage's own, written where it could
/// not decode an input byte: that byte is known (a decode-error repair), so no lossy reading starts
/// from them and no reading covers one.
std::vector<MixupFix> find_mixup_fixes(std::string_view text, const CharModel& model,
                                       const std::vector<std::size_t>& own_replacements = {});

/// Joins the fixes of @p fixes (text order, no overlaps) that read one stretch of @p text, so that a
/// mix-up is recorded run by run rather than character by character (the lossy readings come in
/// pieces, each character a fix, so that a lost-byte run can take the pieces it overlaps): same
/// kind, both at least @p min_confidence, the next beginning where the previous ends or after at
/// most 24 bytes of unchanged text on the same line, which the joined fix keeps as it is, and no
/// offset of @p apart (sorted: where other fixes begin) in between. A joined fix has the lower
/// confidence of its pieces.
void join_mixup_pieces(std::vector<MixupFix>& fixes, std::string_view text, double min_confidence,
                       const std::vector<std::size_t>& apart);

}  // namespace encoding_repair
