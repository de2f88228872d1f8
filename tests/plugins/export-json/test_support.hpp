#pragma once
// Helpers shared by the export tests: code point slicing (what a Python user does with the export)
// and scratch folders.

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

/// A fresh, empty folder below the system temp folder, unique to this test run and @p name.
inline std::filesystem::path scratch_folder(const std::string& name) {
  static const std::string run = std::to_string(std::random_device{}());
  auto dir = std::filesystem::temp_directory_path() / ("docpipe-export-test-" + run) / name;
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
