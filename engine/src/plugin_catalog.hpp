#pragma once
// Finds plugins by name along the search path and lists everything installed.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "plugin_loader.hpp"
#include "plugin_search_path.hpp"

namespace docpipe::engine {

/// One library found on the search path, loaded or not.
struct CatalogEntry {
  std::string name;                    ///< Plugin name (the file stem when it failed to load).
  std::filesystem::path file;          ///< The library.
  const LoadedPlugin* plugin = nullptr;  ///< Null when loading failed.
  std::string error;                   ///< Why loading failed.
};

/// The plugins visible along a search path.
class PluginCatalog {
 public:
  explicit PluginCatalog(PluginSearchPath path) : path_(std::move(path)) {}

  /// The plugin called @p name: the first `<name>.so` along the path, loaded and checked. Throws
  /// PluginLoadError when no folder has it (listing the plugins that exist) or when it fails a check.
  const LoadedPlugin& find(const std::string& name) const;

  /// Whether a library called `<name>.so` exists along the path.
  std::optional<std::filesystem::path> locate(const std::string& name) const;

  /// Every library along the path, sorted by name; a name found twice is listed once (the first).
  std::vector<CatalogEntry> list() const;

  /// Names of every library along the path, for "known plugins are ..." messages.
  std::vector<std::string> names() const;

  /// The search path.
  const PluginSearchPath& path() const noexcept { return path_; }

 private:
  PluginSearchPath path_;
};

}  // namespace docpipe::engine
