#pragma once
// `docpipe merge`: one output folder from the output folders of the shards of a run.

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "batch_runner.hpp"

namespace docpipe::engine {

/// Shards that cannot be merged: one did not finish, they were made with different pipelines, a
/// document appears in two of them, or a checkpoint is missing. Nothing is written. Exit code 2.
class MergeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Merges @p shards into options.output_dir by replaying every document the shards' last runs
/// processed successfully (their checkpoints, sorted by id) through the exporting stages of
/// @p pipeline — the stages from replay_start() on — so that every exporter (SQLite, CSV, JSONL, HTML
/// index, ...) writes one complete output as a single run would. The merged folder gets its own
/// journal and checkpoints, so it can itself be resumed or merged. Documents that failed in a shard
/// are listed as failures (stage `shard`). Throws MergeError before writing anything when the shards
/// do not fit together (see MergeError).
RunSummary merge_outputs(const ResolvedPipeline& pipeline, const std::vector<std::filesystem::path>& shards,
                         const RunOptions& options);

}  // namespace docpipe::engine
