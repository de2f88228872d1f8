#include "shard_merge.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>

#include "checkpoint_store.hpp"
#include "content_hash.hpp"
#include "progress.hpp"
#include "run_journal.hpp"

namespace docpipe::engine {

namespace fs = std::filesystem;

namespace {

struct ShardDocument {
  JournalEntry entry;
  std::size_t shard = 0;
};

}  // namespace

RunSummary merge_outputs(const ResolvedPipeline& pipeline, const std::vector<fs::path>& shards, const RunOptions& options) {
  const std::string pipeline_hash = pipeline_fingerprint(pipeline);
  std::vector<ShardDocument> documents;
  std::vector<ShardDocument> failed;
  std::map<std::string, std::size_t> first_shard;
  std::vector<std::string> duplicates;
  std::error_code ec;
  for (std::size_t s = 0; s < shards.size(); ++s) {
    const fs::path& dir = shards[s];
    if (fs::exists(options.output_dir, ec) && fs::exists(dir, ec) && fs::equivalent(dir, options.output_dir, ec))
      throw MergeError("the merged output folder " + options.output_dir.string() + " is also a shard");
    const JournalContents journal = read_journal(journal_path(dir));
    if (journal.runs.empty()) throw MergeError(dir.string() + " is not a docpipe output folder (no " + journal_path(dir).string() + ")");
    if (!journal.last_run_ended || journal.last_run_interrupted)
      throw MergeError("the last run in " + dir.string() + " did not finish; run it again with --resume first");
    if (journal.runs.back().pipeline_hash != pipeline_hash)
      throw MergeError(dir.string() + " was made with a different pipeline (other plugins, versions or parameters) than " +
                       pipeline.config.file.string());
    for (const JournalEntry& e : journal.last_run) {
      auto [it, fresh] = first_shard.emplace(e.id, s);
      if (!fresh) {
        duplicates.push_back("'" + e.id + "' in " + shards[it->second].string() + " and " + dir.string());
        continue;
      }
      (e.status == JournalEntry::failed ? failed : documents).push_back({e, s});
    }
  }
  if (!duplicates.empty()) {
    std::string list;
    for (std::size_t i = 0; i < duplicates.size() && i < 10; ++i) list += "\n  " + duplicates[i];
    if (duplicates.size() > 10) list += "\n  ... and " + std::to_string(duplicates.size() - 10) + " more";
    throw MergeError(std::to_string(duplicates.size()) + " document(s) appear in more than one shard:" + list);
  }
  const std::size_t split = replay_start(pipeline);
  // A pipeline without an exporting part writes no checkpoints (nothing would replay them): its
  // merge only joins the journals.
  const bool replaying = split < pipeline.stages.size();
  // One store per shard: each indexes its packs once, at its first look-up.
  std::vector<std::unique_ptr<CheckpointStore>> shard_checkpoints;
  for (const fs::path& dir : shards) shard_checkpoints.push_back(std::make_unique<CheckpointStore>(dir));
  for (const ShardDocument& d : documents)
    if (replaying && !shard_checkpoints[d.shard]->has({d.entry.id, d.entry.content_hash, pipeline_hash}))
      throw MergeError("the checkpoint of '" + d.entry.id + "' is missing in " + shards[d.shard].string());
  std::sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) { return a.entry.id < b.entry.id; });

  fs::create_directories(options.output_dir, ec);
  if (ec) throw StageStartError("cannot create output folder " + options.output_dir.string() + ": " + ec.message());
  std::vector<StageSlot> tail = start_stages(pipeline, options.output_dir, split, pipeline.stages.size(), 1);
  RunJournal journal(journal_path(options.output_dir), false,
                     {pipeline_hash, fs::absolute(pipeline.config.file).string(), "merge"});
  CheckpointStore merged(options.output_dir);
  merged.remove_other_packs();  // OUT's journal starts afresh, as in a run without --resume
  RunSummary summary;
  Progress progress(std::cerr, documents.size(), options.terminal, options.quiet);
  const auto start = std::chrono::steady_clock::now();
  for (const ShardDocument& d : documents) {
    const auto t0 = std::chrono::steady_clock::now();
    const CheckpointKey key{d.entry.id, d.entry.content_hash, pipeline_hash};
    std::optional<Document> doc = replaying ? shard_checkpoints[d.shard]->load(key) : std::nullopt;
    DocumentFailure failure{d.entry.id, shards[d.shard].string(), "shard", -1, ""};
    if (!replaying) {
      // Nothing to replay: the shard's journal entry is the whole record of the document.
    } else if (!doc) {
      failure.error = "its checkpoint in " + shards[d.shard].string() + " is damaged";
    } else {
      merged.save(key, *doc);
      if (auto f = run_slots(tail, 0, *doc)) {
        failure.stage = tail[f->stage_index].plugin->descriptor().name;
        failure.stage_index = static_cast<int>(tail[f->stage_index].index);
        failure.error = std::move(f->message);
      }
    }
    journal.record({failure.error.empty() ? JournalEntry::kept : JournalEntry::failed, d.entry.id, d.entry.content_hash, pipeline_hash});
    const std::uint64_t bytes = doc ? doc->raw.size() : 0;
    summary.bytes += bytes;
    if (failure.error.empty()) {
      ++summary.ok;
      ++summary.kept;
    } else {
      ++summary.failed;
      summary.failures.push_back(failure);
    }
    progress.document_done(d.entry.id, bytes, failure.error.empty(), failure.error,
                           std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  for (const ShardDocument& d : failed) {
    ++summary.failed;
    summary.failures.push_back({d.entry.id, shards[d.shard].string(), "shard", -1,
                                "failed in shard " + shards[d.shard].string() + " (see its run-report.json)"});
  }
  summary.finish_errors = finish_slots(tail);
  journal.end(summary.ok, summary.failed, 0);
  progress.finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace docpipe::engine
