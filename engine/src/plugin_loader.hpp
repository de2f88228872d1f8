#pragma once
// Loads a plugin library, checks its contract before running any of its C++ code, and keeps it loaded
// for the life of the process.

#include <filesystem>
#include <stdexcept>
#include <string>

#include "docpipe/abi.hpp"
#include "docpipe/descriptor.hpp"

namespace docpipe::engine {

/// A plugin that passed every check.
struct LoadedPlugin {
  std::filesystem::path file;          ///< The library it came from.
  std::string sdk_version;             ///< SDK release it was built with.
  std::string build_tag;               ///< Its build tag.
  unsigned abi_major = 0;              ///< SDK ABI it was built for.
  unsigned abi_minor = 0;
  abi::PluginFactory* factory = nullptr;  ///< Lives as long as the process.

  /// The plugin's descriptor.
  const Descriptor& descriptor() const noexcept { return factory->descriptor(); }
};

/// A plugin that could not be loaded; what() names the plugin, the file, what was expected and what
/// was found.
class PluginLoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Loads the plugin in @p file (once per process: a second call returns the same plugin). Checks, in
/// order: the library loads; it exports `docpipe_plugin_abi` and `docpipe_plugin_factory`; its ABI
/// major equals the host's and its minor is not newer; its build tag is compatible; its factory and
/// descriptor are complete (name equal to the ABI info's name, version, description, well-formed
/// parameters whose defaults pass their own checks). Throws PluginLoadError otherwise.
const LoadedPlugin& load_plugin(const std::filesystem::path& file);

/// Checks a descriptor's own consistency; returns an empty string or the first problem found.
std::string check_descriptor(const Descriptor& d);

}  // namespace docpipe::engine
