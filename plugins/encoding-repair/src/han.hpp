#pragma once
// Han characters: what Chinese text is mostly made of, and what its mojibake mostly reads as.

namespace encoding_repair {

/// True for the CJK unified ideographs (extension A, the basic block, and the supplementary planes'
/// extensions) and the compatibility ideographs.
constexpr bool is_han(char32_t c) noexcept {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

}  // namespace encoding_repair
