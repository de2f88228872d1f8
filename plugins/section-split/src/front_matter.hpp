#pragma once
/// @file front_matter.hpp
/// The YAML-style block between two `---` lines at the very start of markdown exports.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace section_split {

/// What a front matter block holds.
struct FrontMatter {
  bool present = false;         ///< True when the text opens with a closed `---` block.
  std::size_t body_begin = 0;   ///< First byte after the closing `---` line (0 when absent).
  std::map<std::string, std::string> fields;  ///< `key: value` pairs, quotes around values removed.
};

/// Reads the front matter at the start of @p text (after an optional BOM and blank lines). Only flat
/// `key: value` lines are read; a block that is not closed within 200 lines is not front matter.
FrontMatter read_front_matter(std::string_view text);

}  // namespace section_split
