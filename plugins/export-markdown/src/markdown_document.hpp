#pragma once
/// @file markdown_document.hpp
/// A document as Markdown: the section tree as headings, paragraphs, glossary footnotes.

#include <string>

#include "docpipe/document.hpp"
#include "footnotes.hpp"

namespace docpipe::markdown_export {

/// What the Markdown shows.
struct MarkdownOptions {
  TermReferences term_references = TermReferences::first;  ///< Footnote references on term mentions.
  bool metadata_line = true;  ///< Write region, date and meeting under the title.
};

/// Renders @p doc as CommonMark with GitHub footnotes: `# title` (metadata title, else the title
/// span's text, else the id), a
/// metadata line, each section heading as `##`... by level (level 1 → `##`, capped at `######`),
/// each paragraph as a paragraph, glossary markers replaced by and term mentions followed by
/// footnote references `[^6]`, the glossary entries as footnote definitions at the end, and a note
/// listing unresolved markers. The text itself is kept as it is in Document::text (repaired),
/// escaped where Markdown would read it as syntax.
std::string render_markdown(const Document& doc, const MarkdownOptions& options = {});

/// A file name for the Markdown of document @p id: `exporting::safe_file_stem(id)` (the name every
/// exporter gives a document's files) plus `.md`.
std::string markdown_file_name(const std::string& id);

}  // namespace docpipe::markdown_export
