#pragma once
/// @file copy_short.hpp
/// A copy of a few bytes without a call: writers of many small fields (the JSON writer, the engine's
/// checkpoint codec) copy most of their strings this way.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace docpipe::detail {

/// Copies @p s, at most 16 bytes, to @p at: two overlapping fixed-size pieces (head and tail), so
/// there is no loop and no call.
inline void copy_short(char* at, std::string_view s) noexcept {
  const std::size_t n = s.size();
  const char* p = s.data();
  if (n >= 8) {
    std::uint64_t head, tail;
    __builtin_memcpy(&head, p, 8);
    __builtin_memcpy(&tail, p + n - 8, 8);
    __builtin_memcpy(at, &head, 8);
    __builtin_memcpy(at + n - 8, &tail, 8);
  } else if (n >= 4) {
    std::uint32_t head, tail;
    __builtin_memcpy(&head, p, 4);
    __builtin_memcpy(&tail, p + n - 4, 4);
    __builtin_memcpy(at, &head, 4);
    __builtin_memcpy(at + n - 4, &tail, 4);
  } else {
    for (std::size_t k = 0; k < n; ++k) at[k] = p[k];
  }
}

}  // namespace docpipe::detail
