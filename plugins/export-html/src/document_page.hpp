#pragma once
/// @file document_page.hpp
/// The self-contained HTML page of one document.

#include <string>

#include "docpipe/document.hpp"
#include "document_marks.hpp"

namespace docpipe::html_export {

/// What a page shows.
struct PageOptions {
  int toc_depth = 3;              ///< Deepest section level listed in the table of contents.
  RepairMarks repairs = RepairMarks::significant;  ///< Which repairs to mark in the text.
  std::string lang = "auto";      ///< The page's `lang` attribute (BCP 47), or `auto` to guess zh-Hant/zh-Hans.
  std::string generator;          ///< Written into `<meta name="generator">` (may be empty).
};

/// Renders @p doc as one HTML page with inline CSS and script and no external resource: a header
/// (title, metadata, counts, layer toggles), the table of contents (`nav#toc`, links `#s-N` to the
/// heading of section N), the text with its marks (see document_marks()), the glossary (`dt#g-N`
/// with `data-term`), and a side panel with the indicator table (`table#indicator-table`, one row
/// per indicator linking to `#ind-N`), the unresolved markers, the repairs by kind and the
/// diagnostics. Every piece of document text is escaped.
std::string render_document_page(const Document& doc, const PageOptions& options = {});

/// The title a page shows for @p doc: its metadata title, else the text of its title span, else its id.
std::string display_title(const Document& doc);

}  // namespace docpipe::html_export
