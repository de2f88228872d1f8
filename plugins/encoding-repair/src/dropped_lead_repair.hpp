#pragma once
// Lost lead bytes that left no mark: GBK text decoded in chunks that each dropped an incomplete last
// character (Python's `bytes.decode('gbk', 'ignore')` on fixed-size blocks, a stream reader that
// skips what it cannot finish) loses a lead byte at a cut, and the next chunk starts on that
// character's trail byte, out of step, until an ASCII byte. The text is then the seed's damage
// without its `?`. In traditional text the run ends within a few characters at a trail byte from
// 0x40 that the decoder read as ASCII, a letter glued between two non-ASCII characters (`餁v史`);
// a `?` is supposed at each of the ten characters before such a letter (and right before the
// letter), a quick shift of the bytes by one must read better than the text as is, and the
// lost-lead-byte search (lost_byte_repair.hpp) reads the run from there. The reading is kept only
// when it beats the text as it is (no `?`) by far. Simplified text (GB2312 trail bytes are never
// ASCII) leaves no such letter: its runs are not looked for.

#include <functional>
#include <string_view>
#include <vector>

#include "lost_byte_repair.hpp"

namespace encoding_repair {

class CharModel;

/// Readings of runs that look read out of step with no `?` before them, in text order, none
/// overlapping another or any of @p taken (the `?` and U+FFFD runs already read, in text order).
/// Each fix's span starts at the first character read out of step (no `?` in it); its gain is
/// log10 over the text as is, at least @p min_gain.
/// @p options gives the search's options, asked only where some stretch looks read out of step
/// (the punctuation style is a scan of the whole text).
std::vector<LostByteFix> find_dropped_lead_fixes(std::string_view text, const CharModel& model,
                                                 const std::function<const LostByteOptions&()>& options,
                                                 const std::vector<LostByteFix>& taken, double min_gain = 4.0);

}  // namespace encoding_repair
