#pragma once
// The sub-commands of the docpipe executable. Each takes its arguments (after the command name) and
// returns the process exit code: 0 success, 1 some documents failed, 2 usage or config error.

#include <string>
#include <vector>

namespace docpipe::cli {

/// Exit codes, as documented in --help and the README.
enum ExitCode { exit_ok = 0, exit_documents_failed = 1, exit_usage = 2 };

int command_run(const std::vector<std::string>& args);
int command_new_plugin(const std::vector<std::string>& args);
int command_validate(const std::vector<std::string>& args);
int command_plugins(const std::vector<std::string>& args);
int command_merge(const std::vector<std::string>& args);
int command_worker(const std::vector<std::string>& args);

/// The top-level help text.
std::string main_help();

}  // namespace docpipe::cli
