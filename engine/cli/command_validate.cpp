#include <iostream>

#include <Poco/Util/Option.h>

#include "command_line.hpp"
#include "commands.hpp"
#include "pipeline_loading.hpp"

namespace docpipe::cli {

int command_validate(const std::vector<std::string>& args) {
  Poco::Util::OptionSet options;
  add_common_options(options);
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout << "usage: docpipe validate CONFIG\n\nParses CONFIG, loads every plugin it names and checks every "
                 "parameter, without reading any document.\n\n"
              << format_options(options);
    return exit_ok;
  }
  if (parsed.positional.size() != 1) throw UsageError("validate takes exactly one CONFIG");
  const auto pipeline = load_pipeline(parsed.positional[0], parsed.values("plugin-path"));
  if (!pipeline) return exit_usage;
  std::cout << parsed.positional[0] << ": pipeline '" << pipeline->config.name << "' is valid ("
            << pipeline->stages.size() << " stages:";
  for (const auto& s : pipeline->stages) std::cout << " " << s.plugin->descriptor().name;
  std::cout << ")\n";
  return exit_ok;
}

}  // namespace docpipe::cli
