// docpipe: runs XML-described pipelines of plugins over a corpus of documents.

#include <iostream>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "commands.hpp"
#include "docpipe/version.hpp"

int main(int argc, char** argv) {
  using namespace docpipe::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << main_help();
    return exit_usage;
  }
  const std::string command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << main_help();
      return exit_ok;
    }
    if (command == "--version" || command == "-V") {
      std::cout << "docpipe " << DOCPIPE_SDK_VERSION << " (SDK ABI " << DOCPIPE_SDK_ABI_MAJOR << "."
                << DOCPIPE_SDK_ABI_MINOR << ", build tag " << DOCPIPE_BUILD_TAG << ")\n";
      return exit_ok;
    }
    if (command == "run") return command_run(rest);
    if (command == "new-plugin") return command_new_plugin(rest);
    if (command == "validate") return command_validate(rest);
    if (command == "plugins") return command_plugins(rest);
    if (command == "merge") return command_merge(rest);
    if (command == "worker") return command_worker(rest);
    std::cerr << "docpipe: unknown command '" << command << "'\n\n" << main_help();
    return exit_usage;
  } catch (const UsageError& e) {
    std::cerr << "docpipe " << command << ": " << e.what() << "\n(see docpipe " << command << " --help)\n";
    return exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "docpipe " << command << ": " << e.what() << "\n";
    return exit_usage;
  }
}
