#pragma once
// The documents of a run: files, folders, standard input and JSON Lines files, read one at a time.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace docpipe::engine {

/// One document's input. When `error` is set the document could not be read and is recorded as
/// failed (stage "input").
struct InputItem {
  std::string id;       ///< Document id (see InputSource).
  std::string source;   ///< Path, `-`, or `FILE.jsonl:LINE`.
  std::string raw;      ///< The bytes.
  std::string error;    ///< Why it could not be read, or empty.
};

/// An INPUT argument that does not exist or cannot be used (a usage error: exit code 2).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Enumerates the documents named by the command line and hands them out one by one, from any thread.
///
/// - A file is one document; its id is its name without extension.
/// - A folder is searched recursively for `.txt`, `.md`, `.htm`, `.html` files, in sorted order; an id
///   is the path below the folder without extension, folders joined with `__` (`2024/hebei.txt` gives
///   `2024__hebei`).
/// - `-` is standard input, id `stdin`.
/// - A `.jsonl` file holds one document per line, `{"id": "...", "text": "..."}`; a line without an
///   id gets `<file stem>-<line number>`. A line that is not such an object fails as a document.
/// Only one document's bytes are in memory per call; files above the size limit are not read.
class InputSource {
 public:
  /// Expands @p args. Throws InputError for a path that does not exist.
  InputSource(const std::vector<std::string>& args, std::uint64_t max_bytes);
  ~InputSource();

  /// The next document, or nothing at the end. Thread-safe.
  std::optional<InputItem> next();

  /// Number of documents (JSON Lines files are counted by lines up front), less the files the filter
  /// leaves out.
  std::size_t total() const noexcept { return total_; }

  /// Keeps only the files and standard input whose id passes @p keep, deciding before their bytes are
  /// read (a shard of a large corpus then reads only its own files). JSON Lines records carry their id
  /// inside, so they are read and left to the caller. Call before the first next().
  void set_filter(std::function<bool(const std::string& id)> keep);

  /// Number of inputs the filter left out so far.
  std::size_t filtered_out() const noexcept { return filtered_out_; }

 private:
  struct Unit {
    enum Kind { file, stdin_, jsonl } kind;
    std::filesystem::path path;
    std::string id;
  };
  std::optional<InputItem> read_unit(const Unit& unit);
  // Under the lock: the next JSON Lines record or standard input, or (in @p file) the next file to
  // read once the lock is released.
  std::optional<InputItem> next_locked(const Unit*& file);
  std::optional<InputItem> next_jsonl_line();

  std::vector<Unit> units_;
  std::function<bool(const std::string&)> keep_;
  std::size_t filtered_out_ = 0;
  std::size_t next_unit_ = 0;
  std::size_t total_ = 0;
  std::uint64_t max_bytes_;
  std::mutex mutex_;
  // The JSON Lines file being read, if any.
  std::unique_ptr<std::ifstream> jsonl_;
  const Unit* jsonl_unit_ = nullptr;
  std::size_t jsonl_line_ = 0;
};

/// Reads a whole file, or returns an error message naming it (missing, unreadable, over @p max_bytes).
std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes, std::string& error);

}  // namespace docpipe::engine
