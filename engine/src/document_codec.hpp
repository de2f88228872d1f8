#pragma once
// A compact binary form of a whole Document, used where documents cross a process boundary (the
// --isolate workers) and for the checkpoints a resumed run or `docpipe merge` replays.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe::engine {

/// Bytes that are not a document in the codec's format (truncated, wrong version, bad lengths).
class DocumentCodecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Every field of @p doc, layers and source map included, as bytes that decode_document() turns back
/// into an equal document. The format starts with a magic and a version number.
std::string encode_document(const Document& doc);

/// Appends the encode_document() bytes of @p doc to @p out (a checkpoint puts its header first
/// without copying the document's bytes again).
void append_encoded_document(std::string& out, const Document& doc);

/// The encode_document() bytes of @p doc as consecutive pieces, for writing without a copy of the
/// document (writev): the small fields are gathered in @p scratch, which the pieces view, and strings
/// longer than a few kilobytes (the raw bytes, the text) are viewed where they are in @p doc. The
/// views are valid while @p doc and @p scratch are unchanged.
std::vector<std::string_view> encode_document_pieces(const Document& doc, std::string& scratch);

/// The document encoded in @p bytes. Throws DocumentCodecError for anything encode_document() did not
/// produce; never reads out of bounds.
Document decode_document(std::string_view bytes);

}  // namespace docpipe::engine
