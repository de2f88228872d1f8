#pragma once
// A realistic Document for exporter tests, built by hand from a real report of the shared corpus
// (corpus/reports/city_changsha_2024.txt: inline `（一）` headings, a numbered 名词解释 appendix).
// The layers are found with deliberately simple rules here, standing in for the analysis plugins;
// what matters to the exporters is that they are real text with real overlaps.

#include <string>

#include "docpipe/document.hpp"

namespace fixture {

/// Path of the corpus report the fixture uses.
std::string corpus_report_path();

/// The Changsha 2024 report with: sections (`一、` level 1, inline `（一）` level 2 up to the first
/// `。`, the glossary appendix), one paragraph per line, numbers (digits with `%`, `亿元`, `万人`,
/// `家`), indicators (a known indicator name followed by 增长 and a percentage in the same
/// sentence), the glossary entries and their term mentions, a marker `（4）` inserted after the
/// first mention of entry 4 and an unresolved marker `（99）` (the report has 47 entries), and one punctuation repair made with TextRewriter (the first heading's `（`,
/// damaged to `(` beforehand). Throws when the report cannot be read.
docpipe::Document changsha_document();

}  // namespace fixture
