#pragma once
/// @file testkit/conformance.hpp
/// The conformance check every plugin gets for free: the contract of the SDK, probed through the real
/// loader and the real plugin boundary.
///
/// Checks, in order (each one a ConformanceCheck in the report):
///  - `loads`: the engine's loader accepts the library (exports, ABI version, build tag, descriptor);
///  - `descriptor`: name equal to the file name and made of [a-z0-9-], semantic version, description,
///    author, license and every parameter's doc line filled in, parameter names a config can write;
///  - `parameters`: every default passes its own schema; for each parameter a value the schema must
///    refuse (a word for a number, a value below min, a choice not listed, ...) is refused the way the
///    engine refuses it; every value the schema declares valid (each choice, both booleans, min, max)
///    starts a stage that processes the sample;
///  - `starts`: a stage starts with the defaults;
///  - `sample`: it processes a short well-formed report and leaves every span on the offset contract
///    and every layer in order (testkit/span_checks.hpp), the text unchanged unless it is a repair
///    stage (which records repairs), annotations with a producer and diagnostics with a stage;
///  - `hostile-input`: an empty document, undecodable bytes and layers full of impossible spans end in
///    success or a failed status with a message, never a crash;
///  - `two-instances`: two instances side by side give the same result on the same document, also
///    when a per_worker plugin's instances run on two threads at once, and both finish cleanly;
///  - `exports`: `nm -D --defined-only` shows only the two entry points of the plugin's own symbols.
///
/// By default the checks run in a child process, so a plugin that crashes is reported (with the
/// signal and the check it was in) instead of ending the test program.

#include <filesystem>
#include <string>
#include <vector>

#include "docpipe/testkit/plugin_under_test.hpp"

namespace docpipe::testkit {

/// How to run the conformance check.
struct ConformanceOptions {
  /// Parameters to start the stage with (e.g. values for required parameters); defaults fill the rest.
  Params params;
  /// The well-formed document the stages process; empty: a short built-in report.
  std::string sample_text;
  /// Run in a forked child process, so a crash becomes a finding.
  bool isolate = true;
  /// Kill the child after this many seconds (isolated runs only).
  int timeout_seconds = 120;
  /// Run the `exports` check (needs `nm` on the PATH).
  bool check_exports = true;
};

/// The outcome of one check.
struct ConformanceCheck {
  std::string name;     ///< `loads`, `descriptor`, `parameters`, ...
  bool passed = false;  ///< True when the plugin keeps this part of the contract.
  std::string detail;   ///< What was found wrong (or a short note when it passed).
};

/// The outcome of the whole check for one plugin.
struct ConformanceReport {
  std::filesystem::path file;           ///< The library checked.
  std::vector<ConformanceCheck> checks; ///< In the order run.

  /// True when every check ran and passed.
  bool ok() const noexcept;
  /// One line per failed check: "name: detail".
  std::vector<std::string> problems() const;
  /// Every check with its verdict, one per line, for test output.
  std::string summary() const;
};

/// Runs every conformance check on the plugin library @p file.
ConformanceReport check_conformance(const std::filesystem::path& file, const ConformanceOptions& options = {});

/// The built-in sample: a short, well-formed report with a title block, numbered sections, figures
/// with units, a glossary marker and its glossary, a Latin word and a character outside the BMP.
const std::string& builtin_sample_text();

}  // namespace docpipe::testkit
