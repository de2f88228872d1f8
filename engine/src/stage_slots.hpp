#pragma once
// The live stage instances of a run: one per worker thread, or one shared behind a mutex.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "docpipe/abi.hpp"
#include "pipeline_config.hpp"

namespace docpipe::engine {

/// A stage that could not be created (bad parameter value for the plugin, missing file, ...): the run
/// does not start. Exit code 2.
class StageStartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The instances of one stage.
struct StageSlot {
  std::size_t index = 0;                 ///< Position in the pipeline.
  const LoadedPlugin* plugin = nullptr;
  bool serialized = false;
  std::vector<std::unique_ptr<abi::StageInstance>> instances;
  std::unique_ptr<std::mutex> mutex = std::make_unique<std::mutex>();

  /// Runs the instance of @p worker (or the shared one, one call at a time) on @p doc.
  abi::Status process(int worker, Document& doc);
};

/// Creates the instances of stages [@p first, @p last) of @p pipeline for @p workers worker threads
/// (@p worker_base is added to ctx.worker, @p worker_total is ctx.workers). Throws StageStartError
/// naming the config line, stage and plugin when one cannot start.
std::vector<StageSlot> start_stages(const ResolvedPipeline& pipeline, const std::filesystem::path& output_dir,
                                    std::size_t first, std::size_t last, int workers, int worker_base = 0,
                                    int worker_total = 0);

/// Runs the slots on @p doc in order, adding provenance, until one fails. Returns the failed slot's
/// position in @p slots and its message, or nothing.
struct StageFailure {
  std::size_t stage_index;
  std::string message;
};
std::optional<StageFailure> run_slots(std::vector<StageSlot>& slots, int worker, Document& doc);

/// Runs slots [@p first, @p last) on @p doc, as run_slots() does all of them; the failed slot's
/// position is in @p slots.
std::optional<StageFailure> run_slots(std::vector<StageSlot>& slots, std::size_t first, std::size_t last, int worker,
                                      Document& doc);

/// Slots [first, last) of a list: one run of consecutive serialized stages.
struct TailSegment {
  std::size_t first;
  std::size_t last;
};

/// The maximal runs of consecutive serialized slots in @p slots, in order.
std::vector<TailSegment> serialized_segments(const std::vector<StageSlot>& slots);

/// Calls finish() on every instance; returns `plugin: message` for each that failed.
std::vector<std::string> finish_slots(std::vector<StageSlot>& slots);

}  // namespace docpipe::engine
