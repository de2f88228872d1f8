#pragma once
// Step 1 of the stage: the input bytes become UTF-8 text, unit by unit, with an exact source map
// and a `decode-error` repair for every byte that could not be decoded.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.hpp"
#include "nul_bytes.hpp"

namespace encoding_repair {

/// Thrown for input that is not text (NUL bytes, no plausible UTF-16, and no text around them).
class BinaryInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The outcome of encoding detection.
struct Detection {
  std::string name;         ///< `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030` or `Big5`.
  double confidence = 0;    ///< In [0, 1].
  std::size_t bom = 0;      ///< Length of the byte order mark, 0 when none.
  std::string evidence;     ///< Why, in a few words (for the diagnostics).
};

/// Names the encoding of @p raw: a BOM decides; NUL bytes mean UTF-16 when their pattern says so,
/// else text with stray NULs when the bytes around them are text (inspect_nul_bytes(), the NULs
/// then read as U+0000), else BinaryInput is thrown naming the first NUL's offset; valid UTF-8 is UTF-8; otherwise
/// GB18030, Big5 and lenient UTF-8 are decoded and the one whose text the character model finds most
/// probable (errors counted against it) wins, with ICU's detector as a tie-breaker.
Detection detect_encoding(std::string_view raw);

/// What decode_document read besides the document's encoding.
struct DecodeOutcome {
  /// The second encoding of an input that mixes UTF-8 with GB18030 or Big5 (stitched pages), empty
  /// when the input is in one encoding.
  std::string other;
  /// How many stretches were read in `other`, each a `mojibake-mixed-encoding` repair.
  std::size_t stretches = 0;
  /// The runs of NUL bytes left out of the text (each a `control` repair), in input order; empty
  /// for input without them and for UTF-16, whose code units hold zero bytes.
  std::vector<NulRun> nul_runs;
};

/// Decodes @p doc.raw into @p doc.text, @p doc.source_map, @p doc.encoding and `decode-error`
/// repairs in @p doc.repairs (earlier text, map and repairs are replaced). @p forced is `auto` or
/// one of `utf-8`, `gb18030`, `big5`, `utf-16le`, `utf-16be`. @p stage names the plugin in repairs.
///
/// Mixed input (detected, not forced): when the bytes are not UTF-8 as a whole but hold well-formed
/// UTF-8 stretches with enough CJK sequences to be UTF-8 by evidence (find_utf8_stretches), and the
/// parts between them read as GB18030 or Big5 by evidence, each part is decoded in its own
/// encoding. The document's encoding is the one of most non-ASCII bytes; each part read in the other
/// is a `mojibake-mixed-encoding` repair over its exact source bytes (before: what the document's
/// encoding reads there). Parts that are only stray bytes stay decode errors.
DecodeOutcome decode_document(docpipe::Document& doc, std::string_view forced, const std::string& stage);

/// True when @p r is one of decode_document()'s `decode-error` repairs for a single input byte and
/// its U+FFFD still stands in @p doc's text: a byte the decoder rejected, known and not yet read.
bool is_rejected_byte(const docpipe::Document& doc, const docpipe::Repair& r) noexcept;

}  // namespace encoding_repair
