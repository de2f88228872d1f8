#pragma once
// Shared by the number-extract tests and tools that read corpus files in place.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace number_extract_test {

/// The bytes of the file at @p path, unchanged (empty when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace number_extract_test
