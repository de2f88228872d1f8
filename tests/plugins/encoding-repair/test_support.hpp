#pragma once
// Helpers shared by the encoding-repair tests.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

#include <unicode/ucnv.h>

#include "docpipe/document.hpp"

namespace encoding_repair::test {

/// The bytes of @p path.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The seed: a damaged traditional-script report (shared/seed/000_dbdc0dc46ac71758.txt).
inline std::filesystem::path seed_path() {
  return std::filesystem::path(DOCPIPE_SHARED_DIR) / "seed" / "000_dbdc0dc46ac71758.txt";
}

/// @p utf8 converted to @p charset with ICU: how a test makes legacy bytes without fixtures. Throws
/// std::runtime_error when ICU cannot convert it.
inline std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &st);
  if (U_FAILURE(st)) throw std::runtime_error(std::string("ICU cannot convert to ") + charset + ": " + u_errorName(st));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

/// A document whose raw bytes are @p raw (nothing decoded yet).
inline docpipe::Document raw_document(std::string raw, std::string id = "t") {
  docpipe::Document d;
  d.id = std::move(id);
  d.raw = std::move(raw);
  return d;
}

/// Number of repairs of each kind.
inline std::map<std::string, int> kinds(const docpipe::Document& d) {
  std::map<std::string, int> k;
  for (const auto& r : d.repairs) ++k[r.kind];
  return k;
}

}  // namespace encoding_repair::test
