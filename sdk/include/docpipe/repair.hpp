#pragma once
/// @file repair.hpp
/// The record of one change a stage made to the text.

#include <cstddef>
#include <string>

#include "docpipe/span.hpp"

namespace docpipe {

/// One change to the text, kept so that every character of Document::text can be traced to the
/// input and every edit explained. Repairs are made with docpipe::TextRewriter (or, by the decoder,
/// while the text is first built), which keeps them consistent with Document::source_map.
struct Repair {
  /// Where the new text stands in Document::text (bytes; empty for a deletion).
  Span span;
  /// Byte offset in Document::raw where the replaced input begins.
  std::size_t source_begin = 0;
  /// Byte offset in Document::raw one past the replaced input.
  std::size_t source_end = 0;
  /// The text that was replaced, as it read before this repair (UTF-8). Bytes that could not be
  /// decoded are written as `\xHH`.
  std::string before;
  /// The text that replaced it (UTF-8; empty for a deletion).
  std::string after;
  /// What kind of change. Documented values: any kind starting with `mojibake` (undoing a wrong
  /// decoding, e.g. `mojibake-lost-byte`, `mojibake-utf8-as-gbk`), `decode-error`, `html`, `escape`
  /// (a `<U+XXXX>` escape read as its character), `control`, `whitespace`, `punctuation`, `script`.
  /// Third-party stages may add kinds of their own.
  std::string kind;
  /// How sure the stage is that the change is right, in [0, 1].
  double confidence = 1.0;
  /// Name of the plugin that made the change (filled by TextRewriter::commit).
  std::string stage;
  /// Free-form reason, for the report (may be empty).
  std::string note;
};

}  // namespace docpipe
