#include <iomanip>
#include <sstream>
#include <iostream>

#include <Poco/Util/Option.h>

#include "command_line.hpp"
#include "commands.hpp"
#include "plugin_catalog.hpp"

namespace docpipe::cli {

namespace {

engine::PluginCatalog catalog_for(const ParsedArgs& parsed) {
  engine::PluginSearchPath path = engine::PluginSearchPath::from_environment();
  const auto extra = parsed.values("plugin-path");
  path.prepend({extra.begin(), extra.end()});
  return engine::PluginCatalog(path);
}

const char* concurrency_name(Concurrency c) { return c == Concurrency::serialized ? "serialized" : "per-worker"; }

std::string describe_limits(const ParamSpec& p) {
  std::string out;
  auto num = [](double d) {
    std::ostringstream s;
    s << d;
    return s.str();
  };
  if (p.min) out += " min " + num(*p.min);
  if (p.max) out += " max " + num(*p.max);
  if (!p.choices.empty()) {
    out += " one of";
    for (const auto& c : p.choices) out += " " + c;
  }
  return out;
}

int list(const ParsedArgs& parsed) {
  const engine::PluginCatalog catalog = catalog_for(parsed);
  const auto entries = catalog.list();
  if (entries.empty()) {
    std::cout << "no plugins found in " << catalog.path().describe() << "\n";
    return exit_ok;
  }
  for (const auto& e : entries) {
    if (e.plugin) {
      const Descriptor& d = e.plugin->descriptor();
      std::cout << std::left << std::setw(20) << d.name << " " << std::setw(8) << d.version << " " << std::setw(8)
                << to_string(d.kind) << " " << d.description << "\n";
    } else {
      std::cout << std::left << std::setw(20) << e.name << " BROKEN   " << e.error << "\n";
    }
  }
  return exit_ok;
}

int inspect(const ParsedArgs& parsed, const std::string& name) {
  const engine::PluginCatalog catalog = catalog_for(parsed);
  const engine::LoadedPlugin& plugin = catalog.find(name);
  const Descriptor& d = plugin.descriptor();
  std::cout << "Plugin " << d.name << " " << d.version << "\n"
            << "  " << d.description << "\n\n"
            << "  file          " << plugin.file.string() << "\n"
            << "  kind          " << to_string(d.kind) << "\n"
            << "  concurrency   " << concurrency_name(d.concurrency) << "\n"
            << "  author        " << d.author << "\n"
            << "  license       " << d.license << "\n"
            << "  SDK           " << plugin.sdk_version << " (ABI " << plugin.abi_major << "." << plugin.abi_minor << ")\n"
            << "  build tag     " << plugin.build_tag << "\n\n";
  if (d.params.empty()) {
    std::cout << "  Parameters: none\n";
    return exit_ok;
  }
  std::cout << "  Parameters:\n";
  for (const ParamSpec& p : d.params) {
    std::cout << "    " << p.name << " (" << to_string(p.type) << (p.required ? ", required" : "") << ")";
    if (!p.required) std::cout << " default '" << p.default_value << "'";
    std::cout << describe_limits(p) << "\n        " << p.doc << "\n";
  }
  return exit_ok;
}

}  // namespace

int command_plugins(const std::vector<std::string>& args) {
  Poco::Util::OptionSet options;
  add_common_options(options);
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help") || parsed.positional.empty()) {
    std::cout << "usage: docpipe plugins list\n       docpipe plugins inspect NAME\n\n"
                 "Lists the plugins along the search path, or shows one plugin's descriptor and parameters.\n\n"
              << format_options(options);
    return parsed.has("help") ? exit_ok : exit_usage;
  }
  const std::string& sub = parsed.positional[0];
  if (sub == "list" && parsed.positional.size() == 1) return list(parsed);
  if (sub == "inspect" && parsed.positional.size() == 2) {
    try {
      return inspect(parsed, parsed.positional[1]);
    } catch (const engine::PluginLoadError& e) {
      std::cerr << "docpipe plugins inspect: " << e.what() << "\n";
      return exit_usage;
    }
  }
  throw UsageError("expected 'plugins list' or 'plugins inspect NAME'");
}

}  // namespace docpipe::cli
