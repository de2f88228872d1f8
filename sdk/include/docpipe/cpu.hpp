#pragma once
/// @file cpu.hpp
/// What the processor running this can do, for code that picks a vector path at run time (the
/// project is built for the x86-64 baseline, so wider instructions are used only where present).

namespace docpipe {

/// True when the processor running this has AVX2 (asked once per process); false on processors and
/// compilers where the question cannot be asked. Code compiled with `__attribute__((target("avx2")))`
/// may be called only when this is true.
inline bool cpu_has_avx2() noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return yes;
#else
  return false;
#endif
}

}  // namespace docpipe
