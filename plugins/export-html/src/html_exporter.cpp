#include "html_exporter.hpp"

#include <algorithm>

#include "docpipe/atomic_file.hpp"
#include "docpipe/export/file_names.hpp"
#include "index_page.hpp"

namespace docpipe::html_export {

std::string page_file_name(const std::string& id) {
  std::string stem = exporting::safe_file_stem(id);
  // index.html belongs to the index; a document called "index" gets the hashed form an unsafe id gets
  // (only an id spelled "./index" could meet it there).
  if (stem == "index") stem = exporting::safe_file_stem("./index");
  return stem + ".html";
}

HtmlExporter::HtmlExporter(std::filesystem::path folder, PageOptions options, std::string index_title)
    : folder_(std::move(folder)), options_(std::move(options)), index_title_(std::move(index_title)) {}

void HtmlExporter::export_document(const Document& doc) {
  const std::string file = page_file_name(doc.id);
  write_file_atomically(folder_ / file, render_document_page(doc, options_));
  SummaryRow row = summarize(doc, file);
  const auto [it, added] = row_of_file_.emplace(file, rows_.size());
  if (added) rows_.push_back(std::move(row));
  else rows_[it->second] = std::move(row);
}

void HtmlExporter::write_index() const {
  write_file_atomically(folder_ / "index.html", render_index_page(rows_, index_title_));
}

}  // namespace docpipe::html_export
