#pragma once
// OUTDIR/.docpipe/checkpoints: each processed document as it left the analysis stages, so that a
// resumed run or `docpipe merge` can feed it to the exporters again without re-analysing it. Stored
// as records appended to one pack file per run (checkpoint_pack.hpp); see docs/batch.md.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "checkpoint_pack.hpp"
#include "docpipe/document.hpp"
#include "pipeline_config.hpp"

namespace docpipe::engine {

/// Index of the first stage that runs in the parent process and is replayed from checkpoints: the
/// first exporter or serialized stage (stages.size() when there is none). Stages before it are the
/// analysis part, run in --isolate workers.
std::size_t replay_start(const ResolvedPipeline& pipeline);

/// The checkpoint folder of one output folder. Safe to use from several threads.
class CheckpointStore {
 public:
  explicit CheckpointStore(std::filesystem::path output_dir);
  ~CheckpointStore();
  CheckpointStore(const CheckpointStore&) = delete;
  CheckpointStore& operator=(const CheckpointStore&) = delete;

  /// Appends @p doc for @p key to this store's own pack (created at the first save, named after the
  /// packs already there so that it sorts after them), with one write; it supersedes every earlier
  /// record of the id. Throws std::runtime_error when it cannot be written (the pack is cut back to
  /// its last whole record first).
  void save(const CheckpointKey& key, const Document& doc);

  /// The document of the latest record of @p key's id, or nothing when there is none, it is bound to
  /// other hashes, or it is damaged. The packs are indexed at the first call (headers only).
  std::optional<Document> load(const CheckpointKey& key) const;

  /// Whether the latest record of @p key's id is bound to @p key (its payload is not read).
  bool has(const CheckpointKey& key) const;

  /// Removes every pack but this store's own, and the one-file-per-document checkpoints of older
  /// versions: for a run whose journal starts afresh, which no earlier record can serve. Returns how
  /// many files were removed.
  std::size_t remove_other_packs();

  /// Rewrites the live records into one new pack and removes every other pack, when the other
  /// records hold at least as many bytes as the live ones or there are more than 8 packs (so a
  /// folder resumed again and again stays within twice its live size). A record is live when it is
  /// the latest of its id, its payload checks, and @p live accepts its key. Meant for the end of a
  /// run, with no other thread using the store; a failure leaves the packs as they were. Returns
  /// whether it compacted.
  bool compact(const std::function<bool(const CheckpointKey&)>& live);

  /// The folder of the packs.
  const std::filesystem::path& folder() const noexcept { return folder_; }

 private:
  struct Located {
    std::size_t pack = 0;  // into fds_
    PackRecord record;
  };

  void index_locked() const;
  void remember_locked(std::size_t pack, PackRecord record) const;
  std::optional<Located> latest_locked(const std::string& id) const;
  void close_packs_locked() const;

  std::filesystem::path folder_;
  mutable std::mutex mutex_;
  // This store's own pack, opened at the first save.
  int own_fd_ = -1;
  std::filesystem::path own_path_;
  std::uint64_t own_size_ = 0;
  // The index: built lazily, then kept up to date by save().
  mutable bool indexed_ = false;
  mutable std::vector<int> fds_;  // read descriptors of the indexed packs, in age order
  mutable std::unordered_map<std::string, Located> latest_;
  mutable std::size_t own_pack_ = static_cast<std::size_t>(-1);  // into fds_, once indexed
};

}  // namespace docpipe::engine
