#pragma once
/// @file testkit/exported_symbols.hpp
/// What a plugin library exports, read with `nm -D --defined-only` as the contract says.

#include <filesystem>
#include <string>
#include <vector>

namespace docpipe::testkit {

/// The dynamic symbols @p library defines (mangled names), from `nm -D --defined-only`. Throws
/// std::runtime_error when nm cannot be run or fails.
std::vector<std::string> exported_symbols(const std::filesystem::path& library);

/// The exported symbols of @p library that are the plugin's own and not one of the two entry points:
/// everything except `docpipe_plugin_abi`, `docpipe_plugin_factory`, the linker's markers (`_init`,
/// `_end`, ...) and vague-linkage copies of code from third-party headers (namespaces std, __gnu_cxx
/// and boost, whose headers force default visibility). Entries are demangled. Empty for a plugin
/// built with hidden visibility (docpipe_add_plugin).
std::vector<std::string> unexpected_exports(const std::filesystem::path& library);

/// The demangled form of @p symbol (itself when it is not a C++ name).
std::string demangle(const std::string& symbol);

}  // namespace docpipe::testkit
