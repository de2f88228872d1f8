#pragma once
// Step 1 of the stage: the input bytes become UTF-8 text, unit by unit, with an exact source map
// and a `decode-error` repair for every byte that could not be decoded.

#include <stdexcept>
#include <string>
#include <string_view>

#include "docpipe/document.hpp"

namespace encoding_repair {

/// Thrown for input that is not text (NUL bytes and no plausible UTF-16).
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
/// otherwise BinaryInput is thrown naming the first NUL's offset; valid UTF-8 is UTF-8; otherwise
/// GB18030, Big5 and lenient UTF-8 are decoded and the one whose text the character model finds most
/// probable (errors counted against it) wins, with ICU's detector as a tie-breaker.
Detection detect_encoding(std::string_view raw);

/// Decodes @p doc.raw into @p doc.text, @p doc.source_map, @p doc.encoding and `decode-error`
/// repairs in @p doc.repairs (earlier text, map and repairs are replaced). @p forced is `auto` or
/// one of `utf-8`, `gb18030`, `big5`, `utf-16le`, `utf-16be`. @p stage names the plugin in repairs.
void decode_document(docpipe::Document& doc, std::string_view forced, const std::string& stage);

}  // namespace encoding_repair
