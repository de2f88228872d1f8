#include <algorithm>
#include <cstdio>
#include <iostream>
#include <thread>

#include <unistd.h>

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "batch_runner.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "pipeline_loading.hpp"
#include "run_report.hpp"

namespace docpipe::cli {

using Poco::Util::Option;

namespace {

constexpr std::uint64_t default_max_bytes = 512ull << 20;

Poco::Util::OptionSet run_options() {
  Poco::Util::OptionSet options;
  add_common_options(options);
  options.addOption(Option("output", "o", "write outputs below DIR (default: out)").argument("DIR"));
  options.addOption(Option("jobs", "j", "process N documents at once (default: all cores)").argument("N"));
  options.addOption(Option("max-bytes", "", "refuse documents larger than N bytes (default: 536870912)").argument("N"));
  options.addOption(Option("quiet", "q", "print only failures and the summary"));
  return options;
}

std::uint64_t parse_positive(const std::string& option, const std::string& value) {
  std::uint64_t n = 0;
  if (!Poco::NumberParser::tryParseUnsigned64(value, n) || n == 0)
    throw UsageError("--" + option + " expects a positive whole number, got '" + value + "'");
  return n;
}

}  // namespace

int command_run(const std::vector<std::string>& args) {
  const Poco::Util::OptionSet options = run_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout << "usage: docpipe run CONFIG INPUT... [-o OUTDIR] [-j N]\n\n"
                 "Runs the pipeline CONFIG over every INPUT: files, folders (recursive: .txt .md .htm .html),\n"
                 ".jsonl files ({\"id\", \"text\"} per line) and - for standard input. A document that fails is\n"
                 "recorded (OUTDIR/run-report.json) and the batch goes on.\n\n"
              << format_options(options)
              << "\nExit codes: 0 all documents ok, 1 some documents failed, 2 usage or config error.\n";
    return exit_ok;
  }
  if (parsed.positional.size() < 2) throw UsageError("run needs a CONFIG and at least one INPUT");

  engine::RunOptions run;
  run.output_dir = parsed.value("output", "out");
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  run.jobs = static_cast<int>(parsed.has("jobs") ? std::min<std::uint64_t>(parse_positive("jobs", parsed.value("jobs")), 1024)
                                                 : cores);
  const std::uint64_t max_bytes =
      parsed.has("max-bytes") ? parse_positive("max-bytes", parsed.value("max-bytes")) : default_max_bytes;
  run.quiet = parsed.has("quiet");
  run.terminal = ::isatty(STDERR_FILENO) != 0;

  const auto pipeline = load_pipeline(parsed.positional[0], parsed.values("plugin-path"));
  if (!pipeline) return exit_usage;

  std::vector<std::string> inputs(parsed.positional.begin() + 1, parsed.positional.end());
  engine::RunSummary summary;
  try {
    engine::InputSource source(inputs, max_bytes);
    summary = engine::run_batch(*pipeline, source, run);
  } catch (const engine::InputError& e) {
    std::cerr << "docpipe run: " << e.what() << "\n";
    return exit_usage;
  } catch (const engine::StageStartError& e) {
    std::cerr << "docpipe run: " << e.what() << "\n";
    return exit_usage;
  }

  engine::write_run_report(run.output_dir / "run-report.json", *pipeline, summary);
  std::cerr << engine::format_summary(summary, run.output_dir);
  return summary.failed == 0 && summary.finish_errors.empty() ? exit_ok : exit_documents_failed;
}

}  // namespace docpipe::cli
