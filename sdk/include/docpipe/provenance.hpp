#pragma once
/// @file provenance.hpp
/// Which stages ran over a document, and how long each took.

#include <string>

namespace docpipe {

/// One stage's run over one document (filled by the engine, not by plugins).
struct StageRun {
  std::string plugin;         ///< Plugin name.
  std::string version;        ///< Plugin version.
  double milliseconds = 0;    ///< Wall time the stage took on this document.
};

}  // namespace docpipe
