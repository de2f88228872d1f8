#pragma once
// Helpers shared by the export tests: code point slicing (what a Python user does with the export)
// and scratch folders that are removed when the test program exits.

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "docpipe/utf8.hpp"

namespace test_support {

/// @p text decoded into code points.
inline std::u32string code_points(const std::string& text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out += docpipe::utf8::next(text, pos);
  return out;
}

/// Python's text[begin:end], re-encoded as UTF-8.
inline std::string slice(const std::u32string& cps, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end && i < cps.size(); ++i) docpipe::utf8::append(out, cps[i]);
  return out;
}

/// The folder that holds this test program's scratch folders, removed with everything in it when
/// the program exits, whether its tests passed or not (as the engine tests' TempDir does).
class RunFolder {
 public:
  RunFolder() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("docpipe-export-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;
  ~RunFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  /// The folder's path.
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

/// This test program's RunFolder (one per program: an inline function's static).
inline const std::filesystem::path& run_folder() {
  static const RunFolder folder;
  return folder.path();
}

/// A fresh, empty folder inside run_folder(), named @p name.
inline std::filesystem::path scratch_folder(const std::string& name) {
  auto dir = run_folder() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// The bytes of the file at @p path.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Number of entries in @p dir.
inline std::size_t entries_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace test_support
