#include "jsonl_exporter.hpp"

#include <stdexcept>

#include "docpipe/export/document_json.hpp"

namespace export_jsonl {

JsonlExporter::JsonlExporter(std::filesystem::path target) : target_(std::move(target)) {}

void JsonlExporter::add(const docpipe::Document& doc) {
  line_.clear();
  docpipe::json::Writer w(line_, false);
  docpipe::exporting::write_document_json(w, doc);
  line_ += '\n';
  if (!file_) file_ = std::make_unique<docpipe::AtomicFile>(target_);
  file_->write(line_);
  if (!file_->stream()) throw std::runtime_error("error while writing " + target_.string());
  ++lines_;
}

void JsonlExporter::commit() {
  if (!file_) file_ = std::make_unique<docpipe::AtomicFile>(target_);
  file_->commit();
  file_.reset();
}

}  // namespace export_jsonl
