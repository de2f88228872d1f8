#include "plugin_catalog.hpp"

#include <algorithm>
#include <map>

namespace docpipe::engine {

namespace fs = std::filesystem;

namespace {
constexpr const char* plugin_suffix = ".so";

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "(none)" : out;
}
}  // namespace

std::optional<fs::path> PluginCatalog::locate(const std::string& name) const {
  if (name.empty() || name.find('/') != std::string::npos) return std::nullopt;
  for (const auto& folder : path_.folders()) {
    std::error_code ec;
    fs::path candidate = folder / (name + plugin_suffix);
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

const LoadedPlugin& PluginCatalog::find(const std::string& name) const {
  auto file = locate(name);
  if (!file)
    throw PluginLoadError("unknown plugin '" + name + "': no " + name + plugin_suffix + " in the plugin path (" +
                          path_.describe() + "); known plugins: " + join(names()));
  const LoadedPlugin& plugin = load_plugin(*file);
  if (plugin.descriptor().name != name)
    throw PluginLoadError("plugin file " + file->string() + " holds plugin '" + plugin.descriptor().name +
                          "', not '" + name + "'");
  return plugin;
}

std::vector<std::string> PluginCatalog::names() const {
  std::vector<std::string> out;
  for (const auto& folder : path_.folders()) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() != plugin_suffix) continue;
      const std::string stem = it->path().stem().string();
      if (std::find(out.begin(), out.end(), stem) == out.end()) out.push_back(stem);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<CatalogEntry> PluginCatalog::list() const {
  std::vector<CatalogEntry> out;
  for (const std::string& name : names()) {
    CatalogEntry entry;
    entry.name = name;
    entry.file = *locate(name);
    try {
      entry.plugin = &load_plugin(entry.file);
    } catch (const PluginLoadError& e) {
      entry.error = e.what();
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace docpipe::engine
