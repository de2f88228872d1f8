#include "command_line.hpp"

#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

namespace docpipe::cli {

using Poco::Util::Option;

ParsedArgs parse_args(const std::vector<std::string>& args, const Poco::Util::OptionSet& options) {
  ParsedArgs parsed;
  Poco::Util::OptionProcessor processor(options);
  processor.setUnixStyle(true);
  try {
    for (const std::string& arg : args) {
      std::string name, value;
      // process() returns false for a non-option (and for everything after `--`); it returns true with
      // an empty name when an option waits for its value in the next argument.
      if (!processor.process(arg, name, value)) {
        parsed.positional.push_back(arg);
      } else if (!name.empty()) {
        parsed.options[name].push_back(value);
      }
    }
    processor.checkRequired();
  } catch (const Poco::Exception& e) {
    throw UsageError(e.displayText());
  }
  return parsed;
}

std::string format_options(const Poco::Util::OptionSet& options) {
  std::ostringstream out;
  out << "Options:\n";
  for (const Option& o : options) {
    std::string names = o.shortName().empty() ? "    " : "-" + o.shortName() + ", ";
    names += "--" + o.fullName();
    if (o.takesArgument()) names += " " + o.argumentName();
    out << "  " << names;
    out << std::string(names.size() < 28 ? 28 - names.size() : 1, ' ') << o.description() << "\n";
  }
  return out.str();
}

void add_common_options(Poco::Util::OptionSet& options) {
  options.addOption(Option("help", "h", "print this help and exit"));
  options.addOption(Option("plugin-path", "P", "search DIR for plugins before DOCPIPE_PLUGIN_PATH and the default folders")
                        .argument("DIR")
                        .repeatable(true));
}

}  // namespace docpipe::cli
