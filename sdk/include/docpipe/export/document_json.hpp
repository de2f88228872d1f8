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
#include <optional>
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

using json::Name;

inline void write_span(json::Writer& w, const TextOffsets& at, const Span& s, const json::Name& begin_key = json::Name("begin"),
                       const json::Name& end_key = json::Name("end")) {
  w.members(begin_key, static_cast<long long>(at.to_codepoint(s.begin)), end_key, static_cast<long long>(at.to_codepoint(s.end)));
}

inline void write_positive_or_null(json::Writer& w, const json::Name& name, long long v) {
  if (v > 0) w.member(name, v);
  else w.member(name, std::optional<double>());  // `null`
}

/// `"begin": null, "end": null` (and other pairs): a span that is not there.
inline void write_null_span(json::Writer& w, const json::Name& begin_key = json::Name("begin"), const json::Name& end_key = json::Name("end")) {
  w.member(begin_key, std::optional<double>());
  w.member(end_key, std::optional<double>());
}

inline void write_section_fields(json::Writer& w, const TextOffsets& at, const Section& s, std::size_t index) {
  w.member(Name("index"), index);
  w.member(Name("level"), s.level);
  w.member(Name("label"), s.label);
  w.member(Name("title"), s.title);
  w.member(Name("kind"), s.kind);
  write_span(w, at, s.span);
  write_span(w, at, s.heading, Name("heading_begin"), Name("heading_end"));
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
    w.key(Name("children")).begin_array();
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
  for (const Span& s : spans)
    w.object(Name("begin"), static_cast<long long>(at.to_codepoint(s.begin)), Name("end"), static_cast<long long>(at.to_codepoint(s.end)));
  w.end_array();
}

}  // namespace detail

/// Writes @p doc as one `docpipe.document/1` object with @p w.
inline void write_document_json(json::Writer& w, const Document& doc) {
  using detail::write_span;
  using json::Name;
  const TextOffsets at(doc.text);
  w.begin_object();
  w.member(Name("schema"), document_schema_id);
  w.member(Name("id"), doc.id);
  w.member(Name("source"), doc.source);
  w.member(Name("source_bytes"), doc.raw.size());

  w.key(Name("encoding")).begin_object();
  w.member(Name("detected"), doc.encoding.name);
  w.member(Name("confidence"), doc.encoding.confidence);
  w.member(Name("bom"), doc.encoding.bom);
  w.end_object();

  if (at.well_formed()) w.member_well_formed(Name("text"), doc.text);
  else w.member(Name("text"), doc.text);

  const Metadata& m = doc.metadata;
  w.key(Name("metadata")).begin_object();
  w.member(Name("title"), m.title);
  w.member(Name("date"), m.date);
  w.member(Name("meeting"), m.meeting);
  w.member(Name("region"), m.region);
  detail::write_positive_or_null(w, Name("year"), m.year);
  if (m.title_span.empty()) {
    detail::write_null_span(w, Name("title_begin"), Name("title_end"));
  } else {
    write_span(w, at, m.title_span, Name("title_begin"), Name("title_end"));
  }
  w.key(Name("extra")).begin_object();
  for (const auto& [k, v] : m.extra) w.member(k, v);
  w.end_object();
  w.end_object();

  w.key(Name("repairs")).begin_array();
  for (const Repair& r : doc.repairs) {
    w.begin_object();
    write_span(w, at, r.span);
    w.member(Name("before"), r.before);
    w.member(Name("after"), r.after);
    w.member(Name("kind"), r.kind);
    w.member(Name("confidence"), r.confidence);
    w.member(Name("source_begin"), r.source_begin);
    w.member(Name("source_end"), r.source_end);
    w.member(Name("stage"), r.stage);
    w.member(Name("note"), r.note);
    w.end_object();
  }
  w.end_array();

  w.key(Name("sections"));
  detail::write_sections(w, at, doc.sections);
  w.key(Name("paragraphs"));
  detail::write_spans(w, at, doc.paragraphs);
  w.key(Name("sentences"));
  detail::write_spans(w, at, doc.sentences);

  w.key(Name("numbers")).begin_array();
  for (const NumberMention& n : doc.numbers) {
    w.begin_object();
    write_span(w, at, n.span);
    w.member(Name("text"), n.text);
    w.member(Name("value"), n.value);
    w.member(Name("value_high"), n.value_high);
    w.member(Name("unit"), n.unit);
    w.member(Name("kind"), n.kind);
    w.member(Name("qualifier"), n.qualifier);
    w.end_object();
  }
  w.end_array();

  w.key(Name("indicators")).begin_array();
  for (const Indicator& i : doc.indicators) {
    w.begin_object();
    w.member(Name("name"), i.name);
    w.member(Name("canonical"), i.canonical);
    detail::write_positive_or_null(w, Name("period"), i.period);
    w.member(Name("status"), i.status);
    w.member(Name("measure"), i.measure);
    w.member(Name("value"), i.value);
    w.member(Name("value_high"), i.value_high);
    w.member(Name("unit"), i.unit);
    w.member(Name("qualifier"), i.qualifier);
    write_span(w, at, i.span);
    write_span(w, at, i.sentence, Name("sentence_begin"), Name("sentence_end"));
    if (i.section >= 0) w.member(Name("section"), i.section);
    else w.member(Name("section"), std::optional<double>());
    w.end_object();
  }
  w.end_array();

  const Glossary& g = doc.glossary;
  w.key(Name("glossary")).begin_object();
  w.key(Name("entries")).begin_array();
  for (const GlossaryEntry& e : g.entries) {
    w.begin_object();
    w.member(Name("number"), e.number);
    w.member(Name("term"), e.term);
    w.member(Name("definition"), e.definition);
    w.key(Name("aliases")).begin_array();
    for (const auto& a : e.aliases) w.value(a);
    w.end_array();
    w.member(Name("origin"), e.origin);
    if (e.span.empty()) {
      detail::write_null_span(w);
      detail::write_null_span(w, Name("term_begin"), Name("term_end"));
    } else {
      write_span(w, at, e.span);
      write_span(w, at, e.term_span, Name("term_begin"), Name("term_end"));
    }
    w.end_object();
  }
  w.end_array();
  w.key(Name("links")).begin_array();
  for (const GlossaryLink& l : g.links) {
    w.begin_object();
    write_span(w, at, l.span);
    w.member(Name("entry"), l.entry);
    w.member(Name("kind"), l.kind);
    w.end_object();
  }
  w.end_array();
  w.key(Name("unresolved")).begin_array();
  for (const UnresolvedMarker& u : g.unresolved) {
    w.begin_object();
    w.member(Name("marker"), u.marker);
    w.member(Name("number"), u.number);
    write_span(w, at, u.span);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key(Name("annotations")).begin_array();
  for (const Annotation& a : doc.annotations) {
    w.begin_object();
    w.member(Name("type"), a.type);
    write_span(w, at, a.span);
    w.key(Name("attributes")).begin_object();
    for (const auto& [k, v] : a.attributes) w.member(k, v);
    w.end_object();
    w.member(Name("producer"), a.producer);
    w.end_object();
  }
  w.end_array();

  w.key(Name("diagnostics")).begin_array();
  for (const Diagnostic& d : doc.diagnostics) {
    w.begin_object();
    w.member(Name("severity"), to_string(d.severity));
    w.member(Name("code"), d.code);
    w.member(Name("message"), d.message);
    w.member(Name("stage"), d.stage);
    if (d.span) {
      write_span(w, at, *d.span);
    } else {
      detail::write_null_span(w);
    }
    w.end_object();
  }
  w.end_array();

  w.key(Name("provenance")).begin_array();
  for (const StageRun& s : doc.provenance) {
    w.begin_object();
    w.member(Name("plugin"), s.plugin);
    w.member(Name("version"), s.version);
    w.member(Name("milliseconds"), s.milliseconds);
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
