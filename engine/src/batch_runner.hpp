#pragma once
// Runs every document of a batch through a validated pipeline on worker threads, optionally resuming
// an earlier run, processing one shard of the inputs, or isolating the analysis stages in worker
// processes.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "input_source.hpp"
#include "pipeline_config.hpp"
#include "shard.hpp"
#include "stage_slots.hpp"
#include "worker_process.hpp"

namespace docpipe::engine {

/// How a run behaves.
struct RunOptions {
  std::filesystem::path output_dir = "out";  ///< Where exporters write.
  int jobs = 1;                              ///< Worker threads (and worker processes with isolate).
  bool terminal = false;                     ///< Draw a progress bar (stderr is a terminal).
  bool quiet = false;                        ///< Print only failures and the summary.
  /// Skip documents whose input and pipeline hashes match the journal and whose checkpoint exists:
  /// they are not analysed again, only replayed through the exporters (see docs/batch.md). Without
  /// exporters there is nothing to replay and the journal entry alone marks a document as done.
  bool resume = false;
  std::optional<Shard> shard;                ///< Process only this shard of the inputs.
  /// Run the analysis stages (those before replay_start()) in worker processes with these limits.
  std::optional<WorkerLimits> isolate;
};

/// A document that failed.
struct DocumentFailure {
  std::string id;
  std::string source;
  std::string stage;    ///< Plugin name, `input` when the document could not be read, `worker` when an
                        ///< isolated worker process died or ran out of time.
  int stage_index = -1; ///< Position of the stage in the pipeline (0-based), -1 for input or worker.
  std::string error;
};

/// What a run did.
struct RunSummary {
  std::size_t ok = 0;
  std::size_t failed = 0;
  std::size_t kept = 0;            ///< Of the ok ones: replayed from their checkpoint (--resume).
  std::size_t outside_shard = 0;   ///< Inputs left to other shards.
  int interrupted_by = 0;          ///< SIGINT/SIGTERM that stopped the run early, or 0.
  int worker_starts = 0;           ///< Worker processes started (--isolate), replacements included.
  std::uint64_t bytes = 0;
  double seconds = 0;
  std::vector<DocumentFailure> failures;
  std::vector<std::string> finish_errors;  ///< Stages whose finish() failed.

  /// Megabytes (10^6 bytes) of input per second.
  double mb_per_second() const noexcept { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
};

/// Processes every document of @p inputs through @p pipeline. Stage instances are created before the
/// first document (throws StageStartError when one cannot be); a document that fails in any stage is
/// recorded and the batch goes on. Writes OUTDIR/.docpipe/journal.tsv, and a checkpoint record per
/// document, appended to the run's checkpoint pack, when the pipeline has an exporting part to replay it
/// through (replay_start(); CheckpointStore).
/// After SIGINT/SIGTERM (install_stop_handlers()) no new document starts; in-flight ones finish, the
/// stages finish and the summary names the signal.
RunSummary run_batch(const ResolvedPipeline& pipeline, InputSource& inputs, const RunOptions& options);

/// Makes an id safe as a file name below the output folder: path separators, control characters and a
/// leading dot become `_`; an empty id becomes `document`.
std::string safe_document_id(const std::string& id);

}  // namespace docpipe::engine
