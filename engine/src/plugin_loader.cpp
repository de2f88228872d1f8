#include "plugin_loader.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include <boost/dll/shared_library.hpp>

#include "docpipe/version.hpp"

namespace docpipe::engine {

namespace fs = std::filesystem;

namespace {

using AbiInfoFn = const docpipe_plugin_abi_info*();
using FactoryFn = abi::PluginFactory*();

struct Registry {
  std::mutex mutex;
  // Libraries are never unloaded: objects, vtables and exception types made by a plugin must not
  // outlive its code, and some may live until the process exits.
  std::map<fs::path, std::unique_ptr<boost::dll::shared_library>> libraries;
  std::map<fs::path, std::unique_ptr<LoadedPlugin>> plugins;
};

Registry& registry() {
  static Registry* r = new Registry;  // deliberately leaked: see above
  return *r;
}

std::string quoted(const char* s) { return s ? "'" + std::string(s) + "'" : "(null)"; }

}  // namespace

std::string check_descriptor(const Descriptor& d) {
  if (d.name.empty()) return "the descriptor has an empty name";
  if (d.version.empty()) return "the descriptor has an empty version";
  if (d.description.empty()) return "the descriptor has an empty description";
  std::set<std::string> names;
  for (const ParamSpec& p : d.params) {
    if (p.name.empty()) return "a parameter has an empty name";
    if (!names.insert(p.name).second) return "parameter '" + p.name + "' is declared twice";
    if (p.doc.empty()) return "parameter '" + p.name + "' has no doc line";
    if (p.type == ParamType::choice && p.choices.empty()) return "choice parameter '" + p.name + "' lists no choices";
    if (!p.required) {
      const std::string problem = check_param(p, p.default_value);
      if (!problem.empty()) return "the default of parameter '" + p.name + "' is invalid: " + problem;
    }
  }
  return {};
}

const LoadedPlugin& load_plugin(const fs::path& requested) {
  Registry& reg = registry();
  std::error_code ec;
  fs::path file = fs::weakly_canonical(requested, ec);
  if (ec) file = requested;
  std::lock_guard<std::mutex> lock(reg.mutex);
  if (auto it = reg.plugins.find(file); it != reg.plugins.end()) return *it->second;

  const std::string where = "plugin file " + file.string();
  auto lib = std::make_unique<boost::dll::shared_library>();
  boost::system::error_code load_error;
  lib->load(boost::dll::fs::path(file.string()), boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local,
            load_error);
  if (load_error) throw PluginLoadError(where + ": cannot load the library: " + load_error.message());
  if (!lib->has("docpipe_plugin_abi") || !lib->has("docpipe_plugin_factory"))
    throw PluginLoadError(where + ": not a docpipe plugin: it does not export docpipe_plugin_abi and "
                                  "docpipe_plugin_factory (use DOCPIPE_PLUGIN)");

  const docpipe_plugin_abi_info* info = lib->get_alias<AbiInfoFn>("docpipe_plugin_abi")();
  if (!info) throw PluginLoadError(where + ": docpipe_plugin_abi returned nothing");
  const std::string name = info->plugin_name ? info->plugin_name : "";
  const std::string who = "plugin '" + name + "' (" + file.string() + ")";
  if (info->abi_major != DOCPIPE_SDK_ABI_MAJOR || info->abi_minor > DOCPIPE_SDK_ABI_MINOR)
    throw PluginLoadError(who + " was built for SDK ABI " + std::to_string(info->abi_major) + "." +
                          std::to_string(info->abi_minor) + ", but this docpipe supports ABI " +
                          std::to_string(DOCPIPE_SDK_ABI_MAJOR) + ".0 to " + std::to_string(DOCPIPE_SDK_ABI_MAJOR) +
                          "." + std::to_string(DOCPIPE_SDK_ABI_MINOR) + "; rebuild it against docpipe SDK " +
                          DOCPIPE_SDK_VERSION);
  const std::string tag = info->build_tag ? info->build_tag : "";
  if (!build_tags_compatible(DOCPIPE_BUILD_TAG, tag))
    throw PluginLoadError(who + " has build tag " + quoted(info->build_tag) + ", expected one compatible with '" +
                          DOCPIPE_BUILD_TAG + "' (same C++ standard library ABI); rebuild it with the host's toolchain");
  if (name.empty()) throw PluginLoadError(where + ": the plugin's ABI info has an empty name");

  abi::PluginFactory* factory = lib->get_alias<FactoryFn>("docpipe_plugin_factory")();
  if (!factory) throw PluginLoadError(who + ": its factory failed while describing the plugin");
  const Descriptor& d = factory->descriptor();
  if (d.name != name)
    throw PluginLoadError(who + ": descriptor name '" + d.name + "' differs from the ABI info's name '" + name + "'");
  if (const std::string problem = check_descriptor(d); !problem.empty())
    throw PluginLoadError(who + ": invalid descriptor: " + problem);

  auto plugin = std::make_unique<LoadedPlugin>();
  plugin->file = file;
  plugin->sdk_version = info->sdk_version ? info->sdk_version : "";
  plugin->build_tag = tag;
  plugin->abi_major = info->abi_major;
  plugin->abi_minor = info->abi_minor;
  plugin->factory = factory;
  reg.libraries.emplace(file, std::move(lib));
  return *reg.plugins.emplace(file, std::move(plugin)).first->second;
}

}  // namespace docpipe::engine
