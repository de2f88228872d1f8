#pragma once
// A whole character lost to a wrong decoder. WHATWG's Big5 decoder writes one U+FFFD for a GBK lead
// and a non-ASCII trail that make no Big5 character; Python's codecs (and ICU's) reject byte by byte,
// so where the trail, read again as a lead before the next byte, is rejected too, two U+FFFD stand
// for the character (Big5's 的, AA BA, read as GBK before `3`). It is guessed from its neighbours
// among the characters whose bytes the wrong decoder cannot read.

#include "char_model.hpp"
#include "double_byte_table.hpp"

namespace encoding_repair {

/// How a character was lost: the encoding it was written in, the decoder that lost it, and what
/// that decoder read next.
struct WholeLoss {
  Legacy right = Legacy::gbk;  ///< The encoding of the text.
  Legacy wrong = Legacy::big5;  ///< The decoder that read it.
  /// The byte after the lost pair when the decoder rejected its bytes one at a time (the trail, read
  /// again as a lead before it, was rejected too); -1 when the decoder dropped both at once, or
  /// when nothing known follows.
  int next = -1;
};

/// The character a U+FFFD standing for both bytes of one (lost as @p loss says) reads clearly best
/// as between @p p2 @p p1 and @p n1 @p n2 (trigrams on both sides), or U+FFFD when none reads best
/// by @p margin decades over every other candidate.
char32_t guess_whole_lost_character(const WholeLoss& loss, char32_t p2, char32_t p1, char32_t n1, char32_t n2,
                                    const CharModel& model, double margin);

}  // namespace encoding_repair
