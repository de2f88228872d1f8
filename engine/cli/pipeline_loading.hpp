#pragma once
// Loading and validating a config, shared by `run` and `validate`.

#include <optional>
#include <string>
#include <vector>

#include "pipeline_config.hpp"

namespace docpipe::cli {

/// Parses and validates the config @p file with the plugin search path (config folders first, then
/// @p extra_plugin_folders, then the defaults). Prints the errors and returns nothing on failure.
std::optional<engine::ResolvedPipeline> load_pipeline(const std::string& file,
                                                      const std::vector<std::string>& extra_plugin_folders);

}  // namespace docpipe::cli
