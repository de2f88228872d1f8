#pragma once
// Parses one sub-command's arguments with Poco::Util's option machinery.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/Util/OptionSet.h>

namespace docpipe::cli {

/// A usage error: wrong or missing arguments. The message says what is wrong; exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The parsed arguments of one sub-command.
struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> options;  ///< Full option name to its values.
  std::vector<std::string> positional;                      ///< Arguments that are not options.

  /// True when option @p name was given.
  bool has(const std::string& name) const { return options.count(name) != 0; }
  /// The last value of option @p name, or @p fallback.
  std::string value(const std::string& name, const std::string& fallback = {}) const {
    auto it = options.find(name);
    return it == options.end() || it->second.empty() ? fallback : it->second.back();
  }
  /// Every value of a repeatable option.
  std::vector<std::string> values(const std::string& name) const {
    auto it = options.find(name);
    return it == options.end() ? std::vector<std::string>{} : it->second;
  }
};

/// Parses @p args (without the program and command names) against @p options. Unknown options and
/// missing option arguments throw UsageError; `--` ends the options.
ParsedArgs parse_args(const std::vector<std::string>& args, const Poco::Util::OptionSet& options);

/// The option help of @p options, formatted for --help.
std::string format_options(const Poco::Util::OptionSet& options);

/// Adds the options every command takes: --help and --plugin-path.
void add_common_options(Poco::Util::OptionSet& options);

}  // namespace docpipe::cli
