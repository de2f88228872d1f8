#pragma once
// What a run leaves behind for people and scripts: OUTDIR/run-report.json and the closing summary.

#include <filesystem>
#include <string>

#include "batch_runner.hpp"

namespace docpipe::engine {

/// Writes the run report (pipeline, counts, bytes, seconds, MB/s and every failure with its stage and
/// error, sorted by document id) to @p path atomically.
void write_run_report(const std::filesystem::path& path, const ResolvedPipeline& pipeline, const RunSummary& summary);

/// The summary printed at the end of a run.
std::string format_summary(const RunSummary& summary, const std::filesystem::path& output_dir);

}  // namespace docpipe::engine
