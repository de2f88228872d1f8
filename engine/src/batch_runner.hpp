#pragma once
// Runs every document of a batch through a validated pipeline on worker threads.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "input_source.hpp"
#include "pipeline_config.hpp"

namespace docpipe::engine {

/// How a run behaves.
struct RunOptions {
  std::filesystem::path output_dir = "out";  ///< Where exporters write.
  int jobs = 1;                              ///< Worker threads.
  bool terminal = false;                     ///< Draw a progress bar (stderr is a terminal).
  bool quiet = false;                        ///< Print only failures and the summary.
};

/// A document that failed.
struct DocumentFailure {
  std::string id;
  std::string source;
  std::string stage;    ///< Plugin name, or `input` when the document could not be read.
  int stage_index = -1; ///< Position of the stage in the pipeline (0-based), -1 for input.
  std::string error;
};

/// What a run did.
struct RunSummary {
  std::size_t ok = 0;
  std::size_t failed = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
  std::vector<DocumentFailure> failures;
  std::vector<std::string> finish_errors;  ///< Stages whose finish() failed.

  /// Megabytes (10^6 bytes) of input per second.
  double mb_per_second() const noexcept { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
};

/// A stage that could not be created (bad parameter value for the plugin, missing file, ...): the run
/// does not start. Exit code 2.
class StageStartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Processes every document of @p inputs through @p pipeline. Stage instances are created before the
/// first document (throws StageStartError when one cannot be); a document that fails in any stage is
/// recorded and the batch goes on.
RunSummary run_batch(const ResolvedPipeline& pipeline, InputSource& inputs, const RunOptions& options);

/// Makes an id safe as a file name below the output folder: path separators, control characters and a
/// leading dot become `_`; an empty id becomes `document`.
std::string safe_document_id(const std::string& id);

}  // namespace docpipe::engine
