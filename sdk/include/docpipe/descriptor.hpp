#pragma once
/// @file descriptor.hpp
/// What a plugin says about itself: the host reads it before creating anything.

#include <cstdint>
#include <string>
#include <vector>

#include "docpipe/params.hpp"

namespace docpipe {

/// The stage kind, which orders a pipeline's stages in a user's mind and in `plugins list`.
enum class StageKind { repair, split, extract, link, export_, other };

/// Name of a stage kind: `repair`, `split`, `extract`, `link`, `export`, `other`.
inline const char* to_string(StageKind k) noexcept {
  switch (k) {
    case StageKind::repair: return "repair";
    case StageKind::split: return "split";
    case StageKind::extract: return "extract";
    case StageKind::link: return "link";
    case StageKind::export_: return "export";
    default: return "other";
  }
}

/// How the host may call a plugin's stages from its worker threads.
enum class Concurrency {
  /// One stage instance per worker thread; instances run at the same time on different documents.
  per_worker,
  /// One stage instance for the whole run; the host calls it from one thread at a time (for
  /// exporters that write one shared file or database).
  serialized
};

/// The full, C++-typed descriptor of a plugin.
struct Descriptor {
  std::string name;          ///< Unique plugin name, as pipelines name it (`encoding-repair`).
  std::string version;       ///< The plugin's own version (semantic versioning).
  std::string description;   ///< One sentence.
  StageKind kind = StageKind::other;           ///< Stage kind.
  Concurrency concurrency = Concurrency::per_worker;  ///< Threading contract.
  std::string author;        ///< Who maintains it.
  std::string license;       ///< SPDX license id.
  std::vector<ParamSpec> params;  ///< Declared parameters.
};

}  // namespace docpipe

extern "C" {
/// The C-layout part of the descriptor. The host reads it, and checks the ABI version and build tag,
/// before calling any C++ function of the plugin. Never change its layout: new fields go into
/// docpipe::Descriptor.
struct docpipe_plugin_abi_info {
  std::uint32_t abi_major;    ///< DOCPIPE_SDK_ABI_MAJOR the plugin was built with.
  std::uint32_t abi_minor;    ///< DOCPIPE_SDK_ABI_MINOR the plugin was built with.
  const char* build_tag;      ///< DOCPIPE_BUILD_TAG the plugin was built with.
  const char* plugin_name;    ///< Must equal Descriptor::name.
  const char* sdk_version;    ///< DOCPIPE_SDK_VERSION the plugin was built with.
};
}
