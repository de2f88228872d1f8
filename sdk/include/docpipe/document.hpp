#pragma once
/// @file document.hpp
/// The document model: the input bytes, the repaired text and the typed layers the stages fill.
///
/// Offsets. Every Span in every layer counts **bytes of the UTF-8 string Document::text**, on code
/// point boundaries. Document::source_map takes a text offset back to a byte offset of
/// Document::raw, the input exactly as read. Exporters turn byte offsets into code point offsets
/// (docpipe::CodepointIndex), which is what the JSON, CSV and SQLite exports publish.
///
/// Order of stages. A stage that changes the text (kind `repair`) must do so with
/// docpipe::TextRewriter, which remaps the spans of every layer already filled; stages that add spans
/// run after the text is final.

#include <cstdint>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "docpipe/annotation.hpp"
#include "docpipe/diagnostic.hpp"
#include "docpipe/glossary.hpp"
#include "docpipe/indicator.hpp"
#include "docpipe/metadata.hpp"
#include "docpipe/number.hpp"
#include "docpipe/provenance.hpp"
#include "docpipe/repair.hpp"
#include "docpipe/section.hpp"
#include "docpipe/source_map.hpp"
#include "docpipe/span.hpp"

namespace docpipe {

/// The encoding the input was read in.
struct Encoding {
  /// Canonical name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`, ... or empty before
  /// decoding. The engine sets `UTF-8` when the input is valid UTF-8.
  std::string name;
  /// How sure the detection is, in [0, 1] (1 when forced or certain, e.g. by a BOM).
  double confidence = 0;
  /// True when the input started with a byte order mark.
  bool bom = false;
};

/// One document as it travels through the pipeline.
struct Document {
  /// Stable id: the file name without extension (sub-folders joined with `__`), or a JSON Lines
  /// record's `id`.
  std::string id;
  /// Where it came from: a path, `-` for standard input, or `FILE.jsonl:LINE`.
  std::string source;
  /// The input bytes, exactly as read (for a JSON Lines record: its `text`, as UTF-8).
  std::string raw;
  /// The detected (or forced) input encoding.
  Encoding encoding;
  /// The text as UTF-8, after the repair stages. Spans of every layer index it.
  std::string text;
  /// Maps offsets of `text` back to offsets of `raw`.
  SourceMap source_map;

  std::vector<Repair> repairs;            ///< Every change made to the text, in text order.
  Metadata metadata;                      ///< Title block.
  std::vector<Section> sections;          ///< The section tree, flat, in document order.
  std::vector<Span> paragraphs;           ///< Paragraphs, in order, not overlapping.
  std::vector<Span> sentences;            ///< Sentences, in order, not overlapping.
  std::vector<NumberMention> numbers;     ///< Number mentions, in text order.
  std::vector<Indicator> indicators;      ///< Indicator facts, in text order.
  Glossary glossary;                      ///< Glossary entries and links.
  std::vector<Annotation> annotations;    ///< The open layer.
  std::vector<Diagnostic> diagnostics;    ///< Findings, in the order reported.
  std::vector<StageRun> provenance;       ///< Stages run, in order (filled by the engine).

  /// Adds a diagnostic (convenience for stages).
  void report(Severity severity, std::string code, std::string message, std::optional<Span> span = {},
              std::string stage = {}) {
    diagnostics.push_back({severity, std::move(code), std::move(message), span, std::move(stage)});
  }
};

/// Calls @p fn(Span&) for every span of every layer of @p doc (repairs excepted, which their writer
/// keeps), e.g. to remap them after the text changed.
template <class Fn>
void for_each_span(Document& doc, Fn&& fn) {
  fn(doc.metadata.title_span);
  for (auto& s : doc.sections) {
    fn(s.heading);
    fn(s.span);
  }
  for (auto& s : doc.paragraphs) fn(s);
  for (auto& s : doc.sentences) fn(s);
  for (auto& n : doc.numbers) fn(n.span);
  for (auto& i : doc.indicators) {
    fn(i.span);
    fn(i.sentence);
  }
  for (auto& e : doc.glossary.entries) {
    fn(e.span);
    fn(e.term_span);
  }
  for (auto& l : doc.glossary.links) fn(l.span);
  for (auto& u : doc.glossary.unresolved) fn(u.span);
  for (auto& a : doc.annotations) fn(a.span);
  for (auto& d : doc.diagnostics)
    if (d.span) fn(*d.span);
}

}  // namespace docpipe
