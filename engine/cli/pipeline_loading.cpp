#include "pipeline_loading.hpp"

#include <iostream>

#include "plugin_catalog.hpp"

namespace docpipe::cli {

std::optional<engine::ResolvedPipeline> load_pipeline(const std::string& file,
                                                      const std::vector<std::string>& extra_plugin_folders) {
  try {
    engine::PipelineConfig config = engine::parse_config_file(file);
    engine::PluginSearchPath path = engine::PluginSearchPath::from_environment();
    path.prepend({extra_plugin_folders.begin(), extra_plugin_folders.end()});
    path.prepend(config.plugin_folders);
    engine::PluginCatalog catalog(path);
    return engine::validate_config(std::move(config), catalog);
  } catch (const engine::ConfigError& e) {
    std::cerr << e.what() << "\n";
    return std::nullopt;
  }
}

}  // namespace docpipe::cli
