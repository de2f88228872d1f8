#pragma once
// NUL bytes in an input that is text: a scraped page cut from a fixed-size buffer, a download
// preallocated with zeros, a C string's terminator written out with it. Such a file is not binary,
// and failing it would lose the whole report for a few bytes that carry nothing. The decoder reads
// the input as if its NUL bytes were not there (a NUL inside a character, GBK or UTF-8, would
// otherwise throw the rest of the line out of step), then maps every offset back to the input and
// records each run of NULs as a `control` repair.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.hpp"

namespace encoding_repair {

/// What the NUL bytes of an input look like.
struct NulBytes {
  std::size_t count = 0;  ///< NUL bytes in the input.
  std::size_t first = 0;  ///< Byte offset of the first one (meaningful when count > 0).
  std::size_t runs = 0;   ///< Maximal runs of consecutive NUL bytes.
  /// True when the bytes around the NULs are text: no more than one in a hundred of them is a C0
  /// control other than TAB, LF, VT, FF, CR and ESC (compressed or machine data has about one in
  /// eight), and the NULs come in few runs (at most 4 + one per 64 other bytes): padding and stray
  /// terminators, not the zero bytes of every code unit of UTF-16 or UTF-32 or of binary records.
  bool in_text = false;
};

/// Counts and classifies the NUL bytes of @p raw (one pass; call it only when @p raw holds one).
NulBytes inspect_nul_bytes(std::string_view raw) noexcept;

/// One run of NUL bytes taken out of an input.
struct NulRun {
  std::size_t source_begin = 0;  ///< Offset of its first NUL in the input.
  std::size_t length = 0;        ///< NUL bytes in the run.
  std::size_t kept_before = 0;   ///< Bytes of the input without NULs before it.
};

/// @p raw without its NUL bytes; @p runs receives where they were, in input order.
std::string without_nul_bytes(std::string_view raw, std::vector<NulRun>& runs);

/// Maps @p doc, decoded from its input without the NUL bytes @p runs lists, back to its input
/// (@p doc.raw must be the whole input again): the source map's units and the repairs' source
/// offsets move past the NULs before them; a run between two units becomes a unit of its own
/// (source bytes with no text), one inside a unit (between the bytes of one character) joins that
/// unit. Each run is a `control` repair (before: its bytes as `\x00`, after: nothing; an empty span
/// at the character boundary at or after the text it follows; by @p stage), placed among the repairs
/// in input order.
void restore_nul_bytes(docpipe::Document& doc, const std::vector<NulRun>& runs, const std::string& stage);

}  // namespace encoding_repair
