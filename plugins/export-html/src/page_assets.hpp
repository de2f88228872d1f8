#pragma once
/// @file page_assets.hpp
/// The style sheet and script every page carries inline, so a page works offline and alone.

#include <string_view>

namespace docpipe::html_export {

/// The CSS of a document page (screen and print).
std::string_view document_css();

/// The script of a document page: popups for figures, glossary terms, repairs and unresolved
/// markers (hover, focus or click), layer toggles, and sorting of the indicator table.
std::string_view document_js();

/// The CSS of the index page.
std::string_view index_css();

/// The script of the index page: filtering and sorting of the document table.
std::string_view index_js();

}  // namespace docpipe::html_export
