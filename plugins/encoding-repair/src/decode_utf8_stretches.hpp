#pragma once
// Evidence of UTF-8 inside bytes that are not UTF-8 as a whole: pages stitched together from copies
// in different encodings keep each paragraph in its own encoding.

#include <cstddef>
#include <string_view>
#include <vector>

namespace encoding_repair {

/// A stretch of the input that is well-formed UTF-8: it begins at the lead byte of a multi-byte
/// sequence and ends after a complete one (the ASCII around it reads the same in every encoding).
struct Utf8Stretch {
  std::size_t begin = 0;  ///< Offset of the first multi-byte sequence's lead byte.
  std::size_t end = 0;    ///< Offset one past the last multi-byte sequence.
  std::size_t long_sequences = 0;  ///< Three- and four-byte sequences inside (the CJK characters).
};

/// Fewest three- or four-byte sequences that make a well-formed stretch UTF-8 by evidence. GBK and
/// Big5 pairs line up into them only by chance: over the 714 GBK and Big5 copies of the benchmark
/// corpus (27 MB) the longest chance stretch holds 3 of them (2 stretches in GBK, 6 in Big5; 2 of
/// them: about a thousand), each further one about a hundred times rarer. Two-byte sequences are
/// no evidence: a tenth of all GBK characters are one.
inline constexpr std::size_t kMinUtf8Evidence = 6;

/// The well-formed UTF-8 stretches of @p raw with at least @p min_long three- or four-byte
/// sequences, two three-byte ones in a row among them (what lets the search skip 32 bytes a step
/// where there are none), in order. A stretch is as long as the bytes stay well-formed, read from left to
/// right; it may take in a few neighbouring bytes of another encoding that happen to be
/// well-formed too (the caller decides those edges).
std::vector<Utf8Stretch> find_utf8_stretches(std::string_view raw, std::size_t min_long = kMinUtf8Evidence);

}  // namespace encoding_repair
