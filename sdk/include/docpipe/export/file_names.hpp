#pragma once
/// @file export/file_names.hpp
/// Turning a document id into a file name that is safe on every common file system.

#include <cstdint>
#include <string>
#include <string_view>

#include "docpipe/utf8.hpp"

namespace docpipe::exporting {

/// A file name stem for document @p id (add your own extension). An id that is already safe is kept
/// as it is. Otherwise path separators, characters Windows forbids, control characters and
/// malformed UTF-8 become `_`, a leading dot becomes `_` (no hidden files, no `..`), the result is cut
/// to at most 180 bytes on a code point boundary, and `-` plus eight hex digits of a hash of the
/// original id is appended, so two different unsafe ids never share a file.
inline std::string safe_file_stem(std::string_view id) {
  constexpr std::size_t max_bytes = 180;
  std::string out;
  out.reserve(id.size() + 9);
  bool changed = id.empty();
  std::size_t i = 0;
  while (i < id.size()) {
    const auto c = static_cast<unsigned char>(id[i]);
    const std::size_t len = utf8::sequence_length(id, i);
    const bool forbidden = len == 0 || c < 0x20 || c == 0x7F || std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos ||
                           (i == 0 && c == '.');
    if (forbidden) {
      out += '_';
      changed = true;
      i += len == 0 ? 1 : len;
      continue;
    }
    if (out.size() + len > max_bytes) {
      changed = true;
      break;
    }
    out.append(id.data() + i, len);
    i += len;
  }
  if (!changed) return out;
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across runs and platforms
  for (unsigned char c : id) h = (h ^ c) * 16777619u;
  static constexpr char hex[] = "0123456789abcdef";
  out += '-';
  for (int shift = 28; shift >= 0; shift -= 4) out += hex[(h >> shift) & 0xF];
  return out;
}

}  // namespace docpipe::exporting
