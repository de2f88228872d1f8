#pragma once
// Where plugins are looked for, in order.

#include <filesystem>
#include <string>
#include <vector>

namespace docpipe::engine {

/// The documented plugin search path:
///  1. folders given by the pipeline config (`<plugins path="..."/>`, relative to the config file);
///  2. the folders of the environment variable DOCPIPE_PLUGIN_PATH (colon-separated);
///  3. the folders next to the executable: `../plugins` (the build tree) and `../lib/docpipe/plugins`
///     (an installed tree).
/// The first folder holding `<name>.so` wins.
class PluginSearchPath {
 public:
  /// The default path: the environment variable, then the folders next to the executable.
  static PluginSearchPath from_environment();

  /// Puts @p folders first (config-given folders).
  void prepend(const std::vector<std::filesystem::path>& folders);

  /// The folders, in search order, without duplicates.
  const std::vector<std::filesystem::path>& folders() const noexcept { return folders_; }

  /// The folders as one line for messages.
  std::string describe() const;

 private:
  std::vector<std::filesystem::path> folders_;
};

/// The folder of the running executable.
std::filesystem::path executable_dir();

}  // namespace docpipe::engine
