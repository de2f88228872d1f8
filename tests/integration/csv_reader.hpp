#pragma once
// A strict RFC 4180 reader for checking the CSV export (quoted fields, doubled quotes, CRLF or LF,
// newlines inside quotes, an optional UTF-8 BOM).

#include <string>
#include <vector>

namespace docpipe::test {

/// A parsed CSV file: the header, then the rows.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// Index of column @p name; throws std::out_of_range when absent.
  std::size_t column(const std::string& name) const;
};

/// Parses @p text; throws std::runtime_error on a malformed quote or a row of the wrong width.
CsvTable parse_csv(const std::string& text);

}  // namespace docpipe::test
