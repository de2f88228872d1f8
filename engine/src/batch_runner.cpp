#include "batch_runner.hpp"

#include <chrono>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "docpipe/utf8.hpp"
#include "progress.hpp"

namespace docpipe::engine {

namespace fs = std::filesystem;

namespace {

// The instances of one stage: one per worker, or one shared behind a mutex.
struct StageSlot {
  const LoadedPlugin* plugin = nullptr;
  bool serialized = false;
  std::vector<std::unique_ptr<abi::StageInstance>> instances;
  std::unique_ptr<std::mutex> mutex = std::make_unique<std::mutex>();

  abi::Status process(int worker, Document& doc) {
    if (!serialized) return instances[static_cast<std::size_t>(worker)]->process(doc);
    std::lock_guard<std::mutex> lock(*mutex);
    return instances.front()->process(doc);
  }
};

std::vector<StageSlot> start_stages(const ResolvedPipeline& pipeline, const RunOptions& options, int workers) {
  std::vector<StageSlot> slots;
  for (std::size_t i = 0; i < pipeline.stages.size(); ++i) {
    const ResolvedStage& stage = pipeline.stages[i];
    const Descriptor& d = stage.plugin->descriptor();
    StageSlot slot;
    slot.plugin = stage.plugin;
    slot.serialized = d.concurrency == Concurrency::serialized;
    const int count = slot.serialized ? 1 : workers;
    for (int w = 0; w < count; ++w) {
      StageContext ctx;
      ctx.params = stage.params;
      ctx.output_dir = options.output_dir;
      ctx.config_dir = pipeline.config.file.parent_path();
      ctx.pipeline = pipeline.config.name;
      ctx.plugin = d.name;
      ctx.worker = w;
      ctx.workers = count;
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

}  // namespace

std::string safe_document_id(const std::string& id) {
  std::string out;
  out.reserve(id.size());
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    out += (c == '/' || c == '\\' || u < 0x20 || u == 0x7F) ? '_' : c;
  }
  if (out.empty()) out = "document";
  if (out.front() == '.') out.front() = '_';
  return out;
}

RunSummary run_batch(const ResolvedPipeline& pipeline, InputSource& inputs, const RunOptions& options) {
  const int workers = std::max(1, options.jobs);
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec) throw StageStartError("cannot create output folder " + options.output_dir.string() + ": " + ec.message());
  std::vector<StageSlot> slots = start_stages(pipeline, options, workers);

  RunSummary summary;
  std::mutex summary_mutex;
  std::set<std::string> seen_ids;
  Progress progress(std::cerr, inputs.total(), options.terminal, options.quiet);
  const auto start = std::chrono::steady_clock::now();

  auto record = [&](const Document& doc, DocumentFailure* failure, double ms) {
    {
      std::lock_guard<std::mutex> lock(summary_mutex);
      summary.bytes += doc.raw.size();
      if (failure) {
        ++summary.failed;
        summary.failures.push_back(*failure);
      } else {
        ++summary.ok;
      }
    }
    progress.document_done(doc.id, doc.raw.size(), failure == nullptr,
                           failure ? "[" + failure->stage + "] " + failure->error : std::string{}, ms);
  };

  auto work = [&](int worker) {
    while (auto item = inputs.next()) {
      const auto t0 = std::chrono::steady_clock::now();
      Document doc;
      doc.id = safe_document_id(item->id);
      doc.source = item->source;
      doc.raw = std::move(item->raw);
      DocumentFailure failure{doc.id, doc.source, "input", -1, item->error};
      if (failure.error.empty()) {
        std::lock_guard<std::mutex> lock(summary_mutex);
        if (!seen_ids.insert(doc.id).second)
          failure.error = "duplicate document id '" + doc.id + "': another input already has it";
      }
      if (failure.error.empty() && doc.raw.empty()) failure.error = "empty input (0 bytes)";
      if (failure.error.empty()) {
        if (utf8::is_valid(doc.raw)) {
          doc.text = doc.raw;
          doc.encoding = {"UTF-8", 1.0, false};
          doc.source_map = SourceMap::identity(doc.raw.size());
        }
        for (std::size_t s = 0; s < slots.size(); ++s) {
          const auto s0 = std::chrono::steady_clock::now();
          const abi::Status status = slots[s].process(worker, doc);
          const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s0).count();
          const Descriptor& d = slots[s].plugin->descriptor();
          doc.provenance.push_back({d.name, d.version, ms});
          if (!status.ok) {
            failure.stage = d.name;
            failure.stage_index = static_cast<int>(s);
            failure.error = status.message.empty() ? "failed without a message" : status.message;
            break;
          }
        }
      }
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      record(doc, failure.error.empty() ? nullptr : &failure, ms);
    }
  };

  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();

  for (StageSlot& slot : slots)
    for (auto& instance : slot.instances) {
      const abi::Status status = instance->finish();
      if (!status.ok) summary.finish_errors.push_back(slot.plugin->descriptor().name + ": " + status.message);
    }
  progress.finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace docpipe::engine
