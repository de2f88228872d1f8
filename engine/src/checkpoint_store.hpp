#pragma once
// OUTDIR/.docpipe/checkpoints: each processed document as it left the analysis stages, so that a
// resumed run or `docpipe merge` can feed it to the exporters again without re-analysing it.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "docpipe/document.hpp"
#include "pipeline_config.hpp"

namespace docpipe::engine {

/// Index of the first stage that runs in the parent process and is replayed from checkpoints: the
/// first exporter or serialized stage (stages.size() when there is none). Stages before it are the
/// analysis part, run in --isolate workers.
std::size_t replay_start(const ResolvedPipeline& pipeline);

/// What a checkpoint is bound to: a document whose input or pipeline changed must not reuse it.
struct CheckpointKey {
  std::string id;
  std::string content_hash;
  std::string pipeline_hash;
};

/// The checkpoint folder of one output folder.
class CheckpointStore {
 public:
  explicit CheckpointStore(std::filesystem::path output_dir);

  /// Writes @p doc for @p key atomically (temp file + rename), replacing an older checkpoint.
  void save(const CheckpointKey& key, const Document& doc) const;

  /// The document saved for @p key, or nothing when there is none, it is bound to other hashes, or it
  /// is damaged.
  std::optional<Document> load(const CheckpointKey& key) const;

  /// The file of document @p id.
  std::filesystem::path file(const std::string& id) const;

 private:
  std::filesystem::path folder_;
};

}  // namespace docpipe::engine
