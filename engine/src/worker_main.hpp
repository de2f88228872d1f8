#pragma once
// The other end of --isolate: a worker process that runs the analysis stages on documents it reads
// from standard input and writes back to standard output.

#include <cstdint>
#include <filesystem>

#include "pipeline_config.hpp"

namespace docpipe::engine {

/// How a worker process is set up (from its command line).
struct WorkerSettings {
  std::filesystem::path output_dir;  ///< The run's output folder (stages' context).
  std::size_t stages = 0;            ///< Runs stages [0, stages) of the pipeline.
  int worker_index = 0;              ///< ctx.worker of its instances.
  int workers = 1;                   ///< ctx.workers.
  std::uint64_t memory_limit = 0;    ///< RLIMIT_AS in bytes, 0 for none.
};

/// Serves documents until standard input closes: creates the stage instances, sends the ready frame,
/// then for each request frame (an encoded Document) replies with a WorkerReply. Protocol frames use
/// the original standard output; the stages' own writes to stdout go to stderr. Ignores SIGINT and
/// SIGTERM (the parent decides when work stops) and dies with its parent. Returns the exit code.
int serve_worker(const ResolvedPipeline& pipeline, const WorkerSettings& settings);

}  // namespace docpipe::engine
