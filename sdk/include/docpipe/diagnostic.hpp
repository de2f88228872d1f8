#pragma once
/// @file diagnostic.hpp
/// Findings a stage reports about a document without failing it.

#include <optional>
#include <string>

#include "docpipe/span.hpp"

namespace docpipe {

/// How serious a diagnostic is.
enum class Severity { info, warning, error };

/// Name of a severity: `info`, `warning`, `error`.
inline const char* to_string(Severity s) noexcept {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    default: return "error";
  }
}

/// One finding, e.g. a glossary marker with no entry or a repair below the confidence threshold.
struct Diagnostic {
  Severity severity = Severity::warning;  ///< How serious.
  std::string code;                       ///< Stable machine-readable code, e.g. `glossary-unresolved-marker`.
  std::string message;                    ///< One sentence for a person.
  std::optional<Span> span;               ///< Where, if it has a place.
  std::string stage;                      ///< The plugin that reported it.
};

}  // namespace docpipe
