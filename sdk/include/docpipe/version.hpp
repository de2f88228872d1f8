#pragma once
/// @file version.hpp
/// The SDK's ABI version and the build tag that every plugin carries.
///
/// Bump DOCPIPE_SDK_ABI_MAJOR when any type that crosses the plugin boundary changes layout
/// incompatibly: a field of a layer struct added, removed, reordered or retyped, a virtual function
/// of abi::StageInstance / abi::PluginFactory added, removed or reordered, or a change of meaning of
/// an existing field. Bump DOCPIPE_SDK_ABI_MINOR for additions that old plugins cannot observe
/// (a new free inline helper, a new documented vocabulary value). The host refuses a plugin built for
/// another major, or for a newer minor than its own.

#include <string>

/// Major ABI version of the SDK (incompatible boundary changes).
#define DOCPIPE_SDK_ABI_MAJOR 1
/// Minor ABI version of the SDK (compatible additions).
#define DOCPIPE_SDK_ABI_MINOR 2
/// Human-readable SDK release, independent of the ABI numbers.
#define DOCPIPE_SDK_VERSION "0.1.0"

#define DOCPIPE_DETAIL_STR2(x) #x
#define DOCPIPE_DETAIL_STR(x) DOCPIPE_DETAIL_STR2(x)

#if defined(__clang__)
#define DOCPIPE_DETAIL_COMPILER "clang" DOCPIPE_DETAIL_STR(__clang_major__)
#elif defined(__GNUC__)
#define DOCPIPE_DETAIL_COMPILER "gcc" DOCPIPE_DETAIL_STR(__GNUC__)
#else
#define DOCPIPE_DETAIL_COMPILER "unknown-compiler"
#endif

#if defined(_GLIBCXX_USE_CXX11_ABI)
#define DOCPIPE_DETAIL_STDLIB "libstdc++-cxx11abi" DOCPIPE_DETAIL_STR(_GLIBCXX_USE_CXX11_ABI)
#elif defined(_LIBCPP_VERSION)
#define DOCPIPE_DETAIL_STDLIB "libc++" DOCPIPE_DETAIL_STR(_LIBCPP_ABI_VERSION)
#else
#define DOCPIPE_DETAIL_STDLIB "unknown-stdlib"
#endif

/// The build tag: the compiler family and the standard library ABI that std::string, std::vector and
/// exceptions on the boundary depend on. GCC and Clang share the Itanium C++ ABI, so only the
/// standard library part takes part in the compatibility check (see docpipe::build_tags_compatible).
#define DOCPIPE_BUILD_TAG DOCPIPE_DETAIL_COMPILER "/" DOCPIPE_DETAIL_STDLIB

namespace docpipe {

/// Whether a plugin built with tag @p plugin_tag may be loaded by a host built with @p host_tag.
/// The tags are "compiler/stdlib"; the stdlib parts must be equal.
inline bool build_tags_compatible(const std::string& host_tag, const std::string& plugin_tag) {
  auto stdlib_of = [](const std::string& tag) {
    auto slash = tag.find('/');
    return slash == std::string::npos ? tag : tag.substr(slash + 1);
  };
  return stdlib_of(host_tag) == stdlib_of(plugin_tag) && stdlib_of(host_tag).rfind("unknown", 0) != 0;
}

}  // namespace docpipe
