#include "docpipe/testkit/documents.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "docpipe/utf8.hpp"

namespace docpipe::testkit {

Document document_from_bytes(std::string raw, std::string id, std::string source) {
  Document doc;
  doc.id = std::move(id);
  doc.source = std::move(source);
  doc.raw = std::move(raw);
  // Mirrors the engine's batch runner: only valid UTF-8 gets a text before the repair stages.
  if (utf8::is_valid(doc.raw)) {
    doc.text = doc.raw;
    doc.encoding = {"UTF-8", 1.0, false};
    doc.source_map = SourceMap::identity(doc.raw.size());
  }
  return doc;
}

Document document_from_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return document_from_bytes(bytes.str(), file.stem().string(), file.string());
}

std::string span_text(const Document& doc, const Span& span) { return std::string(span.of(doc.text)); }

}  // namespace docpipe::testkit
