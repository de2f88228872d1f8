#pragma once
/// @file testkit/documents.hpp
/// Documents as the engine hands them to the first stage.

#include <filesystem>
#include <string>

#include "docpipe/document.hpp"

namespace docpipe::testkit {

/// The document the engine builds from input bytes @p raw: `raw` set, and when the bytes are valid
/// UTF-8, `text = raw`, encoding `UTF-8` (confidence 1) and the identity source map. Invalid UTF-8
/// is left for an encoding-repair stage: empty text, empty encoding, empty source map.
Document document_from_bytes(std::string raw, std::string id = "test", std::string source = "test");

/// document_from_bytes() over the contents of @p file, with the engine's id (the file stem) and
/// source (the path). Throws std::runtime_error when the file cannot be read.
Document document_from_file(const std::filesystem::path& file);

/// The text of @p span in @p doc (empty when the span does not lie inside the text).
std::string span_text(const Document& doc, const Span& span);

}  // namespace docpipe::testkit
