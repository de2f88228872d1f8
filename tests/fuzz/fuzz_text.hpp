#pragma once
// Turns fuzzer bytes into what the analysis stages expect: a Document whose text is valid UTF-8 (the
// engine guarantees it after decoding), invalid bytes replaced by U+FFFD, with an identity-shaped map.

#include <cstddef>
#include <cstdint>
#include <string>

#include "docpipe/document.hpp"
#include "docpipe/utf8.hpp"

namespace docpipe::fuzz {

inline Document document_from(const std::uint8_t* data, std::size_t size) {
  Document doc;
  doc.id = "fuzz";
  doc.raw.assign(reinterpret_cast<const char*>(data), size);
  std::size_t pos = 0;
  while (pos < doc.raw.size()) {
    const std::size_t start = pos;
    const std::string encoded = utf8::encode(utf8::next(doc.raw, pos));
    doc.text += encoded;
    doc.source_map.append(encoded.size(), pos - start);
  }
  doc.encoding = {"UTF-8", 1.0, false};
  return doc;
}

}  // namespace docpipe::fuzz
