#pragma once
// Deterministic shards of the input list, the same on every machine.

#include <optional>
#include <string>

namespace docpipe::engine {

/// Shard @p index (0-based) of @p count.
struct Shard {
  int index = 0;
  int count = 1;

  /// Whether document @p id belongs to this shard: FNV-1a of the id, modulo count. Depends on the id
  /// only, never on the order or number of inputs.
  bool contains(const std::string& id) const noexcept;
  /// `I/N` with I counted from 1, as --shard takes it.
  std::string label() const;
};

/// Parses `I/N` (1 <= I <= N). Throws std::invalid_argument with a message for anything else.
Shard parse_shard(const std::string& text);

/// The shard a Slurm array task should process: from SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and
/// SLURM_ARRAY_TASK_MIN (ids need not start at 0 or 1). Nothing when they are not set. Throws
/// std::invalid_argument when they are set but inconsistent.
std::optional<Shard> shard_from_slurm_environment();

}  // namespace docpipe::engine
