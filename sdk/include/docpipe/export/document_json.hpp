#pragma once
/// @file export/document_json.hpp
/// The `docpipe.document/1` JSON form of a whole document, shared by export-json, export-jsonl and
/// any third-party exporter. The JSON Schema is docs/schema/docpipe.document-1.schema.json.
///
/// Offsets: every `begin`/`end` (and `*_begin`/`*_end` other than `source_*`) counts Unicode code
/// points of `text`, so Python's `text[begin:end]` is the span; `source_begin`/`source_end` count
/// bytes of the input file. Unknown numbers (year 0, period 0, no parent section, no high end of a
/// range, a diagnostic without a place) are `null`; unknown strings are `""`.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.hpp"
#include "docpipe/export/json_writer.hpp"
#include "docpipe/export/text_offsets.hpp"

namespace docpipe::exporting {

/// The value of the `schema` member.
inline constexpr std::string_view document_schema_id = "docpipe.document/1";

namespace detail {

inline void write_span(json::Writer& w, const TextOffsets& at, const Span& s, std::string_view begin_key = "begin",
                       std::string_view end_key = "end") {
  w.member(begin_key, at.to_codepoint(s.begin));
  w.member(end_key, at.to_codepoint(s.end));
}

inline void write_positive_or_null(json::Writer& w, std::string_view name, long long v) {
  w.key(name);
  if (v > 0) w.value(v);
  else w.null();
}

inline void write_section_fields(json::Writer& w, const TextOffsets& at, const Section& s, std::size_t index) {
  w.member("index", index);
  w.member("level", s.level);
  w.member("label", s.label);
  w.member("title", s.title);
  w.member("kind", s.kind);
  write_span(w, at, s.span);
  write_span(w, at, s.heading, "heading_begin", "heading_end");
}

/// Writes the flat section vector as a nested tree. Iterative, so a degenerate chain of sections
/// from a third-party stage cannot exhaust the stack; a parent index that does not point backwards
/// makes the section a root rather than losing it.
inline void write_sections(json::Writer& w, const TextOffsets& at, const std::vector<Section>& sections) {
  const int n = static_cast<int>(sections.size());
  std::vector<int> first_child(sections.size(), -1), last_child(sections.size(), -1), next_sibling(sections.size(), -1);
  int first_root = -1, last_root = -1;
  for (int i = 0; i < n; ++i) {
    const int p = sections[i].parent;
    if (p >= 0 && p < i) {
      (last_child[p] < 0 ? first_child[p] : next_sibling[last_child[p]]) = i;
      last_child[p] = i;
    } else {
      (last_root < 0 ? first_root : next_sibling[last_root]) = i;
      last_root = i;
    }
  }
  std::vector<int> open;
  auto begin_node = [&](int i) {
    w.begin_object();
    write_section_fields(w, at, sections[i], static_cast<std::size_t>(i));
    w.key("children").begin_array();
    open.push_back(i);
  };
  w.begin_array();
  for (int root = first_root; root >= 0; root = next_sibling[root]) {
    begin_node(root);
    int next = first_child[root];
    while (!open.empty()) {
      if (next >= 0) {
        begin_node(next);
        next = first_child[next];
        continue;
      }
      const int done = open.back();
      open.pop_back();
      w.end_array().end_object();
      if (!open.empty()) next = next_sibling[done];
    }
  }
  w.end_array();
}

inline void write_spans(json::Writer& w, const TextOffsets& at, const std::vector<Span>& spans) {
  w.begin_array();
  for (const Span& s : spans) {
    w.begin_object();
    write_span(w, at, s);
    w.end_object();
  }
  w.end_array();
}

}  // namespace detail

/// Writes @p doc as one `docpipe.document/1` object with @p w.
inline void write_document_json(json::Writer& w, const Document& doc) {
  using detail::write_span;
  const TextOffsets at(doc.text);
  w.begin_object();
  w.member("schema", document_schema_id);
  w.member("id", doc.id);
  w.member("source", doc.source);
  w.member("source_bytes", doc.raw.size());

  w.key("encoding").begin_object();
  w.member("detected", doc.encoding.name);
  w.member("confidence", doc.encoding.confidence);
  w.member("bom", doc.encoding.bom);
  w.end_object();

  if (at.well_formed()) w.member_well_formed("text", doc.text);
  else w.member("text", doc.text);

  const Metadata& m = doc.metadata;
  w.key("metadata").begin_object();
  w.member("title", m.title);
  w.member("date", m.date);
  w.member("meeting", m.meeting);
  w.member("region", m.region);
  detail::write_positive_or_null(w, "year", m.year);
  if (m.title_span.empty()) {
    w.key("title_begin").null();
    w.key("title_end").null();
  } else {
    write_span(w, at, m.title_span, "title_begin", "title_end");
  }
  w.key("extra").begin_object();
  for (const auto& [k, v] : m.extra) w.member(k, v);
  w.end_object();
  w.end_object();

  w.key("repairs").begin_array();
  for (const Repair& r : doc.repairs) {
    w.begin_object();
    write_span(w, at, r.span);
    w.member("before", r.before);
    w.member("after", r.after);
    w.member("kind", r.kind);
    w.member("confidence", r.confidence);
    w.member("source_begin", r.source_begin);
    w.member("source_end", r.source_end);
    w.member("stage", r.stage);
    w.member("note", r.note);
    w.end_object();
  }
  w.end_array();

  w.key("sections");
  detail::write_sections(w, at, doc.sections);
  w.key("paragraphs");
  detail::write_spans(w, at, doc.paragraphs);
  w.key("sentences");
  detail::write_spans(w, at, doc.sentences);

  w.key("numbers").begin_array();
  for (const NumberMention& n : doc.numbers) {
    w.begin_object();
    write_span(w, at, n.span);
    w.member("text", n.text);
    w.member("value", n.value);
    w.member("value_high", n.value_high);
    w.member("unit", n.unit);
    w.member("kind", n.kind);
    w.member("qualifier", n.qualifier);
    w.end_object();
  }
  w.end_array();

  w.key("indicators").begin_array();
  for (const Indicator& i : doc.indicators) {
    w.begin_object();
    w.member("name", i.name);
    w.member("canonical", i.canonical);
    detail::write_positive_or_null(w, "period", i.period);
    w.member("status", i.status);
    w.member("measure", i.measure);
    w.member("value", i.value);
    w.member("value_high", i.value_high);
    w.member("unit", i.unit);
    w.member("qualifier", i.qualifier);
    write_span(w, at, i.span);
    write_span(w, at, i.sentence, "sentence_begin", "sentence_end");
    w.key("section");
    if (i.section >= 0) w.value(i.section);
    else w.null();
    w.end_object();
  }
  w.end_array();

  const Glossary& g = doc.glossary;
  w.key("glossary").begin_object();
  w.key("entries").begin_array();
  for (const GlossaryEntry& e : g.entries) {
    w.begin_object();
    w.member("number", e.number);
    w.member("term", e.term);
    w.member("definition", e.definition);
    w.key("aliases").begin_array();
    for (const auto& a : e.aliases) w.value(a);
    w.end_array();
    w.member("origin", e.origin);
    if (e.span.empty()) {
      for (const char* k : {"begin", "end", "term_begin", "term_end"}) w.key(k).null();
    } else {
      write_span(w, at, e.span);
      write_span(w, at, e.term_span, "term_begin", "term_end");
    }
    w.end_object();
  }
  w.end_array();
  w.key("links").begin_array();
  for (const GlossaryLink& l : g.links) {
    w.begin_object();
    write_span(w, at, l.span);
    w.member("entry", l.entry);
    w.member("kind", l.kind);
    w.end_object();
  }
  w.end_array();
  w.key("unresolved").begin_array();
  for (const UnresolvedMarker& u : g.unresolved) {
    w.begin_object();
    w.member("marker", u.marker);
    w.member("number", u.number);
    write_span(w, at, u.span);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key("annotations").begin_array();
  for (const Annotation& a : doc.annotations) {
    w.begin_object();
    w.member("type", a.type);
    write_span(w, at, a.span);
    w.key("attributes").begin_object();
    for (const auto& [k, v] : a.attributes) w.member(k, v);
    w.end_object();
    w.member("producer", a.producer);
    w.end_object();
  }
  w.end_array();

  w.key("diagnostics").begin_array();
  for (const Diagnostic& d : doc.diagnostics) {
    w.begin_object();
    w.member("severity", to_string(d.severity));
    w.member("code", d.code);
    w.member("message", d.message);
    w.member("stage", d.stage);
    if (d.span) {
      write_span(w, at, *d.span);
    } else {
      w.key("begin").null();
      w.key("end").null();
    }
    w.end_object();
  }
  w.end_array();

  w.key("provenance").begin_array();
  for (const StageRun& s : doc.provenance) {
    w.begin_object();
    w.member("plugin", s.plugin);
    w.member("version", s.version);
    w.member("milliseconds", s.milliseconds);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

/// @p doc as a `docpipe.document/1` JSON text: compact (one line, for JSON Lines) or, with
/// @p pretty, indented.
inline std::string document_to_json(const Document& doc, bool pretty = false) {
  std::string out;
  out.reserve(doc.text.size() * 2 + 4096);
  json::Writer w(out, pretty);
  write_document_json(w, doc);
  return out;
}

}  // namespace docpipe::exporting
