#pragma once
/// @file number.hpp
/// A number mentioned in the text, with its value and unit.

#include <optional>
#include <string>

#include "docpipe/span.hpp"

namespace docpipe {

/// One number mention.
struct NumberMention {
  /// Where the mention stands, including its unit and qualifier words.
  Span span;
  /// The surface text of the mention (`341.7億元`).
  std::string text;
  /// The plain value with scale words multiplied out (`341.7億元` gives 34170000000); for a range,
  /// the low end.
  double value = 0;
  /// The high end of a range (`4.5%—5%`), if any.
  std::optional<double> value_high;
  /// `CNY`, `USD`, `EUR`, ... for money (value in yuan, dollars, ...), `%` for percent, `pp` for
  /// percentage points, otherwise the unit or measure word as written (`戶`, `畝`, `公里`), or empty.
  std::string unit;
  /// What kind of number: `cardinal`, `money`, `percent`, `percentage_point`, `measure`, `fraction`,
  /// `ordinal`, `date`, `year`, `name` (a name that only contains numerals: `二十大`, `十四五`).
  std::string kind;
  /// `about`, `at_least`, `at_most`, `range`, or empty for none.
  std::string qualifier;
};

}  // namespace docpipe
