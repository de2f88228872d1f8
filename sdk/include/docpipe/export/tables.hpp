#pragma once
/// @file export/tables.hpp
/// The relational form of a document (`docpipe.tables/1`): one definition of tables, columns and
/// rows, shared by the CSV and SQLite exporters so that both always publish the same rows.
///
/// Every table but `documents` starts with `document_id` and `position` (the item's index in its
/// layer, from 0). Offsets: `text_begin`/`text_end` (and `heading_*`, `sentence_*`, `term_*`) count
/// Unicode code points of the document's text, as in the JSON export; `source_begin`/`source_end`
/// count bytes of the input file. SQL keywords (`begin`, `end`, `index`) are avoided as column
/// names so queries need no quoting. Unknown numbers are NULL (an empty CSV field); unknown strings
/// are empty strings. Maps (annotation attributes, metadata extras) and lists (aliases) are JSON text.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "docpipe/document.hpp"
#include "docpipe/export/json_writer.hpp"
#include "docpipe/export/text_offsets.hpp"

namespace docpipe::exporting {

/// The value of the schema marker the SQLite store keeps in its `docpipe_meta` table.
inline constexpr std::string_view tables_schema_id = "docpipe.tables/1";

/// The type of a column's values (its SQLite type affinity).
enum class ColumnType { integer, real, text };

/// One column of a table.
struct Column {
  std::string_view name;  ///< Column name.
  ColumnType type;        ///< Value type.
};

/// The tables, in the order exporters write them.
enum class Table {
  documents,
  sections,
  numbers,
  indicators,
  glossary_entries,
  glossary_links,
  glossary_unresolved,
  repairs,
  diagnostics,
  annotations,
  provenance
};

/// Every table, in writing order.
inline constexpr std::array<Table, 11> all_tables = {
    Table::documents,      Table::sections,       Table::numbers,     Table::indicators,
    Table::glossary_entries, Table::glossary_links, Table::glossary_unresolved, Table::repairs,
    Table::diagnostics,    Table::annotations,    Table::provenance};

/// One cell: NULL, an integer, a real or a text (the text views data that lives until for_each_row()
/// returns).
using Cell = std::variant<std::monostate, long long, double, std::string_view>;

/// Options that change the shape of the tables.
struct TableOptions {
  /// Add the document's full text as the last column of `documents` (`text`). The SQLite store
  /// keeps it; in CSV it is off by default because spreadsheets cut cells at 32767 characters.
  bool include_text = true;
};

namespace detail {
constexpr ColumnType I = ColumnType::integer, R = ColumnType::real, T = ColumnType::text;

inline constexpr Column documents_columns[] = {
    {"id", T}, {"source", T}, {"title", T}, {"date", T}, {"meeting", T}, {"region", T}, {"year", I},
    {"encoding", T}, {"encoding_confidence", R}, {"source_bytes", I}, {"text_length", I},
    {"sections", I}, {"paragraphs", I}, {"sentences", I}, {"numbers", I}, {"indicators", I},
    {"glossary_entries", I}, {"glossary_links", I}, {"glossary_unresolved", I}, {"repairs", I},
    {"diagnostics", I}, {"annotations", I}, {"extra", T}, {"text", T}};
inline constexpr Column sections_columns[] = {
    {"document_id", T}, {"position", I}, {"parent", I}, {"level", I}, {"label", T}, {"title", T},
    {"kind", T}, {"text_begin", I}, {"text_end", I}, {"heading_begin", I}, {"heading_end", I}};
inline constexpr Column numbers_columns[] = {
    {"document_id", T}, {"position", I}, {"text_begin", I}, {"text_end", I}, {"text", T},
    {"value", R}, {"value_high", R}, {"unit", T}, {"kind", T}, {"qualifier", T}};
inline constexpr Column indicators_columns[] = {
    {"document_id", T}, {"position", I}, {"name", T}, {"canonical", T}, {"period", I}, {"status", T},
    {"measure", T}, {"value", R}, {"value_high", R}, {"unit", T}, {"qualifier", T}, {"text_begin", I},
    {"text_end", I}, {"sentence_begin", I}, {"sentence_end", I}, {"section", I}};
inline constexpr Column glossary_entries_columns[] = {
    {"document_id", T}, {"position", I}, {"number", I}, {"term", T}, {"definition", T}, {"aliases", T},
    {"origin", T}, {"text_begin", I}, {"text_end", I}, {"term_begin", I}, {"term_end", I}};
inline constexpr Column glossary_links_columns[] = {
    {"document_id", T}, {"position", I}, {"entry", I}, {"number", I}, {"term", T}, {"kind", T},
    {"text_begin", I}, {"text_end", I}};
inline constexpr Column glossary_unresolved_columns[] = {
    {"document_id", T}, {"position", I}, {"marker", T}, {"number", I}, {"text_begin", I}, {"text_end", I}};
inline constexpr Column repairs_columns[] = {
    {"document_id", T}, {"position", I}, {"kind", T}, {"before", T}, {"after", T}, {"confidence", R},
    {"stage", T}, {"note", T}, {"text_begin", I}, {"text_end", I}, {"source_begin", I}, {"source_end", I}};
inline constexpr Column diagnostics_columns[] = {
    {"document_id", T}, {"position", I}, {"severity", T}, {"code", T}, {"message", T}, {"stage", T},
    {"text_begin", I}, {"text_end", I}};
inline constexpr Column annotations_columns[] = {
    {"document_id", T}, {"position", I}, {"type", T}, {"producer", T}, {"text_begin", I}, {"text_end", I},
    {"attributes", T}};
inline constexpr Column provenance_columns[] = {
    {"document_id", T}, {"position", I}, {"plugin", T}, {"version", T}, {"milliseconds", R}};

inline Cell positive_or_null(long long v) { return v > 0 ? Cell(v) : Cell(); }
inline Cell index_or_null(long long v) { return v >= 0 ? Cell(v) : Cell(); }
inline Cell count(std::size_t n) { return Cell(static_cast<long long>(n)); }

template <class Map>
void map_to_json(std::string& out, const Map& map) {
  out.clear();
  json::Writer w(out);
  w.begin_object();
  for (const auto& [k, v] : map) w.member(k, v);
  w.end_object();
}
}  // namespace detail

/// The table's name (also the SQLite table name).
inline std::string_view table_name(Table t) noexcept {
  switch (t) {
    case Table::documents: return "documents";
    case Table::sections: return "sections";
    case Table::numbers: return "numbers";
    case Table::indicators: return "indicators";
    case Table::glossary_entries: return "glossary_entries";
    case Table::glossary_links: return "glossary_links";
    case Table::glossary_unresolved: return "glossary_unresolved";
    case Table::repairs: return "repairs";
    case Table::diagnostics: return "diagnostics";
    case Table::annotations: return "annotations";
    default: return "provenance";
  }
}

/// The table's columns, in order, under @p options.
inline std::span<const Column> table_columns(Table t, const TableOptions& options = {}) noexcept {
  using namespace detail;
  switch (t) {
    case Table::documents: {
      std::span<const Column> all(documents_columns);
      return options.include_text ? all : all.first(all.size() - 1);
    }
    case Table::sections: return sections_columns;
    case Table::numbers: return numbers_columns;
    case Table::indicators: return indicators_columns;
    case Table::glossary_entries: return glossary_entries_columns;
    case Table::glossary_links: return glossary_links_columns;
    case Table::glossary_unresolved: return glossary_unresolved_columns;
    case Table::repairs: return repairs_columns;
    case Table::diagnostics: return diagnostics_columns;
    case Table::annotations: return annotations_columns;
    default: return provenance_columns;
  }
}

/// Number of rows table @p t gets from @p doc (without building them).
inline std::size_t row_count(Table t, const Document& doc) noexcept {
  switch (t) {
    case Table::documents: return 1;
    case Table::sections: return doc.sections.size();
    case Table::numbers: return doc.numbers.size();
    case Table::indicators: return doc.indicators.size();
    case Table::glossary_entries: return doc.glossary.entries.size();
    case Table::glossary_links: return doc.glossary.links.size();
    case Table::glossary_unresolved: return doc.glossary.unresolved.size();
    case Table::repairs: return doc.repairs.size();
    case Table::diagnostics: return doc.diagnostics.size();
    case Table::annotations: return doc.annotations.size();
    default: return doc.provenance.size();
  }
}

/// Calls @p sink(std::span<const Cell>) once per row of table @p t for document @p doc, in layer
/// order; each row has exactly table_columns(t, options).size() cells and there are row_count(t, doc)
/// rows. The rows' text cells stay valid until this function returns. @p at must index doc.text.
template <class Sink>
void for_each_row(Table t, const Document& doc, const TextOffsets& at, const TableOptions& options, Sink&& sink) {
  using detail::count;
  using detail::index_or_null;
  using detail::positive_or_null;
  const std::string_view id = doc.id;
  auto cp = [&](std::size_t byte) { return Cell(static_cast<long long>(at.to_codepoint(byte))); };
  auto pos = [](std::size_t i) { return Cell(static_cast<long long>(i)); };
  auto opt = [](const std::optional<double>& v) { return v ? Cell(*v) : Cell(); };
  // JSON cells (maps, lists) are built per row and kept until the end of the call, so that a sink
  // may keep a row's views beyond its own return (the SQLite store binds rows into multi-row
  // statements without copying them).
  std::vector<std::string> kept;
  const bool has_json_cells = t == Table::documents || t == Table::glossary_entries || t == Table::annotations;
  kept.reserve(has_json_cells ? row_count(t, doc) : 0);  // never reallocates: the views stay put
  auto keep = [&kept]() -> std::string& { return kept.emplace_back(); };
  switch (t) {
    case Table::documents: {
      const Metadata& m = doc.metadata;
      std::string& scratch = keep();
      detail::map_to_json(scratch, m.extra);
      const std::array<Cell, 24> row = {
          id, std::string_view(doc.source), std::string_view(m.title), std::string_view(m.date),
          std::string_view(m.meeting), std::string_view(m.region), positive_or_null(m.year),
          std::string_view(doc.encoding.name), doc.encoding.confidence, count(doc.raw.size()), count(at.size()),
          count(doc.sections.size()), count(doc.paragraphs.size()), count(doc.sentences.size()),
          count(doc.numbers.size()), count(doc.indicators.size()), count(doc.glossary.entries.size()),
          count(doc.glossary.links.size()), count(doc.glossary.unresolved.size()), count(doc.repairs.size()),
          count(doc.diagnostics.size()), count(doc.annotations.size()), std::string_view(scratch),
          std::string_view(doc.text)};
      sink(std::span<const Cell>(row).first(table_columns(t, options).size()));
      break;
    }
    case Table::sections:
      for (std::size_t i = 0; i < doc.sections.size(); ++i) {
        const Section& s = doc.sections[i];
        const std::array<Cell, 11> row = {id, pos(i), index_or_null(s.parent), static_cast<long long>(s.level),
                                          std::string_view(s.label), std::string_view(s.title),
                                          std::string_view(s.kind), cp(s.span.begin), cp(s.span.end),
                                          cp(s.heading.begin), cp(s.heading.end)};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::numbers:
      for (std::size_t i = 0; i < doc.numbers.size(); ++i) {
        const NumberMention& n = doc.numbers[i];
        const std::array<Cell, 10> row = {id, pos(i), cp(n.span.begin), cp(n.span.end), std::string_view(n.text),
                                          n.value, opt(n.value_high), std::string_view(n.unit),
                                          std::string_view(n.kind), std::string_view(n.qualifier)};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::indicators:
      for (std::size_t i = 0; i < doc.indicators.size(); ++i) {
        const Indicator& x = doc.indicators[i];
        const std::array<Cell, 16> row = {
            id, pos(i), std::string_view(x.name), std::string_view(x.canonical), positive_or_null(x.period),
            std::string_view(x.status), std::string_view(x.measure), x.value, opt(x.value_high),
            std::string_view(x.unit), std::string_view(x.qualifier), cp(x.span.begin), cp(x.span.end),
            cp(x.sentence.begin), cp(x.sentence.end), index_or_null(x.section)};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::glossary_entries:
      for (std::size_t i = 0; i < doc.glossary.entries.size(); ++i) {
        const GlossaryEntry& e = doc.glossary.entries[i];
        std::string& scratch = keep();
        json::Writer w(scratch);
        w.begin_array();
        for (const auto& a : e.aliases) w.value(a);
        w.end_array();
        const bool placed = !e.span.empty();
        const std::array<Cell, 11> row = {
            id, pos(i), static_cast<long long>(e.number), std::string_view(e.term), std::string_view(e.definition),
            std::string_view(scratch), std::string_view(e.origin), placed ? cp(e.span.begin) : Cell(),
            placed ? cp(e.span.end) : Cell(), placed ? cp(e.term_span.begin) : Cell(),
            placed ? cp(e.term_span.end) : Cell()};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::glossary_links:
      for (std::size_t i = 0; i < doc.glossary.links.size(); ++i) {
        const GlossaryLink& l = doc.glossary.links[i];
        const bool known = l.entry >= 0 && static_cast<std::size_t>(l.entry) < doc.glossary.entries.size();
        const GlossaryEntry* e = known ? &doc.glossary.entries[static_cast<std::size_t>(l.entry)] : nullptr;
        const std::array<Cell, 8> row = {id, pos(i), index_or_null(l.entry),
                                         e ? Cell(static_cast<long long>(e->number)) : Cell(),
                                         e ? Cell(std::string_view(e->term)) : Cell(std::string_view()),
                                         std::string_view(l.kind), cp(l.span.begin), cp(l.span.end)};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::glossary_unresolved:
      for (std::size_t i = 0; i < doc.glossary.unresolved.size(); ++i) {
        const UnresolvedMarker& u = doc.glossary.unresolved[i];
        const std::array<Cell, 6> row = {id, pos(i), std::string_view(u.marker), static_cast<long long>(u.number),
                                         cp(u.span.begin), cp(u.span.end)};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::repairs:
      for (std::size_t i = 0; i < doc.repairs.size(); ++i) {
        const Repair& r = doc.repairs[i];
        const std::array<Cell, 12> row = {
            id, pos(i), std::string_view(r.kind), std::string_view(r.before), std::string_view(r.after), r.confidence,
            std::string_view(r.stage), std::string_view(r.note), cp(r.span.begin), cp(r.span.end),
            count(r.source_begin), count(r.source_end)};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::diagnostics:
      for (std::size_t i = 0; i < doc.diagnostics.size(); ++i) {
        const Diagnostic& d = doc.diagnostics[i];
        const std::array<Cell, 8> row = {id, pos(i), std::string_view(to_string(d.severity)), std::string_view(d.code),
                                         std::string_view(d.message), std::string_view(d.stage),
                                         d.span ? cp(d.span->begin) : Cell(), d.span ? cp(d.span->end) : Cell()};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::annotations:
      for (std::size_t i = 0; i < doc.annotations.size(); ++i) {
        const Annotation& a = doc.annotations[i];
        std::string& scratch = keep();
        detail::map_to_json(scratch, a.attributes);
        const std::array<Cell, 7> row = {id, pos(i), std::string_view(a.type), std::string_view(a.producer),
                                         cp(a.span.begin), cp(a.span.end), std::string_view(scratch)};
        sink(std::span<const Cell>(row));
      }
      break;
    case Table::provenance:
      for (std::size_t i = 0; i < doc.provenance.size(); ++i) {
        const StageRun& s = doc.provenance[i];
        const std::array<Cell, 5> row = {id, pos(i), std::string_view(s.plugin), std::string_view(s.version),
                                         s.milliseconds};
        sink(std::span<const Cell>(row));
      }
      break;
  }
}

}  // namespace docpipe::exporting
