#pragma once
/// @file testkit/plugin_under_test.hpp
/// Loads a plugin library through the engine's own loader and creates stage instances from it the
/// way `docpipe run` does: parameters checked against the descriptor, defaults filled in.

#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "docpipe/abi.hpp"
#include "docpipe/descriptor.hpp"
#include "docpipe/document.hpp"
#include "docpipe/stage.hpp"

namespace docpipe::testkit {

/// A plugin that could not be loaded, parameters the engine would refuse, or a stage that could not
/// start. what() carries the engine's own message.
class TestkitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parameter values as a pipeline config writes them: name to text.
using Params = std::map<std::string, std::string>;

/// Where and as what a stage instance runs (the rest of docpipe::StageContext).
struct StageOptions {
  /// The run's output folder. Empty: a fresh temporary folder, removed with the last copy of the
  /// stage (kept when the environment variable DOCPIPE_TESTKIT_KEEP is set, for inspection).
  std::filesystem::path output_dir;
  std::filesystem::path config_dir;  ///< Folder that relative path parameters are resolved from.
  std::string pipeline = "testkit";  ///< The pipeline's name.
  int worker = 0;                    ///< Worker index of this instance.
  int workers = 1;                   ///< Number of workers in the pretended run.
};

/// One stage instance, driven through the plugin boundary exactly as the engine drives it.
class StageUnderTest {
 public:
  /// Wraps @p instance of @p descriptor's plugin (made by PluginUnderTest::create); @p owned_dir,
  /// when set, is the temporary output folder to remove after the instance is gone.
  StageUnderTest(std::unique_ptr<abi::StageInstance> instance, const Descriptor& descriptor,
                 std::filesystem::path output_dir, std::shared_ptr<const void> owned_dir = {});

  /// Runs the stage over @p doc and appends a provenance record, as the engine does. Never throws:
  /// a stage's exception comes back as a failed status.
  abi::Status process(Document& doc);
  /// Runs the stage over @p doc and throws TestkitError with the stage's message when it fails.
  Document& run(Document& doc);
  /// Ends the run (Stage::finish) and returns its status.
  abi::Status finish();
  /// The output folder this instance was given.
  const std::filesystem::path& output_dir() const noexcept { return output_dir_; }

 private:
  std::shared_ptr<const void> owned_dir_;  // declared first: removed after the instance is destroyed
  std::unique_ptr<abi::StageInstance> instance_;
  const Descriptor* descriptor_;
  std::filesystem::path output_dir_;
};

/// A plugin library, loaded once per process by the engine's loader (ABI, build tag and descriptor
/// checks included) and kept loaded.
class PluginUnderTest {
 public:
  /// Loads the plugin in @p file. Throws TestkitError with the loader's message when a check fails.
  static PluginUnderTest load(const std::filesystem::path& file);
  /// Loads plugin @p name: the first `<name>.so` in @p folders. Throws TestkitError when none has it.
  static PluginUnderTest find(const std::string& name, const std::vector<std::filesystem::path>& folders);

  /// The plugin's descriptor.
  const Descriptor& descriptor() const noexcept { return factory_->descriptor(); }
  /// The library file.
  const std::filesystem::path& file() const noexcept { return file_; }

  /// The values a stage would get from a config that sets @p given: unknown names, invalid values and
  /// missing required parameters are refused (TestkitError naming them), defaults fill the rest.
  ParamValues resolve_params(const Params& given = {}) const;

  /// Creates a stage instance with @p params (resolved as above). Throws TestkitError when the
  /// parameters are refused or the stage's constructor fails.
  StageUnderTest create(const Params& params = {}, StageOptions options = {}) const;

 private:
  PluginUnderTest(std::filesystem::path file, abi::PluginFactory* factory) : file_(std::move(file)), factory_(factory) {}
  std::filesystem::path file_;
  abi::PluginFactory* factory_;
};

/// A fresh, empty folder with a unique name below the system temporary folder. The caller removes
/// it.
std::filesystem::path make_temp_dir(const std::string& prefix = "docpipe-testkit");

}  // namespace docpipe::testkit
