#pragma once
/// @file three_byte_run.hpp
/// The bulk of a Chinese text is three-byte UTF-8 sequences; FoldedText decodes runs of them eight
/// (AVX2) or four (SSSE3) characters per step where the processor allows, and falls back to its own
/// loop elsewhere.

#include <cstddef>
#include <cstdint>

namespace number_extract {

/// The instruction sets decode_three_byte_run can use: avx2_gather is AVX2 with the fold's table
/// lookups in one gather (chosen on AMD processors; Intel's that mitigate Gather Data Sampling run
/// gathers slowly).
enum class VectorPath { none, ssse3, avx2, avx2_gather };

/// The best path this processor runs (checked once).
VectorPath best_vector_path() noexcept;

/// Decodes and folds the three-byte sequences (leads E1..EC, EE, EF) from byte @p at of @p bytes
/// with @p path, several per step while enough bytes are readable and slots are left below
/// @p capacity; writes code points (folded by @p table) and byte offsets at slot @p n and advances
/// @p at and @p n past what it wrote. Stops before the first other byte sequence, and near the end
/// of the text (the caller's loop takes the rest). With VectorPath::none, or a path the processor
/// lacks, does nothing.
void decode_three_byte_run(const unsigned char* bytes, std::size_t size, std::size_t& at, std::size_t& n,
                           std::size_t capacity, const char16_t* table, char32_t* cps, std::uint32_t* offsets,
                           VectorPath path = best_vector_path()) noexcept;

}  // namespace number_extract
