#pragma once
/// @file abi.hpp
/// The binary boundary between the host and a plugin. Plugin authors do not implement these
/// interfaces by hand: DOCPIPE_PLUGIN (plugin.hpp) generates them around a docpipe::Stage.
///
/// The contract:
/// - A plugin exports exactly two Boost.DLL aliases: `docpipe_plugin_abi`, a
///   `const docpipe_plugin_abi_info* ()` that the host calls first and that touches no C++ type, and
///   `docpipe_plugin_factory`, a `docpipe::abi::PluginFactory* ()` that the host calls only when the
///   ABI version and build tag match.
/// - Every function on this boundary is noexcept; errors travel as abi::Status.
/// - The host keeps every plugin library loaded for the life of the process, so objects and
///   exceptions made inside a plugin never outlive its code.

#include <memory>
#include <string>

#include "docpipe/descriptor.hpp"
#include "docpipe/document.hpp"
#include "docpipe/stage.hpp"

namespace docpipe::abi {

/// The outcome of a call across the boundary.
struct Status {
  bool ok = true;         ///< True on success.
  std::string message;    ///< Why it failed (empty on success).

  /// A success.
  static Status success() { return {}; }
  /// A failure with @p message.
  static Status failure(std::string message) { return {false, std::move(message)}; }
};

/// A stage instance as the host sees it.
class StageInstance {
 public:
  virtual ~StageInstance() = default;
  /// Runs the stage over @p doc.
  virtual Status process(Document& doc) noexcept = 0;
  /// Ends the run (see Stage::finish).
  virtual Status finish() noexcept = 0;
};

/// The object a plugin's `docpipe_plugin_factory` returns; it lives as long as the library.
class PluginFactory {
 public:
  /// The plugin's descriptor.
  virtual const Descriptor& descriptor() const noexcept = 0;
  /// Creates a stage instance for @p context into @p out.
  virtual Status create(const StageContext& context, std::unique_ptr<StageInstance>& out) noexcept = 0;

 protected:
  ~PluginFactory() = default;  // never deleted by the host
};

}  // namespace docpipe::abi
