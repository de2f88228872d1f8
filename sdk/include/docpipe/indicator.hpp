#pragma once
/// @file indicator.hpp
/// An indicator fact: a named figure that a report states as a target, a result or an estimate.

#include <optional>
#include <string>

#include "docpipe/span.hpp"

namespace docpipe {

/// One indicator fact, e.g. "GDP growth target for 2024: about 7%".
struct Indicator {
  std::string name;        ///< The indicator's name as written (`地區生產總值`).
  std::string canonical;   ///< Canonical id (`gdp`, `retail_sales`, ...), or empty when unknown.
  int period = 0;          ///< The year the figure is for, or 0.
  std::string status;      ///< `target`, `actual`, `estimate`, or empty.
  std::string measure;     ///< `growth`, `level` or `rate`.
  double value = 0;        ///< The value (growth in percent; a decrease is negative).
  std::optional<double> value_high;  ///< High end of a range, if any.
  std::string unit;        ///< As in NumberMention::unit.
  std::string qualifier;   ///< `about`, `at_least`, `at_most`, `range`, or empty.
  Span span;               ///< The figure's span (the number mention it comes from).
  Span sentence;           ///< The sentence holding it.
  int section = -1;        ///< Index into Document::sections of the innermost section, or -1.
};

}  // namespace docpipe
