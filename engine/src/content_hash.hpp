#pragma once
// Hashes that decide whether a resumed run may skip a document: one of the input bytes and one of the
// pipeline that would process them.

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline_config.hpp"

namespace docpipe::engine {

/// XXH3 128-bit hash of @p bytes, 32 lower-case hex digits. A change detector, not a signature: it
/// runs at memory speed, where SHA-256 cost a quarter of a repair-only run.
std::string content_hash_hex(std::string_view bytes);

/// A hash of everything that decides a pipeline's output: for each stage in order its plugin's name,
/// version, SDK version, build tag, the hash of its library file and every parameter value
/// (defaults included). The config file's path, comments and layout do not count. Throws
/// std::runtime_error when a plugin library cannot be read.
std::string pipeline_fingerprint(const ResolvedPipeline& pipeline);

/// FNV-1a 64-bit hash of @p bytes: cheap and the same on every machine (for sharding and line checks).
std::uint64_t fnv1a64(std::string_view bytes) noexcept;

}  // namespace docpipe::engine
