// `docpipe worker`: the process --isolate starts; not meant to be run by hand.
#include <iostream>

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "command_line.hpp"
#include "commands.hpp"
#include "pipeline_loading.hpp"
#include "worker_main.hpp"

namespace docpipe::cli {

using Poco::Util::Option;

namespace {

std::uint64_t number(const ParsedArgs& parsed, const std::string& name, std::uint64_t fallback) {
  if (!parsed.has(name)) return fallback;
  std::uint64_t n = 0;
  if (!Poco::NumberParser::tryParseUnsigned64(parsed.value(name), n)) throw UsageError("--" + name + " expects a whole number");
  return n;
}

}  // namespace

int command_worker(const std::vector<std::string>& args) {
  Poco::Util::OptionSet options;
  add_common_options(options);
  options.addOption(Option("output", "o", "the run's output folder").argument("DIR"));
  options.addOption(Option("stages", "", "run the first N stages").argument("N"));
  options.addOption(Option("worker-index", "", "this worker's index").argument("I"));
  options.addOption(Option("workers", "", "number of workers").argument("N"));
  options.addOption(Option("memory-limit-bytes", "", "address space limit, 0 for none").argument("N"));
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout << "usage: docpipe worker CONFIG --stages N ...\n\nA worker process of 'docpipe run --isolate': reads "
                 "documents from standard input, runs the first N stages, writes them back. Not for direct use.\n\n"
              << format_options(options);
    return exit_ok;
  }
  if (parsed.positional.size() != 1) throw UsageError("worker takes exactly one CONFIG");
  const auto pipeline = load_pipeline(parsed.positional[0], parsed.values("plugin-path"));
  if (!pipeline) return exit_usage;
  engine::WorkerSettings settings;
  settings.output_dir = parsed.value("output", "out");
  settings.stages = number(parsed, "stages", pipeline->stages.size());
  settings.worker_index = static_cast<int>(number(parsed, "worker-index", 0));
  settings.workers = static_cast<int>(number(parsed, "workers", 1));
  settings.memory_limit = number(parsed, "memory-limit-bytes", 0);
  return engine::serve_worker(*pipeline, settings);
}

}  // namespace docpipe::cli
