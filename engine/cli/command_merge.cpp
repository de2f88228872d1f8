// `docpipe merge OUT_1 ... OUT_N -o OUT`: joins the output folders of the shards of one run.
#include <iostream>

#include <unistd.h>

#include <Poco/Util/Option.h>

#include "command_line.hpp"
#include "commands.hpp"
#include "pipeline_loading.hpp"
#include "run_journal.hpp"
#include "run_report.hpp"
#include "shard_merge.hpp"

namespace docpipe::cli {

using Poco::Util::Option;

int command_merge(const std::vector<std::string>& args) {
  Poco::Util::OptionSet options;
  add_common_options(options);
  options.addOption(Option("output", "o", "write the merged outputs below DIR (required)").argument("DIR"));
  options.addOption(Option("config", "c", "the pipeline (default: the config the shards' journals name)").argument("CONFIG"));
  options.addOption(Option("quiet", "q", "print only failures and the summary"));
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout << "usage: docpipe merge OUT_1 ... OUT_N -o OUT [--config CONFIG]\n\n"
                 "Merges the output folders of the shards of a run (docpipe run --shard I/N, or a Slurm array) into\n"
                 "OUT: every document the shards processed is fed from its checkpoint to the pipeline's exporters, so\n"
                 "OUT holds one SQLite database, one set of CSV files, one documents.jsonl and one HTML index, as a\n"
                 "single run would write them. Fails, writing nothing, when a shard did not finish, the shards were\n"
                 "made with different pipelines, or a document appears in two shards. See docs/batch.md.\n\n"
              << format_options(options)
              << "\nExit codes: 0 merged, 1 some documents failed (in a shard or while merging), 2 usage error or\n"
                 "shards that do not fit together.\n";
    return exit_ok;
  }
  if (parsed.positional.empty()) throw UsageError("merge needs at least one shard output folder");
  if (!parsed.has("output")) throw UsageError("merge needs -o OUT");
  std::vector<std::filesystem::path> shards(parsed.positional.begin(), parsed.positional.end());
  std::string config = parsed.value("config");
  if (config.empty()) {
    const auto journal = engine::read_journal(engine::journal_path(shards.front()));
    if (journal.runs.empty())
      throw UsageError(shards.front().string() + " has no run journal; is it a docpipe output folder?");
    config = journal.runs.back().config;
  }
  const auto pipeline = load_pipeline(config, parsed.values("plugin-path"));
  if (!pipeline) return exit_usage;
  engine::RunOptions run;
  run.output_dir = parsed.value("output");
  run.quiet = parsed.has("quiet");
  run.terminal = ::isatty(STDERR_FILENO) != 0;
  engine::RunSummary summary;
  try {
    summary = engine::merge_outputs(*pipeline, shards, run);
  } catch (const engine::MergeError& e) {
    std::cerr << "docpipe merge: " << e.what() << "\n";
    return exit_usage;
  } catch (const engine::StageStartError& e) {
    std::cerr << "docpipe merge: " << e.what() << "\n";
    return exit_usage;
  }
  engine::write_run_report(run.output_dir / "run-report.json", *pipeline, summary);
  std::cerr << engine::format_summary(summary, run.output_dir);
  return summary.failed == 0 && summary.finish_errors.empty() ? exit_ok : exit_documents_failed;
}

}  // namespace docpipe::cli
