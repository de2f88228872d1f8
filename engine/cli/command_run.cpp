#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include <unistd.h>

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "batch_runner.hpp"
#include "checkpoint_store.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "pipeline_loading.hpp"
#include "run_report.hpp"
#include "shard.hpp"
#include "stop_signal.hpp"

namespace docpipe::cli {

using Poco::Util::Option;

namespace {

constexpr std::uint64_t default_max_bytes = 512ull << 20;
constexpr std::uint64_t default_memory_limit_mb = 4096;

Poco::Util::OptionSet run_options() {
  Poco::Util::OptionSet options;
  add_common_options(options);
  options.addOption(Option("output", "o", "write outputs below DIR (default: out)").argument("DIR"));
  options.addOption(Option("jobs", "j", "process N documents at once (default: all cores)").argument("N"));
  options.addOption(Option("max-bytes", "", "refuse documents larger than N bytes (default: 536870912)").argument("N"));
  options.addOption(Option("quiet", "q", "print only failures and the summary"));
  options.addOption(Option("resume", "", "skip documents the journal in OUTDIR says are done with the same input and pipeline"));
  options.addOption(Option("shard", "", "process only shard I of N (1-based; default under a Slurm array: the task's)").argument("I/N"));
  options.addOption(Option("isolate", "", "run the analysis stages in a pool of worker processes"));
  options.addOption(Option("timeout", "", "with --isolate: fail a document after S seconds (default: none)").argument("S"));
  options.addOption(Option("memory-limit", "", "with --isolate: address space per worker in MB (default: 4096, 0: none)").argument("MB"));
  return options;
}

std::uint64_t parse_positive(const std::string& option, const std::string& value) {
  std::uint64_t n = 0;
  if (!Poco::NumberParser::tryParseUnsigned64(value, n) || n == 0)
    throw UsageError("--" + option + " expects a positive whole number, got '" + value + "'");
  return n;
}

std::string self_executable() {
  std::error_code ec;
  const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw UsageError("--isolate needs /proc/self/exe to start worker processes");
  return p.string();
}

// The argv of an isolated worker: this executable in worker mode with the same config and plugin path.
std::vector<std::string> worker_command(const std::string& config, const std::vector<std::string>& plugin_paths,
                                        const std::filesystem::path& output_dir, std::size_t stages) {
  std::vector<std::string> argv{self_executable(), "worker", std::filesystem::absolute(config).string()};
  for (const auto& p : plugin_paths) argv.insert(argv.end(), {"--plugin-path", std::filesystem::absolute(p).string()});
  argv.insert(argv.end(), {"-o", std::filesystem::absolute(output_dir).string(), "--stages", std::to_string(stages)});
  return argv;
}

}  // namespace

int command_run(const std::vector<std::string>& args) {
  const Poco::Util::OptionSet options = run_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout << "usage: docpipe run CONFIG INPUT... [-o OUTDIR] [-j N] [--resume] [--shard I/N] [--isolate]\n\n"
                 "Runs the pipeline CONFIG over every INPUT: files, folders (recursive: .txt .md .htm .html),\n"
                 ".jsonl files ({\"id\", \"text\"} per line) and - for standard input. A document that fails is\n"
                 "recorded (OUTDIR/run-report.json) and the batch goes on. OUTDIR/.docpipe keeps a journal and\n"
                 "checkpoints of the documents: --resume reprocesses only what is missing or changed, and\n"
                 "'docpipe merge' joins the outputs of shards. See docs/batch.md.\n\n"
              << format_options(options)
              << "\nExit codes: 0 all documents ok, 1 some documents failed, 2 usage or config error,\n"
                 "130/143 stopped by SIGINT/SIGTERM (finished documents are kept; run again with --resume).\n";
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
  run.resume = parsed.has("resume");
  try {
    run.shard = parsed.has("shard") ? std::optional(engine::parse_shard(parsed.value("shard")))
                                    : engine::shard_from_slurm_environment();
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  if (!parsed.has("isolate") && (parsed.has("timeout") || parsed.has("memory-limit")))
    throw UsageError("--timeout and --memory-limit need --isolate (a thread cannot be stopped safely)");

  const auto pipeline = load_pipeline(parsed.positional[0], parsed.values("plugin-path"));
  if (!pipeline) return exit_usage;

  if (parsed.has("isolate")) {
    engine::WorkerLimits limits;
    limits.command = worker_command(parsed.positional[0], parsed.values("plugin-path"), run.output_dir,
                                    engine::replay_start(*pipeline));
    if (parsed.has("timeout")) {
      double seconds = 0;
      if (!Poco::NumberParser::tryParseFloat(parsed.value("timeout"), seconds) || !(seconds > 0) || seconds > 1e7)
        throw UsageError("--timeout expects a positive number of seconds, got '" + parsed.value("timeout") + "'");
      limits.timeout_seconds = seconds;
    }
    std::uint64_t mb = default_memory_limit_mb;
    if (parsed.has("memory-limit") && !Poco::NumberParser::tryParseUnsigned64(parsed.value("memory-limit"), mb))
      throw UsageError("--memory-limit expects a whole number of megabytes, got '" + parsed.value("memory-limit") + "'");
    limits.memory_limit = mb << 20;
    run.isolate = limits;
  }

  std::vector<std::string> inputs(parsed.positional.begin() + 1, parsed.positional.end());
  engine::RunSummary summary;
  engine::install_stop_handlers();
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
  if (summary.kept || summary.outside_shard || run.shard)
    std::cerr << "docpipe: " << summary.kept << " reused from an earlier run (--resume)"
              << (run.shard ? ", shard " + run.shard->label() + ": " + std::to_string(summary.outside_shard) + " inputs left to other shards" : "")
              << "\n";
  if (summary.interrupted_by) {
    std::cerr << "docpipe: stopped by signal " << summary.interrupted_by
              << "; finished documents are kept, run again with --resume to do the rest\n";
    return 128 + summary.interrupted_by;
  }
  return summary.failed == 0 && summary.finish_errors.empty() ? exit_ok : exit_documents_failed;
}

}  // namespace docpipe::cli
