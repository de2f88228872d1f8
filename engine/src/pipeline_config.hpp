#pragma once
// A pipeline as the XML config describes it, and the errors found in it.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "docpipe/params.hpp"
#include "plugin_loader.hpp"
#include "source_location.hpp"

namespace docpipe::engine {

/// One `<param name="...">value</param>`.
struct ParamSetting {
  std::string name;
  std::string value;
  LineColumn where;
};

/// One `<stage plugin="..."/>`.
struct StageConfig {
  std::string plugin;
  std::vector<ParamSetting> params;
  LineColumn where;
};

/// A parsed (not yet validated) pipeline.
struct PipelineConfig {
  std::filesystem::path file;                 ///< The config file ("<string>" when parsed from memory).
  std::string name;                           ///< `<pipeline name="...">`.
  std::vector<std::filesystem::path> plugin_folders;  ///< `<plugins path="..."/>`, made absolute.
  std::vector<StageConfig> stages;
};

/// One problem in a config, with its place.
struct ConfigIssue {
  LineColumn where;
  std::string message;
};

/// A config that cannot be run. what() lists every issue as "file:line:column: message".
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::filesystem::path& file, std::vector<ConfigIssue> issues);
  /// The individual issues.
  const std::vector<ConfigIssue>& issues() const noexcept { return issues_; }

 private:
  std::vector<ConfigIssue> issues_;
};

/// A stage ready to instantiate: its checked plugin and its complete parameter values.
struct ResolvedStage {
  const LoadedPlugin* plugin = nullptr;
  ParamValues params;
};

/// A validated pipeline.
struct ResolvedPipeline {
  PipelineConfig config;
  std::vector<ResolvedStage> stages;
};

/// Parses the XML config in @p file. Throws ConfigError (malformed XML, unknown elements or
/// attributes, a stage without a plugin, ...).
PipelineConfig parse_config_file(const std::filesystem::path& file);

/// Parses XML text; @p file is used in messages and to resolve relative plugin folders.
PipelineConfig parse_config_text(const std::string& xml, const std::filesystem::path& file);

class PluginCatalog;

/// Validates @p config against the plugins of @p catalog: each plugin exists and loads, each
/// parameter is declared and its value valid, required parameters are given. Throws ConfigError
/// listing every problem, with what is allowed.
ResolvedPipeline validate_config(PipelineConfig config, const PluginCatalog& catalog);

}  // namespace docpipe::engine
