#include "batch_runner.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "checkpoint_store.hpp"
#include "content_hash.hpp"
#include "docpipe/utf8.hpp"
#include "progress.hpp"
#include "run_journal.hpp"
#include "serial_handoff.hpp"
#include "stale_temp_files.hpp"
#include "stop_signal.hpp"

namespace docpipe::engine {

namespace fs = std::filesystem;

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
  remove_stale_temp_files(options.output_dir);

  std::string pipeline_hash;
  try {
    pipeline_hash = pipeline_fingerprint(pipeline);
  } catch (const std::exception& e) {
    throw StageStartError(e.what());
  }
  const std::size_t split = replay_start(pipeline);
  const bool isolated = options.isolate.has_value() && split > 0;
  // Checkpoints exist to be replayed through the exporting part; a pipeline without one has nothing
  // to replay, so its documents are resumed from the journal alone (docs/batch.md).
  const bool checkpointing = split < pipeline.stages.size();
  // With isolation the analysis stages live in the worker processes only.
  std::vector<StageSlot> analysis =
      isolated ? std::vector<StageSlot>{} : start_stages(pipeline, options.output_dir, 0, split, workers);
  std::vector<StageSlot> tail = start_stages(pipeline, options.output_dir, split, pipeline.stages.size(), workers);
  std::vector<std::unique_ptr<WorkerProcess>> processes;
  RunSummary summary;
  if (isolated) {
    for (int w = 0; w < workers; ++w) {
      processes.push_back(std::make_unique<WorkerProcess>(*options.isolate, w, workers));
      try {
        processes.back()->start();
      } catch (const WorkerStartError& e) {
        throw StageStartError(e.what());
      }
    }
  }

  const JournalContents previous = options.resume ? read_journal(journal_path(options.output_dir)) : JournalContents{};
  RunJournal journal(journal_path(options.output_dir), options.resume,
                     {pipeline_hash, fs::absolute(pipeline.config.file).string(), options.shard ? options.shard->label() : ""});
  CheckpointStore checkpoints(options.output_dir);
  // The journal no longer names any document of an earlier run, so no record of one can be replayed:
  // their packs go now, before this run's own (docs/batch.md). A run killed from here on leaves a
  // journal that keeps nothing.
  if (!options.resume) checkpoints.remove_other_packs();

  std::mutex summary_mutex;
  std::set<std::string> seen_ids;
  // Other shards' files are left unread; JSON Lines records are checked below, once their id is known.
  if (options.shard)
    inputs.set_filter([shard = *options.shard](const std::string& id) { return shard.contains(safe_document_id(id)); });
  Progress progress(std::cerr, inputs.total(), options.terminal, options.quiet);
  const auto start = std::chrono::steady_clock::now();

  auto record = [&](const Document& doc, DocumentFailure* failure, bool kept, double ms) {
    {
      std::lock_guard<std::mutex> lock(summary_mutex);
      summary.bytes += doc.raw.size();
      if (failure) {
        ++summary.failed;
        summary.failures.push_back(*failure);
      } else {
        ++summary.ok;
        summary.kept += kept;
      }
    }
    progress.document_done(doc.id, doc.raw.size(), failure == nullptr,
                           failure ? "[" + failure->stage + "] " + failure->error : std::string{}, ms);
  };

  auto fail_at = [&](DocumentFailure& failure, std::size_t stage_index, std::string message) {
    failure.stage = pipeline.stages[stage_index].plugin->descriptor().name;
    failure.stage_index = static_cast<int>(stage_index);
    failure.error = std::move(message);
  };

  // Runs the analysis stages in this thread or in the worker process; fills failure on error.
  auto analyse = [&](int worker, Document& doc, DocumentFailure& failure) {
    if (!isolated) {
      if (auto f = run_slots(analysis, worker, doc)) fail_at(failure, analysis[f->stage_index].index, std::move(f->message));
      return;
    }
    const WorkerOutcome outcome = processes[static_cast<std::size_t>(worker)]->process(doc);
    if (outcome.ok) return;
    if (outcome.stage_index >= 0 && static_cast<std::size_t>(outcome.stage_index) < split) {
      fail_at(failure, static_cast<std::size_t>(outcome.stage_index), outcome.error);
    } else {
      failure.stage = "worker";
      failure.stage_index = -1;
      failure.error = outcome.error.empty() ? "worker process failed" : outcome.error;
    }
  };

  // A document between its analysis and its journal line: what the exporting stages still need.
  struct InFlight {
    Document doc;
    CheckpointKey key;
    DocumentFailure failure;
    bool kept = false;
    std::chrono::steady_clock::time_point t0;
    std::size_t next = 0;  // the next stage of the tail to run
  };

  auto finish_document = [&](InFlight& f) {
    JournalEntry entry{f.failure.error.empty() ? (f.kept ? JournalEntry::kept : JournalEntry::ok) : JournalEntry::failed,
                       f.doc.id, f.key.content_hash, pipeline_hash};
    journal.record(entry);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - f.t0).count();
    record(f.doc, f.failure.error.empty() ? nullptr : &f.failure, f.kept, ms);
  };

  // Each run of consecutive serialized stages in the tail is one section with its own hand-off, so
  // a worker never waits idle for an exporter another worker is in (serial_handoff.hpp).
  const std::vector<TailSegment> segments = serialized_segments(tail);
  std::vector<int> segment_at(tail.size(), -1);
  std::vector<std::unique_ptr<SerialHandoff<InFlight>>> handoffs;
  std::function<void(int, InFlight&)> advance = [&](int worker, InFlight& f) {
    while (f.failure.error.empty() && f.next < tail.size()) {
      if (const int seg = segment_at[f.next]; seg >= 0) {
        handoffs[static_cast<std::size_t>(seg)]->submit(worker, std::move(f));
        return;
      }
      if (auto failed = run_slots(tail, f.next, f.next + 1, worker, f.doc))
        fail_at(f.failure, tail[failed->stage_index].index, std::move(failed->message));
      ++f.next;
    }
    finish_document(f);
  };
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const TailSegment seg = segments[k];
    for (std::size_t i = seg.first; i < seg.last; ++i) segment_at[i] = static_cast<int>(k);
    handoffs.push_back(std::make_unique<SerialHandoff<InFlight>>(
        static_cast<std::size_t>(workers),
        [&, seg](int worker, InFlight& f) {
          if (auto failed = run_slots(tail, seg.first, seg.last, worker, f.doc))
            fail_at(f.failure, tail[failed->stage_index].index, std::move(failed->message));
          f.next = seg.last;
        },
        advance));
  }

  std::atomic<bool> aborting{false};
  auto work = [&](int worker) {
    while (stop_signal() == 0 && !aborting.load()) {
      auto item = inputs.next();
      if (!item) break;
      InFlight f;
      f.t0 = std::chrono::steady_clock::now();
      Document& doc = f.doc;
      doc.id = safe_document_id(item->id);
      if (options.shard && !options.shard->contains(doc.id)) {
        std::lock_guard<std::mutex> lock(summary_mutex);
        ++summary.outside_shard;
        continue;
      }
      doc.source = item->source;
      doc.raw = std::move(item->raw);
      DocumentFailure& failure = f.failure;
      failure = {doc.id, doc.source, "input", -1, item->error};
      if (failure.error.empty()) {
        std::lock_guard<std::mutex> lock(summary_mutex);
        if (!seen_ids.insert(doc.id).second)
          failure.error = "duplicate document id '" + doc.id + "': another input already has it";
      }
      if (failure.error.empty() && doc.raw.empty()) failure.error = "empty input (0 bytes)";
      if (!failure.error.empty()) {  // not read: no journal line
        record(doc, &failure, false, 0);
        continue;
      }
      f.key = {doc.id, content_hash_hex(doc.raw), pipeline_hash};
      if (options.resume) {
        const auto it = previous.latest.find(doc.id);
        if (it != previous.latest.end() && it->second.status != JournalEntry::failed &&
            it->second.content_hash == f.key.content_hash && it->second.pipeline_hash == pipeline_hash) {
          if (!checkpointing) {
            f.kept = true;
          } else if (auto saved = checkpoints.load(f.key)) {
            doc = std::move(*saved);
            f.kept = true;
          }
        }
      }
      if (!f.kept) {
        if (utf8::is_valid(doc.raw)) {
          doc.text = doc.raw;
          doc.encoding = {"UTF-8", 1.0, false};
          doc.source_map = SourceMap::identity(doc.raw.size());
        }
        analyse(worker, doc, failure);
        if (failure.error.empty() && checkpointing) checkpoints.save(f.key, doc);
      }
      advance(worker, f);
    }
  };

  // A failure outside the per-document contract (a checkpoint that cannot be written, a worker that
  // cannot be restarted) stops the run; the first one is rethrown after every thread has ended.
  std::exception_ptr fatal;
  std::mutex fatal_mutex;
  auto guarded = [&](int worker) {
    try {
      work(worker);
      // Stopped by the thread that started it: a worker dies with the thread that spawned it
      // (PR_SET_PDEATHSIG), and it should first finish its stages.
      if (isolated) processes[static_cast<std::size_t>(worker)]->stop();
    } catch (...) {
      std::lock_guard<std::mutex> lock(fatal_mutex);
      if (!fatal) fatal = std::current_exception();
      aborting.store(true);
    }
  };
  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(guarded, w);
  guarded(0);
  for (auto& t : threads) t.join();

  for (auto& p : processes) {
    p->stop();
    summary.worker_starts += p->starts();
  }
  for (auto& e : finish_slots(analysis)) summary.finish_errors.push_back(e);
  for (auto& e : finish_slots(tail)) summary.finish_errors.push_back(e);
  summary.interrupted_by = stop_signal();
  if (!fatal) journal.end(summary.ok, summary.failed, summary.interrupted_by);
  if (!fatal && options.resume && checkpointing && summary.interrupted_by == 0) {
    // A resumed run adds a pack beside those it replayed from; superseded records go once they
    // outweigh the live ones (docs/batch.md). Live: what the next --resume could replay.
    const JournalContents now = read_journal(journal_path(options.output_dir));
    checkpoints.compact([&](const CheckpointKey& key) {
      const auto it = now.latest.find(key.id);
      return it != now.latest.end() && it->second.status != JournalEntry::failed &&
             it->second.content_hash == key.content_hash && it->second.pipeline_hash == key.pipeline_hash;
    });
  }
  progress.finish();
  summary.outside_shard += inputs.filtered_out();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (fatal) std::rethrow_exception(fatal);
  return summary;
}

}  // namespace docpipe::engine
