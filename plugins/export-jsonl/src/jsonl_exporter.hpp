#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "docpipe/atomic_file.hpp"
#include "docpipe/document.hpp"

namespace export_jsonl {

/// Appends documents to one JSON Lines file, one compact `docpipe.document/1` object per line.
///
/// Each line is written as soon as its document arrives, so memory does not grow with the run; the
/// lines go to a temporary file that commit() renames over the target, so a reader never sees a half
/// written file and an aborted run leaves the previous file in place.
class JsonlExporter {
 public:
  /// Prepares to write @p target; nothing is created before the first add() or commit().
  explicit JsonlExporter(std::filesystem::path target);

  /// Appends @p doc as one line. A line is complete or absent: it is formatted in memory first.
  void add(const docpipe::Document& doc);

  /// Renames the file into place (an empty file when no document was added). Throws when the file
  /// could not be written.
  void commit();

  /// Number of lines added so far.
  std::size_t lines() const noexcept { return lines_; }

 private:
  std::filesystem::path target_;
  std::unique_ptr<docpipe::AtomicFile> file_;
  std::string line_;
  std::size_t lines_ = 0;
};

}  // namespace export_jsonl
