#pragma once
/// @file three_byte_run.hpp
/// The bulk of a Chinese text is three-byte UTF-8 sequences; FoldedText decodes runs of them four
/// characters per step where the processor allows (SSSE3), and falls back to its own loop elsewhere.

#include <cstddef>
#include <cstdint>

namespace number_extract {

/// Decodes and folds the three-byte sequences (leads E1..EC, EE, EF) from byte @p at of @p bytes,
/// four per step, while at least sixteen bytes are readable and four slots are left below
/// @p capacity; writes code points (folded by @p table) and byte offsets at slot @p n and advances
/// @p at and @p n past what it wrote. Stops before the first other byte sequence. Does nothing on
/// processors without SSSE3 (the caller's loop then does it all).
void decode_three_byte_run(const unsigned char* bytes, std::size_t size, std::size_t& at, std::size_t& n,
                           std::size_t capacity, const char16_t* table, char32_t* cps, std::uint32_t* offsets) noexcept;

}  // namespace number_extract
