#include "csv_exporter.hpp"

#include <stdexcept>

#include "csv_field.hpp"
#include "docpipe/export/text_offsets.hpp"

namespace export_csv {

namespace ex = docpipe::exporting;

std::string csv_file_name(ex::Table t) {
  if (t == ex::Table::glossary_entries) return "glossary.csv";
  return std::string(ex::table_name(t)) + ".csv";
}

CsvExporter::CsvExporter(std::filesystem::path folder, CsvOptions options)
    : folder_(std::move(folder)), options_(options) {
  const ex::TableOptions shape{options_.include_text};
  for (std::size_t i = 0; i < table_count; ++i) {
    const ex::Table t = ex::all_tables[i];
    files_[i] = std::make_unique<docpipe::AtomicFile>(folder_ / csv_file_name(t));
    buffer_.clear();
    if (options_.bom) buffer_ += "\xEF\xBB\xBF";
    const auto columns = ex::table_columns(t, shape);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c) buffer_ += ',';
      append_field(buffer_, columns[c].name);
    }
    buffer_ += "\r\n";
    files_[i]->write(buffer_);
  }
}

void CsvExporter::add(const docpipe::Document& doc) {
  const ex::TableOptions shape{options_.include_text};
  const ex::TextOffsets at(doc.text);
  for (std::size_t i = 0; i < table_count; ++i) {
    buffer_.clear();
    ex::for_each_row(ex::all_tables[i], doc, at, shape,
                     [&](std::span<const ex::Cell> row) { append_record(buffer_, row); });
    files_[i]->write(buffer_);
    if (!files_[i]->stream()) throw std::runtime_error("error while writing " + files_[i]->target().string());
  }
}

void CsvExporter::commit() {
  for (auto& f : files_) {
    if (!f) continue;
    f->commit();
    f.reset();
  }
}

}  // namespace export_csv
