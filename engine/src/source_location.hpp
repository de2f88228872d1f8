#pragma once
// Turns byte offsets of a loaded file into "file:line:column" for error messages.

#include <cstddef>
#include <string>
#include <string_view>

namespace docpipe::engine {

/// A 1-based line and column (columns count bytes, as editors that jump to a byte column expect).
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// Line and column of byte @p offset in @p text.
inline LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn lc;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

/// "file:line:column".
inline std::string format_location(const std::string& file, LineColumn lc) {
  return file + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

}  // namespace docpipe::engine
