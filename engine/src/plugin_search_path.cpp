#include "plugin_search_path.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include <boost/dll/runtime_symbol_info.hpp>

namespace docpipe::engine {

namespace fs = std::filesystem;

fs::path executable_dir() { return fs::path(boost::dll::program_location().parent_path().string()); }

PluginSearchPath PluginSearchPath::from_environment() {
  PluginSearchPath path;
  std::vector<fs::path> folders;
  if (const char* env = std::getenv("DOCPIPE_PLUGIN_PATH")) {
    std::stringstream ss(env);
    std::string item;
    while (std::getline(ss, item, ':'))
      if (!item.empty()) folders.emplace_back(item);
  }
  const fs::path exe = executable_dir();
  folders.push_back(exe / ".." / "plugins");
  folders.push_back(exe / ".." / "lib" / "docpipe" / "plugins");
  path.prepend(folders);
  return path;
}

void PluginSearchPath::prepend(const std::vector<fs::path>& folders) {
  std::vector<fs::path> merged;
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    fs::path norm = fs::weakly_canonical(p, ec);
    if (ec) norm = p.lexically_normal();
    if (std::find(merged.begin(), merged.end(), norm) == merged.end()) merged.push_back(norm);
  };
  for (const auto& f : folders) add(f);
  for (const auto& f : folders_) add(f);
  folders_ = std::move(merged);
}

std::string PluginSearchPath::describe() const {
  std::string out;
  for (const auto& f : folders_) out += (out.empty() ? "" : ":") + f.string();
  return out;
}

}  // namespace docpipe::engine
