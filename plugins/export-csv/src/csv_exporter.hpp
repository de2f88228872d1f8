#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <string>

#include "docpipe/atomic_file.hpp"
#include "docpipe/document.hpp"
#include "docpipe/export/tables.hpp"

namespace export_csv {

/// What the CSV exporter writes and how.
struct CsvOptions {
  bool bom = false;           ///< Start each file with a UTF-8 byte order mark (Excel needs it to read UTF-8).
  bool include_text = false;  ///< Add the full text as the last column of documents.csv.
};

/// The CSV file name of table @p t: the table name plus `.csv`, except `glossary_entries`, which
/// is `glossary.csv` (the name the export promises).
std::string csv_file_name(docpipe::exporting::Table t);

/// Writes the `docpipe.tables/1` tables as one CSV file per table in one folder, a header row
/// first, then one row per item with its document id.
///
/// Rows are written as each document arrives (memory does not grow with the run) to temporary
/// files that commit() renames into place, so readers never see half a run.
class CsvExporter {
 public:
  /// Opens the temporary files below @p folder and writes their headers.
  CsvExporter(std::filesystem::path folder, CsvOptions options);

  /// Appends @p doc's rows to every table. Each table gets the document's rows in one write.
  void add(const docpipe::Document& doc);

  /// Renames every file into place. Throws when a file could not be written.
  void commit();

 private:
  static constexpr std::size_t table_count = docpipe::exporting::all_tables.size();
  std::filesystem::path folder_;
  CsvOptions options_;
  std::array<std::unique_ptr<docpipe::AtomicFile>, table_count> files_;
  std::string buffer_;
};

}  // namespace export_csv
