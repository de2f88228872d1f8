#pragma once
// UTF-8 that lost one byte of a character, or had one replaced by '?': a scraper that wrote '?' for
// a byte it could not carry, a copy cut in the middle of a sequence, a byte dropped in transfer. The
// decoder writes a U+FFFD for each byte left over, so one character becomes two or three U+FFFD
// (and the '?'). Putting one byte back (or giving the '?' its byte back) makes a whole character
// again; the character model chooses which, from the characters on both sides. The same bytes read
// as GB18030 or Big5 compete too: a lone legacy character inside UTF-8 (a page stitched from two
// encodings) also leaves two leftover bytes, which one byte more might turn into a wrong character.

#include <cstddef>
#include <string>
#include <vector>

#include "char_model.hpp"
#include "docpipe/document.hpp"

namespace encoding_repair {

/// One damaged character read back.
struct Utf8ByteFix {
  std::size_t begin = 0;    ///< Text span replaced: the U+FFFD of the leftover bytes and any '?'
  std::size_t end = 0;      ///< among, right before or right after them.
  std::string after;        ///< The character(s) read back (the '?' kept where it was real).
  std::string kind;         ///< `mojibake-utf8-lost-byte`, or `mojibake-mixed-encoding` for a legacy reading.
  double confidence = 0;    ///< Share of the best reading among all one-byte readings (0..1).
  std::string note;         ///< Which byte was put back where, in the input's bytes.
};

/// The readings of every run of U+FFFD that @p doc's decoder wrote for leftover UTF-8 bytes (its
/// `decode-error` repairs, one input byte each) that one byte makes whole: a byte inserted anywhere
/// in the run, or a '?' in it or right before or after it replaced; or the run read as GB18030 or
/// Big5, where those read it whole. Runs of more than four leftover bytes,
/// and runs no single byte makes valid UTF-8 of known characters (Latin-1 in UTF-8, binary), get
/// no fix. In text order, without overlaps. @p doc must have been decoded as UTF-8 throughout.
std::vector<Utf8ByteFix> find_utf8_lost_byte_fixes(const docpipe::Document& doc, const CharModel& model);

}  // namespace encoding_repair
