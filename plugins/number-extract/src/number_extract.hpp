#pragma once
/// @file number_extract.hpp
/// The stage's work on one document: fill Document::numbers and Document::indicators.

#include <docpipe/document.hpp>

#include "indicator_table.hpp"

namespace number_extract {

/// Options of one run.
struct Options {
  bool indicators = true;  ///< Also extract indicator facts.
  bool names = true;       ///< Keep `name` mentions (二十大, 十四五) in Document::numbers.
};

/// Scans @p doc's text for number mentions and, with Options::indicators, indicator facts, and
/// replaces Document::numbers and Document::indicators with them. Uses Document::sentences and
/// Document::sections when a splitter filled them, and a sentence split of its own otherwise. Reports
/// a `number-extract-no-targets` warning when the text names its 预期目标 but no target was read.
void extract_numbers(docpipe::Document& doc, const IndicatorTable& table, const Options& options = {});

}  // namespace number_extract
