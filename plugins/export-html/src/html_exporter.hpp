#pragma once
/// @file html_exporter.hpp
/// The export-html stage's work, apart from the plugin glue so tests can drive it.

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "docpipe/document.hpp"
#include "document_page.hpp"
#include "summary_row.hpp"

namespace docpipe::html_export {

/// A file name for the page of document @p id: `exporting::safe_file_stem(id)` (the name every
/// exporter gives a document's files) plus `.html`; a document called `index` is renamed like an
/// unsafe id, since `index.html` is the index.
std::string page_file_name(const std::string& id);

/// Writes one page per document into a folder and, at the end, the index of them all. Keeps only a
/// SummaryRow per document in memory.
class HtmlExporter {
 public:
  /// Pages go to @p folder (created when needed); the index is titled @p index_title.
  HtmlExporter(std::filesystem::path folder, PageOptions options, std::string index_title);

  /// Writes @p doc's page atomically and remembers its row (a document exported again replaces its
  /// row).
  void export_document(const Document& doc);

  /// Writes `index.html` atomically over all rows so far.
  void write_index() const;

  /// The rows so far, in export order.
  const std::vector<SummaryRow>& rows() const noexcept { return rows_; }

 private:
  std::filesystem::path folder_;
  PageOptions options_;
  std::string index_title_;
  std::vector<SummaryRow> rows_;
  std::unordered_map<std::string, std::size_t> row_of_file_;
};

}  // namespace docpipe::html_export
