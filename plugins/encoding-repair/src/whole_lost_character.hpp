#pragma once
// GBK read as Big5 by a WHATWG decoder: a lead byte and a non-ASCII trail byte that make no Big5
// character become one U+FFFD for both, so a whole GBK character is lost. It is guessed from its
// neighbours among the GBK characters whose bytes Big5 cannot read.

#include "char_model.hpp"

namespace encoding_repair {

/// The GBK character a U+FFFD standing for both bytes of one reads clearly best as between
/// @p p2 @p p1 and @p n1 @p n2 (trigrams on both sides), or U+FFFD when none reads best by
/// @p margin decades over every other candidate.
char32_t guess_whole_lost_character(char32_t p2, char32_t p1, char32_t n1, char32_t n2,
                                    const CharModel& model, double margin);

}  // namespace encoding_repair
