#pragma once
// Whole-text mix-ups through a decoder that replaced what it rejected: UTF-8 or Big5 read as GBK,
// GBK read as Big5, each rejected byte written as U+FFFD (Python's errors='replace', WHATWG's
// decoders before an ASCII byte). The bytes are recovered where one reading is clearly best.

#include <string_view>
#include <vector>

#include "mixup_repair.hpp"

namespace encoding_repair {

class CharModel;

/// Where a run begins that lost bytes without a U+FFFD (a decoder that dropped what it rejected,
/// Python's errors='ignore').
struct SilentLoss {
  std::size_t at = 0;  ///< Text offset of the run.
  /// Big5 read as GBK, whose leads GBK rejected before an ASCII trail were dropped (`，`, A1 41,
  /// is `A`); else UTF-8 read as GBK.
  bool big5 = false;
};

/// Where the first character at or after @p from in @p text (valid UTF-8) is one only a browser's
/// Big5 decoder writes from GBK bytes, or npos: HKSCS codes it, and neither the Windows-950 table,
/// Python's big5 codec nor GBK has it (ʊ for GBK's 三, ⻌ for 入), nor is it a Latin letter
/// (HKSCS's pinyin Ê): no other mix-up leaves it.
std::size_t next_browser_big5_mark(std::string_view text, std::size_t from);

/// Finds lossy mix-up readings in @p text (valid UTF-8) around its U+FFFD characters, in text
/// order and not overlapping: each U+FFFD stands for one byte the wrong decoder rejected there.
/// Lost bytes no candidate reads clearly best for stay U+FFFD in the reading. The U+FFFD at the
/// offsets @p own (sorted) are the stage's own, written for input bytes it could not decode: no
/// reading starts from them. @p silent (sorted) are where runs begin that lost bytes with no U+FFFD
/// for them: their lines are read too, as UTF-8 read as GBK with a lost byte wherever the bytes
/// break UTF-8 at a character boundary, or as Big5 read as GBK with a lost lead before each ASCII
/// byte 0x40-0x7E that follows a character of the reading.
/// With @p browser_big5 (the text holds characters only a browser's Big5 decoder writes), GBK read
/// as Big5 is read back through that decoder's codes (DoubleByteTable::encode_as_browser()).
/// A stretch that reads only lost bytes (a lone `�C`, Big5's `。` read by Python's gbk) is no
/// evidence of its mix-up: where no other stretch of its region proves that mix-up, it goes to
/// @p unproven (text order, overlapping nothing returned), to be taken only where the text has
/// other readings of that kind.
std::vector<MixupFix> find_lossy_mixup_fixes(std::string_view text, const CharModel& model,
                                             const std::vector<std::size_t>& own,
                                             const std::vector<SilentLoss>& silent, bool browser_big5,
                                             std::vector<MixupFix>& unproven);

}  // namespace encoding_repair
