#pragma once
/// @file index_page.hpp
/// The index page of a run: one row per exported document.

#include <string>
#include <vector>

#include "summary_row.hpp"

namespace docpipe::html_export {

/// Renders the index of @p rows as a self-contained page (`table#docs`, filter box, sortable
/// columns): title linking to the document's page, year, region, date and counts, newest year
/// first, then by region and title.
std::string render_index_page(std::vector<SummaryRow> rows, const std::string& heading);

}  // namespace docpipe::html_export
