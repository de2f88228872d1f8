#pragma once

#include <filesystem>

#include "docpipe/document.hpp"

namespace export_json {

/// Writes each document as its own `docpipe.document/1` file, `<folder>/<id>.json`.
class JsonFileExporter {
 public:
  /// Files go below @p folder (created on first use); @p pretty indents them for people.
  JsonFileExporter(std::filesystem::path folder, bool pretty);

  /// Writes @p doc atomically (temp file + rename) and returns the file's path. The name is the
  /// id itself when that is a safe file name, else a sanitized form (docpipe::exporting::safe_file_stem).
  std::filesystem::path write(const docpipe::Document& doc);

 private:
  std::filesystem::path folder_;
  bool pretty_;
  std::string buffer_;  // reused across documents so a worker allocates once
};

}  // namespace export_json
