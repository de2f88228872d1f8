#pragma once
/// @file value_format.hpp
/// How figures read in the page: values with digit grouping, units and qualifiers in words.

#include <optional>
#include <string>

namespace docpipe::html_export {

/// @p value in fixed notation, shortest form that reads back exactly, digits grouped by three
/// (`34,170,000,000`, `5.5`, `-0.3`); `NaN`/`∞` stay visible as such.
std::string format_value(double value);

/// @p value in fixed notation, shortest exact form, no grouping (for sorting and machine reading).
std::string plain_value(double value);

/// The value of a figure with its range, qualifier and unit, e.g. `≥ 5.5 %`, `4.5–5 %`,
/// `≈ 34,170,000,000 CNY`. The unit codes of the SDK are kept as they are.
std::string format_figure(double value, const std::optional<double>& high, const std::string& unit,
                          const std::string& qualifier);

/// Like format_figure(), but values of ten thousand and more in 万 or 亿 (`≈ 341.7 亿 CNY`), as a
/// table column an analyst scans; the range's high end uses the low end's scale.
std::string compact_figure(double value, const std::optional<double>& high, const std::string& unit,
                           const std::string& qualifier);

/// Large values once more in the Chinese scale words an analyst reads in reports (`341.7 亿`,
/// `53.65 万`), or empty when the value is below ten thousand.
std::string chinese_scale(double value);

}  // namespace docpipe::html_export
