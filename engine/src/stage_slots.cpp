#include "stage_slots.hpp"

#include <chrono>
#include <optional>

namespace docpipe::engine {

abi::Status StageSlot::process(int worker, Document& doc) {
  if (!serialized) return instances[static_cast<std::size_t>(worker)]->process(doc);
  std::lock_guard<std::mutex> lock(*mutex);
  return instances.front()->process(doc);
}

std::vector<StageSlot> start_stages(const ResolvedPipeline& pipeline, const std::filesystem::path& output_dir,
                                    std::size_t first, std::size_t last, int workers, int worker_base,
                                    int worker_total) {
  std::vector<StageSlot> slots;
  for (std::size_t i = first; i < last && i < pipeline.stages.size(); ++i) {
    const ResolvedStage& stage = pipeline.stages[i];
    const Descriptor& d = stage.plugin->descriptor();
    StageSlot slot;
    slot.index = i;
    slot.plugin = stage.plugin;
    slot.serialized = d.concurrency == Concurrency::serialized;
    const int count = slot.serialized ? 1 : workers;
    for (int w = 0; w < count; ++w) {
      StageContext ctx;
      ctx.params = stage.params;
      ctx.output_dir = output_dir;
      ctx.config_dir = pipeline.config.file.parent_path();
      ctx.pipeline = pipeline.config.name;
      ctx.plugin = d.name;
      ctx.worker = worker_base + w;
      ctx.workers = worker_total > 0 ? worker_total : count;
      std::unique_ptr<abi::StageInstance> instance;
      const abi::Status status = stage.plugin->factory->create(ctx, instance);
      if (!status.ok || !instance) {
        const auto& where = pipeline.config.stages[i].where;
        throw StageStartError(format_location(pipeline.config.file.string(), where) + ": stage " + std::to_string(i + 1) +
                              " (plugin '" + d.name + "', " + stage.plugin->file.string() +
                              ") could not start: " + (status.message.empty() ? "no instance" : status.message));
      }
      slot.instances.push_back(std::move(instance));
    }
    slots.push_back(std::move(slot));
  }
  return slots;
}

std::optional<StageFailure> run_slots(std::vector<StageSlot>& slots, int worker, Document& doc) {
  return run_slots(slots, 0, slots.size(), worker, doc);
}

std::optional<StageFailure> run_slots(std::vector<StageSlot>& slots, std::size_t first, std::size_t last, int worker,
                                      Document& doc) {
  for (std::size_t s = first; s < last && s < slots.size(); ++s) {
    const auto s0 = std::chrono::steady_clock::now();
    const abi::Status status = slots[s].process(worker, doc);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s0).count();
    const Descriptor& d = slots[s].plugin->descriptor();
    doc.provenance.push_back({d.name, d.version, ms});
    if (!status.ok) return StageFailure{s, status.message.empty() ? "failed without a message" : status.message};
  }
  return std::nullopt;
}

std::vector<TailSegment> serialized_segments(const std::vector<StageSlot>& slots) {
  std::vector<TailSegment> segments;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (!slots[i].serialized) continue;
    if (!segments.empty() && segments.back().last == i) ++segments.back().last;
    else segments.push_back({i, i + 1});
  }
  return segments;
}

std::vector<std::string> finish_slots(std::vector<StageSlot>& slots) {
  std::vector<std::string> errors;
  for (StageSlot& slot : slots)
    for (auto& instance : slot.instances) {
      const abi::Status status = instance->finish();
      if (!status.ok) errors.push_back(slot.plugin->descriptor().name + ": " + status.message);
    }
  return errors;
}

}  // namespace docpipe::engine
