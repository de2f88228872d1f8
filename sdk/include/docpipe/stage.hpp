#pragma once
/// @file stage.hpp
/// What a plugin author implements: a Stage that processes one document at a time.

#include <filesystem>
#include <string>

#include "docpipe/document.hpp"
#include "docpipe/params.hpp"

namespace docpipe {

/// Everything a stage learns when it is created.
struct StageContext {
  ParamValues params;                  ///< Its parameters, validated, defaults filled in.
  std::filesystem::path output_dir;    ///< The run's output folder (exporters write below it).
  std::filesystem::path config_dir;    ///< Folder of the pipeline config (relative paths in params).
  std::string pipeline;                ///< The pipeline's name.
  std::string plugin;                  ///< This plugin's name.
  int worker = 0;                      ///< Index of the worker thread this instance serves.
  int workers = 1;                     ///< Number of worker threads in the run.
};

/// Base class of a stage. The SDK's adapter (DOCPIPE_PLUGIN) calls it and turns every exception it
/// throws into an error status, so a Stage may throw freely: nothing crosses the plugin boundary.
///
/// Thread safety: with Concurrency::per_worker each worker thread owns one instance; with
/// Concurrency::serialized one instance sees every document, one call at a time.
class Stage {
 public:
  virtual ~Stage() = default;
  /// Processes one document in place. Throwing fails this document only; the batch goes on.
  virtual void process(Document& doc) = 0;
  /// Called once after the last document of the run (e.g. to write an index or close a database).
  virtual void finish() {}
};

}  // namespace docpipe
