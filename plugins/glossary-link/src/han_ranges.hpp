#pragma once
/// @file han_ranges.hpp
/// The code point ranges whose characters OpenCC may convert, shared by the fold table and its
/// build-time generator.

namespace docpipe::glossary_link {

/// An inclusive range of code points.
struct HanRange {
  char32_t first, last;
};

/// CJK Ext A, the unified block, compatibility ideographs and the supplementary ideographic planes.
inline constexpr HanRange kHanRanges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2FFFF}};

/// Code points below this bound are folded by table (ScriptFold::table_limit).
inline constexpr char32_t kFoldTableLimit = 0x30000;

}  // namespace docpipe::glossary_link
