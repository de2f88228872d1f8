#pragma once
/// @file summary_row.hpp
/// What the index page keeps of a document: a few strings and counts, never the document itself.

#include <cstddef>
#include <string>

#include "docpipe/document.hpp"

namespace docpipe::html_export {

/// One row of the index page.
struct SummaryRow {
  std::string id;          ///< Document id.
  std::string file;        ///< File name of its page, relative to the index.
  std::string title;       ///< Title shown (metadata title, else the id).
  int year = 0;            ///< Report year, or 0.
  std::string region;      ///< Issuing region, or empty.
  std::string date;        ///< Delivery date, or empty.
  std::string encoding;    ///< Detected input encoding.
  std::size_t sections = 0;      ///< Number of sections.
  std::size_t numbers = 0;       ///< Number of number mentions.
  std::size_t indicators = 0;    ///< Number of indicators.
  std::size_t glossary = 0;      ///< Number of glossary entries.
  std::size_t unresolved = 0;    ///< Number of unresolved glossary markers.
  std::size_t repairs = 0;       ///< Number of repairs.
  std::size_t problems = 0;      ///< Number of warning and error diagnostics.
};

/// The index row of @p doc, whose page is named @p file.
SummaryRow summarize(const Document& doc, std::string file);

}  // namespace docpipe::html_export
