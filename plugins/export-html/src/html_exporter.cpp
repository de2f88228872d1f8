#include "html_exporter.hpp"

#include <algorithm>

#include "docpipe/atomic_file.hpp"
#include "index_page.hpp"

namespace docpipe::html_export {

std::string page_file_name(const std::string& id) {
  std::string name = id.empty() ? std::string("document") : id;
  for (char& c : name)
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == ':') c = '_';
  if (name[0] == '.') name[0] = '_';
  // index.html belongs to the index.
  if (name == "index") name = "index_";
  return name + ".html";
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
