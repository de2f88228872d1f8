#include "plugin_catalog.hpp"
#include "pipeline_config.hpp"

namespace docpipe::engine {

namespace {

std::string param_list(const Descriptor& d) {
  std::string out;
  for (const ParamSpec& p : d.params) out += (out.empty() ? "" : ", ") + p.name + " (" + to_string(p.type) + ")";
  return out.empty() ? "it takes no parameters" : "known parameters: " + out;
}

const ParamSpec* find_spec(const Descriptor& d, const std::string& name) {
  for (const ParamSpec& p : d.params)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace

ResolvedPipeline validate_config(PipelineConfig config, const PluginCatalog& catalog) {
  std::vector<ConfigIssue> issues;
  ResolvedPipeline resolved;
  for (const StageConfig& stage : config.stages) {
    if (stage.plugin.empty()) continue;  // reported by the parser
    const LoadedPlugin* plugin = nullptr;
    try {
      plugin = &catalog.find(stage.plugin);
    } catch (const PluginLoadError& e) {
      issues.push_back({stage.where, e.what()});
      continue;
    }
    const Descriptor& d = plugin->descriptor();
    ResolvedStage out;
    out.plugin = plugin;
    for (const ParamSetting& setting : stage.params) {
      const ParamSpec* spec = find_spec(d, setting.name);
      if (!spec) {
        issues.push_back({setting.where, "unknown parameter '" + setting.name + "' for plugin '" + d.name + "'; " +
                                             param_list(d)});
        continue;
      }
      if (const std::string problem = check_param(*spec, setting.value); !problem.empty()) {
        issues.push_back({setting.where, "parameter '" + setting.name + "' of plugin '" + d.name + "': " + problem});
        continue;
      }
      out.params.set(setting.name, setting.value);
    }
    for (const ParamSpec& spec : d.params) {
      if (out.params.has(spec.name)) continue;
      bool given = false;
      for (const ParamSetting& s : stage.params) given = given || s.name == spec.name;
      if (given) continue;  // given but invalid: already reported
      if (spec.required)
        issues.push_back({stage.where, "plugin '" + d.name + "' needs parameter '" + spec.name + "' (" + spec.doc + ")"});
      else
        out.params.set(spec.name, spec.default_value);
    }
    resolved.stages.push_back(std::move(out));
  }
  if (!issues.empty()) throw ConfigError(config.file, std::move(issues));
  resolved.config = std::move(config);
  return resolved;
}

}  // namespace docpipe::engine
