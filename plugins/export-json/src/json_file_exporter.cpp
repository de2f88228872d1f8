#include "json_file_exporter.hpp"

#include "docpipe/atomic_file.hpp"
#include "docpipe/export/document_json.hpp"
#include "docpipe/export/file_names.hpp"

namespace export_json {

JsonFileExporter::JsonFileExporter(std::filesystem::path folder, bool pretty)
    : folder_(std::move(folder)), pretty_(pretty) {}

std::filesystem::path JsonFileExporter::write(const docpipe::Document& doc) {
  buffer_.clear();
  docpipe::json::Writer w(buffer_, pretty_);
  docpipe::exporting::write_document_json(w, doc);
  buffer_ += '\n';
  const auto path = folder_ / (docpipe::exporting::safe_file_stem(doc.id) + ".json");
  docpipe::write_file_atomically(path, buffer_);
  return path;
}

}  // namespace export_json
